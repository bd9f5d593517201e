import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { NewPasswordForm } from "~/components/new-password-form";
import { AppError } from "~/lib/errors";
import { submitForm } from "~/lib/forms.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { acceptSchema } from "~/modules/auth/schema";
import { createSession } from "~/modules/auth/session.server";
import { acceptInvitation, findOpenInvitation } from "~/modules/auth/users.server";

export const meta: MetaFunction = () => [
  { title: `${t("invite.title")} – ${t("app.name")}` },
  { name: "referrer", content: "no-referrer" },
];

// Public page: the secret token in the link is the permission; an invalid one gets 410.
export async function loader({ params }: LoaderFunctionArgs) {
  const inv = await findOpenInvitation(params.token ?? "");
  if (!inv) return data({ invitation: null }, { status: 410 });
  return { invitation: { name: inv.name, email: inv.email } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  // A link that is unknown, used or expired: refused (and the attempt audited).
  const refused = async () => {
    await audit({
      action: "denied",
      entityType: "invitation",
      ip: context?.clientIp,
      detail: "ungültiger Einladungslink",
    });
    return new AppError(410, t("invite.invalid"));
  };
  return submitForm(request, acceptSchema, async ({ password }) => {
    const user = await acceptInvitation(token, password, context?.clientIp);
    if (!user) throw await refused();
    const setCookie = await createSession(user.id, context, request);
    return redirect("/uebersicht", { headers: { "Set-Cookie": setCookie } });
  });
}

export default function AcceptInvitationPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <AuthCard title={t("invite.title")}>
      {invitation ? (
        <>
          <p>{t("invite.intro", { name: invitation.name })}</p>
          <NewPasswordForm email={invitation.email} submit={t("invite.submit")} reply={reply} />
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {t("invite.invalid")}
          </p>
          <p>
            <Link to="/anmelden">{t("login.title")}</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
