import { labelOf } from "~/labels";
import { formatDateTime } from "~/lib/day";
import { t } from "~/messages";
import { EmailButton, EmailLayout, renderEmail } from "~/modules/email/templates";
import type { Role } from "./permissions";

export type InvitationEmailProps = {
  name: string;
  inviter: string;
  role: Role;
  link: string;
  expiresAt: Date;
};

export async function invitationEmail(p: InvitationEmailProps) {
  const role = labelOf("role", p.role);
  const body = t("invite.email.body", { inviter: p.inviter, role });
  const expiry = t("invite.email.expiry", { date: formatDateTime(p.expiresAt) });
  const html = await renderEmail(
    <EmailLayout preview={t("invite.email.subject")}>
      <p>{t("invite.email.greeting", { name: p.name })}</p>
      <p>{body}</p>
      <EmailButton href={p.link}>{t("invite.email.cta")}</EmailButton>
      <p style={{ fontSize: 14, color: "#4a5a68" }}>{expiry}</p>
      <p style={{ fontSize: 14, color: "#4a5a68" }}>{t("invite.email.ignore")}</p>
    </EmailLayout>,
  );
  const text = [
    t("invite.email.greeting", { name: p.name }),
    "",
    body,
    "",
    `${t("invite.email.cta")}: ${p.link}`,
    "",
    expiry,
    t("invite.email.ignore"),
  ].join("\n");
  return { subject: t("invite.email.subject"), html, text };
}

/** To the project lead: someone was invited into a role that reads participant data. */
export async function invitationNoticeEmail(p: {
  lead: string;
  inviter: string;
  invitee: string;
  email: string;
  role: Role;
}) {
  const subject = t("invite.notice.subject", { invitee: p.invitee });
  const greeting = t("invite.email.greeting", { name: p.lead });
  const body = t("invite.notice.body", {
    inviter: p.inviter,
    invitee: p.invitee,
    email: p.email,
    role: labelOf("role", p.role),
  });
  const html = await renderEmail(
    <EmailLayout preview={subject}>
      <p>{greeting}</p>
      <p>{body}</p>
    </EmailLayout>,
  );
  return { subject, html, text: [greeting, "", body].join("\n") };
}
