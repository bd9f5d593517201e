import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { FormError, TextField } from "~/components/form";
import { parseForm } from "~/lib/forms.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { createSession } from "~/modules/auth/session.server";
import { acceptInvitation, acceptSchema, findOpenInvitation } from "~/modules/auth/users.server";

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
  const refused = async () => {
    await audit({
      action: "denied",
      entityType: "invitation",
      ip: context?.clientIp,
      detail: "ungültiger Einladungslink",
    });
    return data({ errors: {}, message: t("invite.invalid") }, { status: 410 });
  };
  if (!(await findOpenInvitation(token))) return refused();
  const form = await parseForm(request, acceptSchema);
  if (!form.ok) return data({ errors: form.errors, message: null }, { status: 400 });
  const user = await acceptInvitation(token, form.data.password, context?.clientIp);
  if (!user) return refused();
  const setCookie = await createSession(user.id, context, request);
  return redirect("/uebersicht", { headers: { "Set-Cookie": setCookie } });
}

export default function AcceptInvitationPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string[] | undefined>;
  return (
    <AuthCard title={t("invite.title")}>
      {invitation ? (
        <>
          <p>{t("invite.intro", { name: invitation.name })}</p>
          <FormError message={result?.message} />
          <Form method="post" noValidate>
            <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
            <TextField
              label={t("invite.password")}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              maxLength={128}
              error={errors.password}
            />
            <TextField
              label={t("invite.passwordRepeat")}
              name="passwordRepeat"
              type="password"
              autoComplete="new-password"
              required
              maxLength={128}
              error={errors.passwordRepeat}
            />
            <button type="submit" className="button button-primary">
              {t("invite.submit")}
            </button>
          </Form>
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
