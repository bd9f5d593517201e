import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import { submitForm } from "~/lib/forms.server";
import { safeRedirectTarget } from "~/lib/security.server";
import { t } from "~/messages";
import { completeLogin } from "~/modules/auth/login.server";
import { codeSchema } from "~/modules/auth/schema";
import {
  clearPendingCookie,
  pendingUser,
  verifySecondFactor,
} from "~/modules/auth/second-factor.server";

export const meta: MetaFunction = () => [{ title: `${t("totp.title")} – ${t("app.name")}` }];

// Public step of the sign-in: only a browser whose password was just checked (the signed,
// short-lived pending cookie) gets here; anyone else goes back to the login.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await pendingUser(request);
  if (!user?.totpEnabledAt) throw redirect("/anmelden");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await pendingUser(request);
  if (!user?.totpEnabledAt) throw redirect("/anmelden");
  const ip = context?.clientIp ?? "unbekannt";
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo"));
  return submitForm(request, codeSchema, async ({ code }) => {
    await verifySecondFactor(user.id, code, { ip });
    const { setCookie } = await completeLogin(user.id, { ip, request });
    const headers = new Headers();
    headers.append("Set-Cookie", setCookie);
    headers.append("Set-Cookie", clearPendingCookie());
    return redirect(redirectTo, { headers });
  });
}

export default function CodePage() {
  const form = useSchemaForm(codeSchema, {
    reply: useActionData<typeof action>(),
    checkOnLeave: false,
  });
  return (
    <AuthCard title={t("totp.title")}>
      <p>{t("totp.intro")}</p>
      <Form {...form.props}>
        <FormError message={form.message} />
        <TextField
          label={t("totp.code")}
          hint={t("totp.codeHint")}
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          maxLength={20}
          {...form.field("code")}
        />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("totp.submit")}
        </button>
      </Form>
      <p className="auth-footer">
        <Link to="/anmelden">{t("reset.back")}</Link>
      </p>
    </AuthCard>
  );
}
