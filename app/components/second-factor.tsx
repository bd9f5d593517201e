import { Form } from "@remix-run/react";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { codeSchema } from "~/modules/auth/schema";

/** Setting up the authenticator app: the QR code, the secret to type, the first code. */
export function EnrolSecondFactor({
  secret,
  qrSvg,
  reply,
  intent = "",
}: {
  secret: string;
  qrSvg: string;
  reply?: FormReply | null;
  intent?: string;
}) {
  const form = useSchemaForm(codeSchema, { reply, intent });
  return (
    <div className="enrol">
      <p>{t("totp.setupSteps")}</p>
      <div
        className="qr"
        role="img"
        aria-label={t("totp.qr")}
        // The SVG is made on the server from the otpauth URI (qrcode); no user input in it.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: generated SVG, see above
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p>
        {t("totp.secret")}: <code data-testid="totp-secret">{secret}</code>
      </p>
      <Form {...form.props}>
        <FormError message={form.message} />
        <TextField
          label={t("totp.code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
          {...form.field("code")}
        />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("totp.confirm")}
        </button>
      </Form>
    </div>
  );
}

/** The recovery codes, shown once after the set-up. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery" className="notice">
      <h2 id="recovery">{t("totp.recoveryTitle")}</h2>
      <p>{t("totp.recoveryIntro")}</p>
      <ul className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
