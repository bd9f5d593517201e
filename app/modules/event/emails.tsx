import { formatDate, formatDateTime } from "~/lib/day";
import { type MessageKey, t } from "~/messages";
import type { EmailAttachment } from "~/modules/email/email.server";
import { EmailButton, EmailLayout, renderEmail } from "~/modules/email/templates";
import { icsFile } from "./ics";

export type EventForEmail = {
  id: string;
  title: string;
  description?: string | null;
  startsAt: Date;
  endsAt?: Date | null;
  place?: string | null;
  onlineUrl?: string | null;
};

const when = (e: EventForEmail) => `${formatDateTime(e.startsAt)} Uhr`;
const where = (e: EventForEmail) =>
  e.place ? ` in ${e.place}` : e.onlineUrl ? ` (${t("registration.online")})` : "";
const muted = { fontSize: 14, color: "#4a5a68" } as const;

/** The calendar entry for an event, as an email attachment. */
export function calendarAttachment(e: EventForEmail): EmailAttachment {
  const ics = icsFile({
    uid: `event-${e.id}@lotse`,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: e.place ?? e.onlineUrl,
    url: e.onlineUrl,
  });
  return {
    filename: "termin.ics",
    content: Buffer.from(ics, "utf8").toString("base64"),
    contentType: "text/calendar; charset=utf-8",
  };
}

/** "Sehr geehrte Frau Schulze," from the salutation; without one, "Guten Tag Anna Schulze,". */
export function greetingFor(person: {
  salutation?: string | null;
  firstName: string;
  lastName: string;
}) {
  const last = person.lastName.trim();
  if (person.salutation === "Frau" && last) return t("invitation.email.greetingFrau", { last });
  if (person.salutation === "Herr" && last) return t("invitation.email.greetingHerr", { last });
  return t("invitation.email.greeting", {
    name: `${person.firstName} ${person.lastName}`.trim(),
  });
}

/** The personal invitation with its registration link, and the inviter's own words if any. */
export async function invitationEmail(p: {
  greeting: string;
  personalText?: string | null;
  event: EventForEmail;
  link: string;
  expiresAt: Date;
}) {
  const subject = t("invitation.email.subject", { title: p.event.title });
  const greeting = p.greeting;
  const personal = p.personalText?.trim() || null;
  const body = t("invitation.email.body", {
    title: p.event.title,
    when: when(p.event),
    where: where(p.event),
  });
  const expiry = t("invitation.email.expiry", { date: formatDate(p.expiresAt) });
  const html = await renderEmail(
    <EmailLayout preview={subject}>
      <p>{greeting}</p>
      <p>{body}</p>
      {personal ? <p style={{ whiteSpace: "pre-line" }}>{personal}</p> : null}
      {p.event.description ? <p>{p.event.description}</p> : null}
      <EmailButton href={p.link}>{t("invitation.email.cta")}</EmailButton>
      <p style={muted}>{expiry}</p>
      <p style={muted}>{t("invitation.email.footer")}</p>
    </EmailLayout>,
  );
  const text = [
    greeting,
    "",
    body,
    ...(personal ? ["", personal] : []),
    ...(p.event.description ? ["", p.event.description] : []),
    "",
    `${t("invitation.email.cta")}: ${p.link}`,
    "",
    expiry,
    t("invitation.email.footer"),
  ].join("\n");
  return { subject, html, text };
}

/** "already": someone (maybe not the owner of the address) registered the address a second time. */
export type RegistrationMailKind = "confirmed" | "waiting" | "movedUp" | "already";

/**
 * An email to a registrant: greeting, paragraphs, and – while the registration can still be
 * withdrawn – the cancel link (as button and in the text).
 */
async function registrantEmail(p: {
  subject: string;
  name: string;
  body: string | string[];
  cancelLink?: string;
}) {
  const greeting = t("registration.email.greeting", { name: p.name });
  const paragraphs = typeof p.body === "string" ? [p.body] : p.body;
  const html = await renderEmail(
    <EmailLayout preview={p.subject}>
      <p>{greeting}</p>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      {p.cancelLink ? (
        <EmailButton href={p.cancelLink}>{t("registration.email.cancelCta")}</EmailButton>
      ) : null}
    </EmailLayout>,
  );
  const text = [
    greeting,
    ...paragraphs.flatMap((text) => ["", text]),
    ...(p.cancelLink ? ["", t("registration.email.cancel", { link: p.cancelLink })] : []),
  ].join("\n");
  return { subject: p.subject, html, text };
}

/** The event is cancelled: to everyone registered or waiting, with the lead's reason. */
export function eventCancelledEmail(p: {
  name: string;
  event: EventForEmail;
  reason: string | null;
}) {
  return registrantEmail({
    subject: t("eventCancelled.email.subject", { title: p.event.title }),
    name: p.name,
    body: [
      t("eventCancelled.email.body", { title: p.event.title, when: when(p.event) }),
      ...(p.reason ? [p.reason] : []),
      t("eventCancelled.email.closing"),
    ],
  });
}

/** Confirmation, waiting-list notice or move-up notice, with the cancel link. */
export async function registrationEmail(p: {
  kind: RegistrationMailKind;
  name: string;
  event: EventForEmail;
  cancelLink: string;
}) {
  const values = { title: p.event.title, when: when(p.event), where: where(p.event) };
  const subject = t(SUBJECTS[p.kind], { title: p.event.title });
  const mail = await registrantEmail({
    subject,
    name: p.name,
    body: t(`registration.email.${p.kind}`, values),
    cancelLink: p.cancelLink,
  });
  const withCalendar = p.kind === "confirmed" || p.kind === "movedUp";
  return { ...mail, attachments: withCalendar ? [calendarAttachment(p.event)] : [] };
}

const SUBJECTS = {
  confirmed: "registration.email.subject",
  waiting: "registration.email.waitingSubject",
  movedUp: "registration.email.movedUpSubject",
  already: "registration.email.alreadySubject",
} as const satisfies Record<RegistrationMailKind, MessageKey>;

/** The reminder two days before. */
export async function reminderEmail(p: { name: string; event: EventForEmail; cancelLink: string }) {
  const subject = t("reminder.email.subject", {
    title: p.event.title,
    day: formatDate(p.event.startsAt),
  });
  const mail = await registrantEmail({
    subject,
    name: p.name,
    body: t("reminder.email.body", {
      title: p.event.title,
      when: when(p.event),
      where: where(p.event),
    }),
    cancelLink: p.cancelLink,
  });
  return { ...mail, attachments: [calendarAttachment(p.event)] };
}
