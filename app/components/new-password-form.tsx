import { Form } from "@remix-run/react";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { acceptSchema } from "~/modules/auth/schema";

/** Choosing a password (new account, or a reset): twice, with the account's address for the password manager. */
export function NewPasswordForm({
  email,
  submit,
  reply,
}: {
  email: string;
  submit: string;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(acceptSchema, { reply });
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        label={t("invite.password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        {...form.field("password")}
      />
      <TextField
        label={t("invite.passwordRepeat")}
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        {...form.field("passwordRepeat")}
      />
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {submit}
      </button>
    </Form>
  );
}
