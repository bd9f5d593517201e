import { db, type Prisma } from "~/db.server";
import {
  type DayRange,
  dayRangeParam,
  type ListParams,
  pickParam,
  skipTake,
  toPage,
} from "~/lib/list-params";

/** The report's filters: events of a project held (begun, not cancelled) in a range, by kind. */
export type EventListFilters = {
  projectId?: string | null;
  held?: DayRange | null;
  kind?: "workshop" | "andere" | null;
};

/** The list's filters from its URL: `projekt`, `durchgefuehrt_*`, `art=workshop|andere`. */
export function parseEventFilters(url: URL): EventListFilters {
  return {
    projectId: url.searchParams.get("projekt")?.slice(0, 64) || null,
    held: dayRangeParam(url, "durchgefuehrt"),
    kind: pickParam(url, "art", ["workshop", "andere"] as const),
  };
}

/**
 * Upcoming events soonest first, past ones newest first, with registrations and attendance
 * (persons marked present, as the report counts them).
 */
export async function listEvents(
  params: ListParams,
  when: "kommend" | "vergangen",
  now = new Date(),
  filters: EventListFilters = {},
) {
  const { projectId, held, kind } = filters;
  const where: Prisma.EventWhereInput = {
    AND: [
      when === "kommend" ? { startsAt: { gte: now } } : { startsAt: { lt: now } },
      projectId ? { projectId } : {},
      held ? { startsAt: { gte: held.since, lt: held.until }, cancelledAt: null } : {},
      kind === "workshop"
        ? { type: "workshop" }
        : kind === "andere"
          ? { type: { not: "workshop" } }
          : {},
    ],
  };
  const [rows, count] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ startsAt: when === "kommend" ? "asc" : "desc" }, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        title: true,
        type: true,
        startsAt: true,
        place: true,
        onlineUrl: true,
        capacity: true,
        cancelledAt: true,
        _count: { select: { registrations: { where: { status: "angemeldet" } } } },
      },
    }),
    db.event.count({ where }),
  ]);
  const attended = await db.eventRegistration.groupBy({
    by: ["eventId"],
    where: { eventId: { in: rows.map((r) => r.id) }, attendance: "anwesend" },
    _sum: { persons: true },
  });
  const attendedBy = new Map(attended.map((a) => [a.eventId, a._sum.persons ?? 0]));
  return toPage(
    rows.map(({ _count, ...r }) => ({
      ...r,
      registered: _count.registrations,
      attended: attendedBy.get(r.id) ?? 0,
    })),
    count,
    params,
  );
}

/** Events still to come and not cancelled, soonest first: what contacts can be invited to. */
export function invitableEvents(now = new Date()) {
  return db.event.findMany({
    where: { startsAt: { gte: now }, cancelledAt: null },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, title: true, startsAt: true },
  });
}
