import { randomUUID } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { formatDate, today } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { personSearchName } from "~/lib/text";
import { hashToken, signedToken } from "~/lib/tokens.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { findDuplicates } from "~/modules/company/duplicates.server";
import { createCompanyIn } from "~/modules/company/editing.server";
import { companyFormSchema } from "~/modules/company/schema";
import { queueEmail } from "~/modules/email/email.server";
import { logInteractionIn } from "~/modules/interaction/log.server";
import { INFORMED_TOPIC } from "~/modules/interaction/values";
import { participantScope } from "~/modules/participant/access.server";
import { type EventForEmail, type RegistrationMailKind, registrationEmail } from "./emails";
import type { RegistrationInput, WalkInInput } from "./schema";
import { attendanceOpen, INFORMING_TYPES } from "./values";

const OPEN = ["angemeldet", "warteliste"];

export const registrationPath = (slug: string) => `/anmeldung/${slug}`;
export const cancelPath = (slug: string, token: string) => `/anmeldung/${slug}/abmelden/${token}`;
/** The link in every email to a registrant with which they cancel. */
export const cancelLink = (slug: string, registrationId: string) =>
  new URL(cancelPath(slug, signedToken("cancel", registrationId)), env.APP_URL).toString();

/** The event fields every email about it needs. */
export const EVENT_EMAIL_SELECT = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
} as const;

/** What the public page shows of an event (no registrations, no counts). */
export async function getPublicEvent(slug: string) {
  const event = await db.event.findUnique({
    where: { publicSlug: slug },
    select: {
      ...EVENT_EMAIL_SELECT,
      type: true,
      publicSlug: true,
      publicRegistration: true,
      registrationDeadline: true,
      cancelledAt: true,
      capacity: true,
    },
  });
  if (!event) return null;
  // Free places as the public page shows them (null: no limit); a full event takes a waiting list.
  const freePlaces =
    event.capacity == null ? null : Math.max(0, event.capacity - (await seatsTaken(db, event.id)));
  return { ...event, freePlaces };
}

/** Why registration is closed right now, or null when it is open. */
export function closedReason(
  e: { startsAt: Date; registrationDeadline: Date | null; cancelledAt: Date | null },
  now = new Date(),
): string | null {
  if (e.cancelledAt) return t("registration.cancelledEvent");
  if (e.startsAt < now) return t("registration.past");
  if (e.registrationDeadline && e.registrationDeadline < now) return t("registration.closed");
  return null;
}

/** The invitation behind a personal link, if it is for this event and still valid. */
export async function invitationForToken(
  eventId: string,
  token: string | null,
  now = new Date(),
  client: Tx | typeof db = db,
) {
  if (!token || token.length > 100) return null;
  const invitation = await client.eventInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      eventId: true,
      expiresAt: true,
      contact: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          phone: true,
          function: true,
          companyId: true,
          company: { select: { name: true, plz: true } },
        },
      },
    },
  });
  if (!invitation || invitation.eventId !== eventId || invitation.expiresAt < now) return null;
  return invitation;
}

async function seatsTaken(tx: Tx | typeof db, eventId: string) {
  const sum = await tx.eventRegistration.aggregate({
    where: { eventId, status: "angemeldet" },
    _sum: { persons: true },
  });
  return sum._sum.persons ?? 0;
}

async function queueRegistrationMail(
  tx: Tx,
  kind: RegistrationMailKind,
  registration: { id: string; name: string; email: string | null },
  event: EventForEmail & { publicSlug: string },
  /** Sent again only when this changes (e.g. a day): part of the idempotency key. */
  occasion?: string,
) {
  if (!registration.email) return null;
  const idempotencyKey = `registration:${registration.id}:${kind}${occasion ? `:${occasion}` : ""}`;
  if (await tx.emailOutbox.findUnique({ where: { idempotencyKey }, select: { id: true } }))
    return null;
  const mail = await registrationEmail({
    kind,
    name: registration.name,
    event,
    cancelLink: cancelLink(event.publicSlug, registration.id),
  });
  return queueEmail(
    {
      kind: `registration-${kind}`,
      to: registration.email,
      toName: registration.name,
      ...mail,
      idempotencyKey,
    },
    tx,
  );
}

/** The contact person and company a registration belongs to: found by email, else created. */
async function matchContact(tx: Tx, input: RegistrationInput, ip?: string) {
  const email = input.email!;
  const contact = await tx.contactPerson.findFirst({
    where: { email, archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, companyId: true },
  });
  if (contact) return { contactId: contact.id, companyId: contact.companyId };
  let companyId: string | null = null;
  if (input.companyName) {
    // The company module's duplicate rule (same PLZ, same or similar name); else a new company
    // that waits for review.
    const [match] = await findDuplicates(input.companyName, input.plz, undefined, tx);
    companyId =
      match?.id ??
      (
        await createCompanyIn(
          tx,
          null,
          companyFormSchema.parse({
            name: input.companyName,
            plz: input.plz ?? "",
            outreachStatus: "neu",
            partTimeReadiness: "offen",
            notes: t("event.needsReview"),
          }),
          { ip, needsReview: true },
        )
      ).id;
  }
  const parts = input.name.trim().split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : parts[0]!;
  const firstName = parts.length ? parts.join(" ") : "";
  const created = await tx.contactPerson.create({
    data: {
      firstName,
      lastName,
      normalizedName: personSearchName(firstName, lastName),
      email,
      phone: input.phone,
      function: input.function,
      companyId,
    },
    select: { id: true },
  });
  return { contactId: created.id, companyId };
}

export type RegistrationResult = {
  status: "angemeldet" | "warteliste" | "already";
  outboxIds: string[];
};

/**
 * Registers someone for an event through the public page (optionally with a personal invitation
 * link): one registration per email address, a place while there are seats, else the waiting
 * list; the confirmation (with calendar file) or waiting-list notice goes through the outbox.
 */
export async function registerForEvent(
  slug: string,
  input: RegistrationInput,
  options: { token?: string | null; ip?: string; now?: Date } = {},
): Promise<RegistrationResult> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { publicSlug: slug },
      select: {
        ...EVENT_EMAIL_SELECT,
        publicSlug: true,
        publicRegistration: true,
        registrationDeadline: true,
        cancelledAt: true,
        capacity: true,
      },
    });
    if (!event) throw new AppError(404, t("validation.notFound"));
    const closed = closedReason(event, now);
    if (closed) throw new AppError(410, closed);
    const invitation = await invitationForToken(event.id, options.token ?? null, now, tx);
    if (!invitation && !event.publicRegistration)
      throw new AppError(
        403,
        options.token ? t("registration.tokenInvalid") : t("registration.notPublic"),
      );
    const email = input.email!;
    const existing = await tx.eventRegistration.findFirst({
      where: { eventId: event.id, email, status: { in: OPEN } },
      select: { id: true, name: true, email: true },
    });
    // The page answers as for a new registration; only the address's mailbox learns that it was
    // registered already (at most once a day, so the form cannot be used to flood a mailbox).
    if (existing) {
      const notice = await queueRegistrationMail(tx, "already", existing, event, today(now));
      return { status: "already", outboxIds: notice ? [notice.id] : [] };
    }
    const who =
      invitation && invitation.contact.email === email
        ? { contactId: invitation.contact.id, companyId: invitation.contact.companyId }
        : await matchContact(tx, input, options.ip);
    const persons = input.persons ?? 1;
    const taken = await seatsTaken(tx, event.id);
    const status =
      event.capacity == null || taken + persons <= event.capacity ? "angemeldet" : "warteliste";
    const id = randomUUID();
    const registration = await tx.eventRegistration.create({
      data: {
        id,
        eventId: event.id,
        contactId: who.contactId,
        companyId: who.companyId,
        name: input.name,
        companyName: input.companyName,
        function: input.function,
        email,
        phone: input.phone,
        persons,
        status,
        source: invitation ? "einladung" : "oeffentlich",
        cancelTokenHash: hashToken(signedToken("cancel", id)),
        consentAt: now,
      },
      select: { id: true, name: true, email: true },
    });
    const outbox = await queueRegistrationMail(
      tx,
      status === "angemeldet" ? "confirmed" : "waiting",
      registration,
      event,
    );
    await audit(
      {
        action: "create",
        entityType: "event_registration",
        entityId: registration.id,
        after: { eventId: event.id, status, source: invitation ? "einladung" : "oeffentlich" },
        ip: options.ip,
      },
      tx,
    );
    return { status, outboxIds: outbox ? [outbox.id] : [] };
  });
}

/**
 * Fills freed seats from the waiting list, first come first served (someone whose party is too
 * large for the seats left waits, the next smaller one moves up). Each gets an email.
 */
async function moveUp(tx: Tx, eventId: string): Promise<{ names: string[]; outboxIds: string[] }> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { ...EVENT_EMAIL_SELECT, publicSlug: true, capacity: true },
  });
  const result = { names: [] as string[], outboxIds: [] as string[] };
  if (event.capacity == null) return result;
  let free = event.capacity - (await seatsTaken(tx, eventId));
  const waiting = await tx.eventRegistration.findMany({
    where: { eventId, status: "warteliste" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, persons: true },
  });
  for (const w of waiting) {
    if (free <= 0) break;
    if (w.persons > free) continue;
    await tx.eventRegistration.update({
      where: { id: w.id },
      data: { status: "angemeldet", version: { increment: 1 } },
    });
    free -= w.persons;
    result.names.push(w.name);
    const outbox = await queueRegistrationMail(tx, "movedUp", w, event);
    if (outbox) result.outboxIds.push(outbox.id);
  }
  return result;
}

async function cancelIn(tx: Tx, registrationId: string, actorId: string | null, ip?: string) {
  const registration = await tx.eventRegistration.findUnique({
    where: { id: registrationId },
    select: { id: true, eventId: true, status: true, name: true },
  });
  if (!registration || !OPEN.includes(registration.status))
    throw new AppError(404, t("registration.cancelInvalid"));
  await tx.eventRegistration.update({
    where: { id: registrationId },
    data: { status: "storniert", cancelledAt: new Date(), version: { increment: 1 } },
  });
  const moved = await moveUp(tx, registration.eventId);
  await audit(
    {
      actorId,
      action: "update",
      entityType: "event_registration",
      entityId: registrationId,
      after: { status: "storniert", movedUp: moved.names.length },
      ip,
    },
    tx,
  );
  return { name: registration.name, ...moved };
}

/** Cancels through the link in the confirmation; a freed seat goes to the waiting list. */
export async function cancelWithToken(slug: string, token: string, meta: { ip?: string } = {}) {
  if (!token || token.length > 100) throw new AppError(404, t("registration.cancelInvalid"));
  return db.$transaction(async (tx) => {
    const registration = await tx.eventRegistration.findUnique({
      where: { cancelTokenHash: hashToken(token) },
      select: { id: true, event: { select: { publicSlug: true, title: true } } },
    });
    if (!registration || registration.event.publicSlug !== slug)
      throw new AppError(404, t("registration.cancelInvalid"));
    const result = await cancelIn(tx, registration.id, null, meta.ip);
    return { ...result, title: registration.event.title };
  });
}

/** Whether a cancel link is live (for the confirmation page before the POST). */
export async function registrationForCancelToken(slug: string, token: string) {
  if (!token || token.length > 100) return null;
  const registration = await db.eventRegistration.findUnique({
    where: { cancelTokenHash: hashToken(token) },
    select: { status: true, event: { select: { publicSlug: true, title: true } } },
  });
  if (!registration || registration.event.publicSlug !== slug) return null;
  if (!OPEN.includes(registration.status)) return null;
  return { title: registration.event.title };
}

/** Staff cancel a registration on the event page (e.g. someone called to say no). */
export async function cancelRegistration(
  user: SessionUser,
  eventId: string,
  registrationId: string,
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    const found = await tx.eventRegistration.findFirst({
      where: { id: registrationId, eventId },
      select: { id: true },
    });
    if (!found) throw new AppError(404, t("validation.notFound"));
    return cancelIn(tx, registrationId, user.id, meta.ip);
  });
}

/**
 * Records attendance. Attending an information event logs, once per company and event, the
 * contact "über Teilzeitausbildung informiert" — which counts the company as informed.
 */
/** Refuses attendance before the event's day (and for an event that does not exist). */
async function assertAttendanceOpen(tx: Tx, eventId: string, now = new Date()) {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { startsAt: true } });
  if (!event) throw new AppError(404, t("validation.notFound"));
  if (!attendanceOpen(event, now))
    throw new AppError(409, t("event.attendanceTooEarly", { date: formatDate(event.startsAt) }));
}

/**
 * Someone who came without registering: added on the day as present ("vor Ort"), with the
 * company and function as she gives them. Audited.
 */
export async function addWalkIn(
  user: SessionUser,
  eventId: string,
  input: WalkInInput,
  meta: { ip?: string; now?: Date } = {},
) {
  return db.$transaction(async (tx) => {
    await assertAttendanceOpen(tx, eventId, meta.now);
    const registration = await tx.eventRegistration.create({
      data: {
        eventId,
        name: input.name,
        companyName: input.companyName,
        function: input.function,
        source: "vor_ort",
        status: "angemeldet",
        attendance: "anwesend",
      },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "event_registration",
        entityId: registration.id,
        after: { eventId, source: "vor_ort" },
        ip: meta.ip,
      },
      tx,
    );
    return registration;
  });
}

export async function setAttendance(
  user: SessionUser,
  eventId: string,
  registrationId: string,
  attendance: "anwesend" | "nicht_erschienen",
  meta: { ip?: string; now?: Date } = {},
) {
  return db.$transaction(async (tx) => {
    await assertAttendanceOpen(tx, eventId, meta.now);
    const registration = await tx.eventRegistration.findFirst({
      where: { id: registrationId, eventId, status: "angemeldet" },
      select: {
        id: true,
        companyId: true,
        contactId: true,
        contact: { select: { companyId: true } },
        event: { select: { type: true, title: true, startsAt: true } },
      },
    });
    if (!registration) throw new AppError(404, t("validation.notFound"));
    await tx.eventRegistration.update({
      where: { id: registrationId },
      data: { attendance, version: { increment: 1 } },
    });
    const { event, companyId } = registration;
    if (
      attendance === "anwesend" &&
      companyId &&
      (INFORMING_TYPES as readonly string[]).includes(event.type)
    ) {
      const logged = await tx.interaction.findFirst({
        where: { eventId, companyId, deletedAt: null },
        select: { id: true },
      });
      if (!logged) {
        const now = meta.now ?? new Date();
        await logInteractionIn(
          tx,
          user,
          companyId,
          {
            type: "veranstaltung",
            occurredAt: new Date(Math.min(event.startsAt.getTime(), now.getTime())),
            contactId:
              registration.contact?.companyId === companyId ? registration.contactId : null,
            topics: [INFORMED_TOPIC],
            outcome: event.title,
            notes: null,
            followUpDue: null,
            followUpTitle: null,
            followUpAssigneeId: null,
          },
          { ip: meta.ip, eventId },
        );
      }
    }
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "event_registration",
        entityId: registrationId,
        after: { attendance },
        ip: meta.ip,
      },
      tx,
    );
  });
}

/** A coach registers one of their participants for a workshop or excursion (no public link). */
export async function registerParticipant(
  user: SessionUser,
  scope: Scope,
  eventId: string,
  participantId: string,
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: {
        forParticipants: true,
        capacity: true,
        startsAt: true,
        registrationDeadline: true,
        cancelledAt: true,
      },
    });
    if (!event?.forParticipants) throw new AppError(404, t("validation.notFound"));
    const closed = closedReason(event);
    if (closed) throw fieldError("participantId", closed);
    const participant = await tx.participant.findFirst({
      where: {
        AND: [participantScope(user, scope), { id: participantId, archivedAt: null }],
      },
      select: { id: true, firstName: true, lastName: true },
    });
    if (!participant) throw new AppError(404, t("validation.notFound"));
    const existing = await tx.eventRegistration.findFirst({
      where: { eventId, participantId, status: { in: OPEN } },
      select: { id: true },
    });
    if (existing) throw fieldError("participantId", t("event.participantAlready"));
    const taken = await seatsTaken(tx, eventId);
    const name = `${participant.firstName} ${participant.lastName}`;
    const registration = await tx.eventRegistration.create({
      data: {
        eventId,
        participantId,
        name,
        source: "coach",
        status: event.capacity == null || taken < event.capacity ? "angemeldet" : "warteliste",
      },
      select: { id: true, status: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "event_registration",
        entityId: registration.id,
        after: { eventId, participantId, status: registration.status },
        ip: meta.ip,
      },
      tx,
    );
    return { name, status: registration.status };
  });
}
