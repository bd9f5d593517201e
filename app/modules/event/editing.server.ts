import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { atTime, dayOf, dayRange, type Month, monthDays } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { scopeFor } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { queueEmail } from "~/modules/email/email.server";
import { participantScope } from "~/modules/participant/access.server";
import { eventCancelledEmail } from "./emails";
import { EVENT_EMAIL_SELECT } from "./registration.server";
import type { EventInput } from "./schema";
import { isCancellable } from "./values";

type Meta = { ip?: string };

/** The stored fields of the form: day and times become instants in Berlin time. */
function eventData(input: EventInput) {
  const { date, startTime, endTime, registrationDeadline, ...rest } = input;
  return {
    ...rest,
    startsAt: atTime(dayOf(date), startTime),
    endsAt: endTime ? atTime(dayOf(date), endTime) : null,
    // The deadline is a day: registrations are open until its end.
    registrationDeadline: registrationDeadline
      ? atTime(dayOf(registrationDeadline), "23:59")
      : null,
  };
}

/** An unguessable slug for the public page: a readable start and a random end. */
function publicSlug(title: string) {
  const readable = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${readable || "veranstaltung"}-${randomBytes(9).toString("base64url")}`;
}

export async function createEvent(user: SessionUser, input: EventInput, meta: Meta = {}) {
  return db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { archivedAt: null },
      orderBy: { startDate: "desc" },
      select: { id: true },
    });
    const event = await tx.event.create({
      data: {
        ...eventData(input),
        organiserId: input.organiserId ?? user.id,
        projectId: project?.id ?? null,
        publicSlug: publicSlug(input.title),
      },
      select: { id: true, title: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "event",
        entityId: event.id,
        after: input,
        ip: meta.ip,
      },
      tx,
    );
    return event;
  });
}

export async function updateEvent(
  user: SessionUser,
  id: string,
  input: EventInput & { version: number },
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.event.findUnique({ where: { id } });
    if (!current) throw new AppError(404, t("validation.notFound"));
    const { version, ...fields } = input;
    const updated = await tx.event.updateMany({
      where: { id, version },
      data: { ...eventData(fields), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    const { version: _v, ...before } = current;
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "event",
        entityId: id,
        before,
        after: fields,
        ip: meta.ip,
      },
      tx,
    );
    return { title: input.title };
  });
}

/**
 * Cancels an event that has not begun: it takes no more registrations, and everyone registered
 * or waiting gets an email (through the outbox, in the same transaction).
 */
export async function cancelEvent(
  user: SessionUser,
  id: string,
  input: { reason: string | null; version: number },
  meta: Meta = {},
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id },
      select: {
        ...EVENT_EMAIL_SELECT,
        cancelledAt: true,
        version: true,
        registrations: {
          where: { status: { in: ["angemeldet", "warteliste"] }, email: { not: null } },
          select: { id: true, name: true, email: true },
        },
      },
    });
    if (!event) throw new AppError(404, t("validation.notFound"));
    if (!isCancellable(event, now))
      throw new AppError(400, t(event.cancelledAt ? "event.alreadyCancelled" : "event.cancelPast"));
    const updated = await tx.event.updateMany({
      where: { id, version: input.version },
      data: { cancelledAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    const outboxIds: string[] = [];
    for (const r of event.registrations) {
      const mail = await eventCancelledEmail({ name: r.name, event, reason: input.reason });
      const queued = await queueEmail(
        {
          kind: "event-cancelled",
          to: r.email!,
          toName: r.name,
          ...mail,
          idempotencyKey: `event-cancelled:${r.id}`,
        },
        tx,
      );
      outboxIds.push(queued.id);
    }
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "event",
        entityId: id,
        after: { cancelledAt: now, reason: input.reason },
        detail: `abgesagt, ${event.registrations.length} Angemeldete benachrichtigt`,
        ip: meta.ip,
      },
      tx,
    );
    return { title: event.title, notified: event.registrations.length, outboxIds };
  });
}

/** The event page: the event, its registrations (waiting list in order) and counts. */
export async function getEvent(id: string) {
  const event = await db.event.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      place: true,
      onlineUrl: true,
      capacity: true,
      forCompanies: true,
      forParticipants: true,
      forMultipliers: true,
      organiserId: true,
      registrationDeadline: true,
      publicSlug: true,
      publicRegistration: true,
      cancelledAt: true,
      version: true,
      organiser: { select: { name: true } },
      _count: { select: { invitations: true } },
      registrations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          companyName: true,
          function: true,
          email: true,
          persons: true,
          status: true,
          attendance: true,
          source: true,
          createdAt: true,
          companyId: true,
          contactId: true,
          participantId: true,
        },
      },
    },
  });
  if (!event) return null;
  const taken = event.registrations
    .filter((r) => r.status === "angemeldet")
    .reduce((sum, r) => sum + r.persons, 0);
  return { ...event, taken, free: event.capacity == null ? null : event.capacity - taken };
}

type Registration = NonNullable<Awaited<ReturnType<typeof getEvent>>>["registrations"][number];

/**
 * A participant's registration is social data: whoever may not see the participant (the one
 * participant scope rule, shares included) gets only neutral fields – no name, company, contact
 * or any id of the person. The email address only for those who manage the event.
 */
export async function registrationsFor(
  user: SessionUser,
  registrations: Registration[],
  options: { withEmail: boolean },
) {
  const scope = scopeFor(user.role, "read", "participant");
  const ids = registrations.flatMap((r) => (r.participantId ? [r.participantId] : []));
  const visible = new Set(
    scope && ids.length
      ? (
          await db.participant.findMany({
            where: { AND: [participantScope(user, scope), { id: { in: ids } }] },
            select: { id: true },
          })
        ).map((p) => p.id)
      : [],
  );
  return registrations.map((r) =>
    r.participantId && !visible.has(r.participantId)
      ? {
          ...r,
          name: t("event.participantHidden"),
          companyName: null,
          function: null,
          email: null,
          companyId: null,
          contactId: null,
          participantId: null,
        }
      : { ...r, email: options.withEmail ? r.email : null },
  );
}

/**
 * The check-in list: everyone registered, by name, with company and function — taken from the
 * registration, else from the invited contact's record — and the rows others may not read hidden.
 */
export async function checkInRows(user: SessionUser, registrations: Registration[]) {
  const visible = (await registrationsFor(user, registrations, { withEmail: false })).filter(
    (r) => r.status === "angemeldet",
  );
  const contactIds = visible.flatMap((r) => (r.contactId ? [r.contactId] : []));
  const contacts = new Map(
    (contactIds.length
      ? await db.contactPerson.findMany({
          where: { id: { in: contactIds } },
          select: { id: true, function: true, company: { select: { name: true } } },
        })
      : []
    ).map((c) => [c.id, c]),
  );
  return visible
    .map((r) => {
      const contact = r.contactId ? contacts.get(r.contactId) : undefined;
      return {
        id: r.id,
        name: r.name,
        companyName: r.companyName ?? contact?.company?.name ?? null,
        function: r.function ?? contact?.function ?? null,
        persons: r.persons,
        attended: r.attendance === "anwesend",
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
}

/** Events of one month (Berlin time) for the calendar. */
export async function eventsInMonth(month: Month) {
  const { since, until } = dayRange(monthDays(month));
  return db.event.findMany({
    where: { startsAt: { gte: since, lt: until } },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, type: true, startsAt: true, cancelledAt: true },
  });
}
