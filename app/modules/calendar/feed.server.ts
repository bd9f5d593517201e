import ical, { ICalCalendarMethod } from "ical-generator";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { addDays, dateOnly, dayOf, today } from "~/lib/day";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";

// A private calendar subscription (Outlook, Google, Apple) per user: an iCalendar feed of her
// open follow-ups and the events she organises. The secret in the URL grants this feed and
// nothing else; renewing it ends the old URL.

export const calendarPath = (token: string) => `/kalender/${token}.ics`;

/** A new subscription URL for the user (the old one stops working). Shown once, stored hashed. */
export async function renewCalendarLink(user: SessionUser, ip?: string) {
  const token = randomToken();
  await db.user.update({ where: { id: user.id }, data: { calendarTokenHash: hashToken(token) } });
  await audit({
    actorId: user.id,
    action: "update",
    entityType: "user",
    entityId: user.id,
    detail: t("calendar.renewed"),
    ip,
  });
  return new URL(calendarPath(token), env.APP_URL).toString();
}

/** Whether the user has a subscription URL (its secret itself is not kept). */
export async function hasCalendarLink(user: SessionUser) {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { calendarTokenHash: true },
  });
  return Boolean(row?.calendarTokenHash);
}

/** The feed behind a token as iCalendar text; null for an unknown, renewed or inactive one. */
export async function calendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await db.user.findFirst({
    where: { calendarTokenHash: hashToken(token), active: true, anonymisedAt: null },
    select: { id: true, name: true },
  });
  if (!user) return null;
  const from = dateOnly(addDays(today(now), -30));
  const [followUps, events] = await Promise.all([
    db.followUp.findMany({
      where: { assigneeId: user.id, doneAt: null },
      orderBy: { dueDate: "asc" },
      take: 500,
      select: {
        id: true,
        title: true,
        dueDate: true,
        updatedAt: true,
        company: { select: { name: true } },
        contact: { select: { firstName: true, lastName: true } },
      },
    }),
    db.event.findMany({
      where: { organiserId: user.id, cancelledAt: null, startsAt: { gte: from } },
      orderBy: { startsAt: "asc" },
      take: 500,
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        place: true,
        onlineUrl: true,
        updatedAt: true,
      },
    }),
  ]);
  const calendar = ical({
    name: t("calendar.name", { name: user.name }),
    prodId: { company: "Lotse", product: "Lotse", language: "DE" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: "Europe/Berlin",
    ttl: 60 * 30,
  });
  for (const f of followUps) {
    // An all-day entry on the due day; what it is about, never personal data of a participant.
    const about = [
      f.company?.name,
      f.contact ? `${f.contact.firstName} ${f.contact.lastName}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    calendar.createEvent({
      id: `followup-${f.id}@lotse`,
      start: dateOnly(dayOf(f.dueDate)),
      allDay: true,
      summary: t("calendar.followUp", { title: f.title }),
      description: about || undefined,
      url: new URL("/wiedervorlagen", env.APP_URL).toString(),
      stamp: f.updatedAt,
    });
  }
  for (const e of events)
    calendar.createEvent({
      id: `event-${e.id}@lotse`,
      start: e.startsAt,
      end: e.endsAt ?? new Date(e.startsAt.getTime() + 2 * 60 * 60 * 1000),
      summary: e.title,
      location: e.place ?? e.onlineUrl ?? undefined,
      url: new URL(`/veranstaltungen/${e.id}`, env.APP_URL).toString(),
      stamp: e.updatedAt,
    });
  return calendar.toString();
}
