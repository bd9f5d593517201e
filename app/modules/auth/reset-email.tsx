import { formatDateTime } from "~/lib/day";
import { t } from "~/messages";
import { EmailButton, EmailLayout, renderEmail } from "~/modules/email/templates";

/** The "Passwort vergessen" email: a single-use link that expires. */
export async function passwordResetEmail(p: { name: string; link: string; expiresAt: Date }) {
  const subject = t("reset.email.subject");
  const expiry = t("reset.email.expiry", { date: formatDateTime(p.expiresAt) });
  const html = await renderEmail(
    <EmailLayout preview={subject}>
      <p>{t("invite.email.greeting", { name: p.name })}</p>
      <p>{t("reset.email.body")}</p>
      <EmailButton href={p.link}>{t("reset.email.cta")}</EmailButton>
      <p style={{ fontSize: 14, color: "#4a5a68" }}>{expiry}</p>
      <p style={{ fontSize: 14, color: "#4a5a68" }}>{t("reset.email.ignore")}</p>
    </EmailLayout>,
  );
  const text = [
    t("invite.email.greeting", { name: p.name }),
    "",
    t("reset.email.body"),
    "",
    `${t("reset.email.cta")}: ${p.link}`,
    "",
    expiry,
    t("reset.email.ignore"),
  ].join("\n");
  return { subject, html, text };
}
