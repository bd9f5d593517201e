import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { NewPasswordForm } from "~/components/new-password-form";
import { AppError } from "~/lib/errors";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { findOpenReset, resetPassword } from "~/modules/auth/reset.server";
import { acceptSchema } from "~/modules/auth/schema";

export const meta: MetaFunction = () => [
  { title: `${t("reset.newTitle")} – ${t("app.name")}` },
  { name: "referrer", content: "no-referrer" },
];

// Public page: the secret token in the link is the permission; an invalid one gets 410.
export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findOpenReset(params.token ?? "");
  if (!reset) return data({ email: null }, { status: 410 });
  return { email: reset.email };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return submitForm(request, acceptSchema, async ({ password }) => {
    const done = await resetPassword(params.token ?? "", password, context?.clientIp);
    if (!done) {
      await audit({
        action: "denied",
        entityType: "user",
        ip: context?.clientIp,
        detail: "ungültiger Link zum Zurücksetzen des Passworts",
      });
      throw new AppError(410, t("reset.invalid"));
    }
    return redirectWithToast("/anmelden", { kind: "success", text: t("reset.done") });
  });
}

export default function NewPasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <AuthCard title={t("reset.newTitle")}>
      {email ? (
        <>
          <p>{t("reset.newIntro", { email })}</p>
          <NewPasswordForm email={email} submit={t("reset.save")} reply={reply} />
        </>
      ) : (
        <p className="notice">{t("reset.invalid")}</p>
      )}
      <p className="auth-footer">
        <Link to="/passwort-vergessen">{t("login.forgot")}</Link>
      </p>
    </AuthCard>
  );
}
