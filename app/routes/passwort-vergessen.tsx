import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import { submitForm } from "~/lib/forms.server";
import { t } from "~/messages";
import { requestPasswordReset } from "~/modules/auth/reset.server";
import { forgotSchema } from "~/modules/auth/schema";

export const meta: MetaFunction = () => [{ title: `${t("reset.title")} – ${t("app.name")}` }];

// Public page and action: anyone may ask; the answer is the same whether the address has an
// account or not, and asking is throttled (requestPasswordReset).
export async function action({ request, context }: ActionFunctionArgs) {
  return submitForm(request, forgotSchema, async ({ email }) => {
    await requestPasswordReset(email, { ip: context?.clientIp ?? "unbekannt" });
    return { sent: true as const };
  });
}

export default function ForgotPasswordPage() {
  const reply = useActionData<typeof action>();
  const sent = reply && "sent" in reply;
  const form = useSchemaForm(forgotSchema, { reply: sent ? null : reply });
  return (
    <AuthCard title={t("reset.title")}>
      {sent ? (
        <p role="status" className="notice">
          {t("reset.sent")}
        </p>
      ) : (
        <>
          <p>{t("reset.intro")}</p>
          <Form {...form.props}>
            <FormError message={form.message} />
            <TextField
              label={t("login.email")}
              type="email"
              autoComplete="username"
              required
              maxLength={254}
              {...form.field("email")}
            />
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t("reset.submit")}
            </button>
          </Form>
        </>
      )}
      <p className="auth-footer">
        <Link to="/anmelden">{t("reset.back")}</Link>
      </p>
    </AuthCard>
  );
}
