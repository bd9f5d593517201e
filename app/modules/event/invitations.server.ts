import { db, Prisma, queryRows, sqlBool, sqlText, sqlTextOrNull } from "~/db.server";
import { env } from "~/env.server";
import { AppError, fieldError } from "~/lib/errors";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { EMAIL_CONSENT } from "~/modules/contact/values";
import { queueEmail } from "~/modules/email/email.server";
import { greetingFor, invitationEmail } from "./emails";
import { closedReason, EVENT_EMAIL_SELECT, registrationPath } from "./registration.server";
import type { RecipientFilter } from "./schema";

const CANDIDATE = {
  id: sqlText,
  salutation: sqlTextOrNull,
  firstName: sqlText,
  lastName: sqlText,
  email: sqlTextOrNull,
  invalid: sqlBool,
  consent: sqlBool,
  invited: sqlBool,
  company: sqlTextOrNull,
};

export type LeftOut = { noEmail: number; invalid: number; noConsent: number; already: number };

function filterSql(f: RecipientFilter) {
  const and: Prisma.Sql[] = [Prisma.sql`cp."archivedAt" IS NULL`];
  if (f.kreis) and.push(Prisma.sql`c."districtAgs" = ${f.kreis}`);
  if (f.status) and.push(Prisma.sql`c."outreachStatus" = ${f.status}`);
  if (f.branche) and.push(Prisma.sql`c.industry = ${f.branche}`);
  if (f.multiplikator)
    and.push(
      Prisma.sql`(c."multiplierType" = ${f.multiplikator} OR cp."multiplierType" = ${f.multiplikator})`,
    );
  if (f.tag)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "CompanyTag" ct JOIN "Tag" g ON g.id = ct."tagId"
      WHERE ct."companyId" = c.id AND g.name = ${f.tag})`);
  if (f.kontakte?.length) and.push(Prisma.sql`cp.id IN (${Prisma.join(f.kontakte)})`);
  return Prisma.join(and, " AND ");
}

async function candidates(eventId: string, filter: RecipientFilter) {
  return queryRows(
    CANDIDATE,
    Prisma.sql`SELECT cp.id, cp.salutation, cp."firstName", cp."lastName", cp.email, cp."emailInvalidAt" IS NOT NULL AS invalid,
      EXISTS (SELECT 1 FROM "Consent" k WHERE k."contactId" = cp.id AND k.purpose = ${EMAIL_CONSENT}
        AND k."withdrawnAt" IS NULL) AS consent,
      EXISTS (SELECT 1 FROM "EventInvitation" i WHERE i."eventId" = ${eventId}
        AND i."contactId" = cp.id) AS invited, c.name AS company
    FROM "ContactPerson" cp LEFT JOIN "Company" c ON c.id = cp."companyId"
    WHERE ${filterSql(filter)}
    ORDER BY cp."lastName", cp."firstName"`,
  );
}

/**
 * Who of the filtered contact persons gets an invitation, and how many are left out and why:
 * without email, with an address that bounced, without consent, or invited already.
 */
export async function previewRecipients(eventId: string, filter: RecipientFilter) {
  const rows = await candidates(eventId, filter);
  const leftOut: LeftOut = { noEmail: 0, invalid: 0, noConsent: 0, already: 0 };
  const eligible: {
    id: string;
    name: string;
    email: string;
    greeting: string;
    company: string | null;
  }[] = [];
  for (const r of rows) {
    if (!r.email) leftOut.noEmail++;
    else if (r.invalid) leftOut.invalid++;
    else if (!r.consent) leftOut.noConsent++;
    else if (r.invited) leftOut.already++;
    else
      eligible.push({
        id: r.id,
        name: `${r.firstName} ${r.lastName}`.trim(),
        email: r.email,
        greeting: greetingFor(r),
        company: r.company,
      });
  }
  return { eligible, leftOut };
}

/** What the inviter chose on the page: whom of the eligible, and her own words. */
export type InvitationChoice = { include: readonly string[]; personalText: string | null };

/** The eligible contacts the inviter kept ticked (ids from the form outside the filter are ignored). */
export async function chosenRecipients(
  eventId: string,
  filter: RecipientFilter,
  choice: InvitationChoice,
) {
  const { eligible } = await previewRecipients(eventId, filter);
  const wanted = new Set(choice.include);
  return eligible.filter((r) => wanted.has(r.id));
}

/** The confirmation step: whom the invitation goes to and the first email as it will look. */
export async function confirmInvitations(
  eventId: string,
  filter: RecipientFilter,
  choice: InvitationChoice,
) {
  const recipients = await chosenRecipients(eventId, filter, choice);
  if (!recipients.length) throw fieldError("an", t("invitation.noneSelected"));
  return {
    count: recipients.length,
    recipients: recipients.map((r) => ({ id: r.id, name: r.name, company: r.company })),
    preview: await invitationPreview(eventId, {
      greeting: recipients[0]!.greeting,
      personalText: choice.personalText,
    }),
  };
}

/**
 * Invites the contacts the inviter chose and confirmed: one invitation with a personal, expiring
 * link each and its email in the outbox, all in one transaction — a failure sends nothing, and a
 * second click finds everyone already invited. The confirmed count must still be the number of
 * recipients; if the list changed in between, nothing is sent and the page asks again.
 */
export async function sendInvitations(
  user: SessionUser,
  eventId: string,
  filter: RecipientFilter,
  choice: InvitationChoice & { confirmedCount: number },
  meta: { ip?: string } = {},
) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      ...EVENT_EMAIL_SELECT,
      publicSlug: true,
      registrationDeadline: true,
      cancelledAt: true,
    },
  });
  if (!event) throw new AppError(404, t("validation.notFound"));
  const closed = closedReason(event);
  if (closed) throw new AppError(409, closed);
  const eligible = await chosenRecipients(eventId, filter, choice);
  if (!eligible.length) throw fieldError("an", t("invitation.noneSelected"));
  if (eligible.length !== choice.confirmedCount) throw new AppError(409, t("invitation.changed"));
  const expiresAt = event.registrationDeadline ?? event.startsAt;
  const outboxIds: string[] = [];
  await db.$transaction(
    async (tx) => {
      for (const contact of eligible) {
        const token = randomToken();
        const invitation = await tx.eventInvitation.create({
          data: {
            eventId,
            contactId: contact.id,
            tokenHash: hashToken(token),
            expiresAt,
            createdById: user.id,
          },
          select: { id: true },
        });
        const link = new URL(
          `${registrationPath(event.publicSlug)}?t=${token}`,
          env.APP_URL,
        ).toString();
        const mail = await invitationEmail({
          greeting: contact.greeting,
          personalText: choice.personalText,
          event,
          link,
          expiresAt,
        });
        const outbox = await queueEmail(
          {
            kind: "event-invitation",
            to: contact.email,
            toName: contact.name,
            ...mail,
            idempotencyKey: `event-invitation:${invitation.id}`,
          },
          tx,
        );
        await tx.eventInvitation.update({
          where: { id: invitation.id },
          data: { outboxId: outbox.id },
        });
        outboxIds.push(outbox.id);
      }
      await audit(
        {
          actorId: user.id,
          action: "invite",
          entityType: "event",
          entityId: eventId,
          after: {
            filter,
            count: eligible.length,
            personalText: Boolean(choice.personalText),
          },
          ip: meta.ip,
        },
        tx,
      );
    },
    { timeout: 120_000 },
  );
  return { count: eligible.length, outboxIds };
}

/** The invitation email as it will look, for the preview (with a sample link). */
export async function invitationPreview(
  eventId: string,
  personal: { greeting: string; personalText: string | null } = {
    greeting: t("invitation.email.greetingFrau", { last: "Beispiel" }),
    personalText: null,
  },
) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { ...EVENT_EMAIL_SELECT, publicSlug: true, registrationDeadline: true },
  });
  if (!event) return null;
  return invitationEmail({
    ...personal,
    event,
    link: new URL(`${registrationPath(event.publicSlug)}?t=…`, env.APP_URL).toString(),
    expiresAt: event.registrationDeadline ?? event.startsAt,
  });
}

/** Values for the recipient filter's menus. */
export async function recipientFilterOptions() {
  const [industries, tags] = await Promise.all([
    db.company.findMany({
      where: { archivedAt: null, industry: { not: null } },
      distinct: ["industry"],
      orderBy: { industry: "asc" },
      select: { industry: true },
      take: 200,
    }),
    db.tag.findMany({ orderBy: { name: "asc" }, select: { name: true }, take: 500 }),
  ]);
  return {
    industries: industries.map((i) => i.industry!).filter(Boolean),
    tags: tags.map((g) => g.name),
  };
}

/** Who was invited to an event and how far each email got (held, pending, sent, failed, bounced). */
export async function invitationStatuses(eventId: string) {
  const invitations = await db.eventInvitation.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      outboxId: true,
      contact: { select: { id: true, firstName: true, lastName: true, email: true } },
    },
  });
  const outbox = await db.emailOutbox.findMany({
    where: { id: { in: invitations.flatMap((i) => (i.outboxId ? [i.outboxId] : [])) } },
    select: { id: true, status: true },
  });
  const status = new Map(outbox.map((o) => [o.id, o.status]));
  return invitations.map((i) => ({
    id: i.id,
    contactId: i.contact.id,
    name: `${i.contact.firstName} ${i.contact.lastName}`.trim(),
    email: i.contact.email,
    status: (i.outboxId && status.get(i.outboxId)) || "pending",
  }));
}
