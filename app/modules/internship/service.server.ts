import { db, type Prisma } from "~/db.server";
import { dateOnly, today, weekOf } from "~/lib/day";
import {
  type DayRange,
  dayRangeParam,
  type ListParams,
  pickParam,
  skipTake,
  toPage,
} from "~/lib/list-params";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";
import { BOOKED_STATUSES, INTERNSHIP_STATUSES } from "./values";

export type InternshipListFilters = {
  status?: string | null;
  projectId?: string | null;
  /** Begun in the range (and more than proposed), as the report counts them. */
  start?: DayRange | null;
  /** Ended in the range. */
  end?: DayRange | null;
  ledToOffer?: boolean;
  /** Only the participants this coach looks after (not those shared with them). */
  coachId?: string | null;
};

/** The list's filters from its URL: `status`, `projekt`, `beginn_*`, `ende_*`, `angebot=ja`, `betreuung=meine`. */
export function parseInternshipFilters(url: URL, userId: string): InternshipListFilters {
  return {
    status: pickParam(url, "status", INTERNSHIP_STATUSES),
    projectId: url.searchParams.get("projekt")?.slice(0, 64) || null,
    start: dayRangeParam(url, "beginn"),
    end: dayRangeParam(url, "ende"),
    ledToOffer: url.searchParams.get("angebot") === "ja",
    coachId: url.searchParams.get("betreuung") === "meine" ? userId : null,
  };
}

/** Trial internships of the participants the user may see, newest start first. */
export async function listInternships(
  user: SessionUser,
  scope: Scope,
  params: ListParams,
  filters: InternshipListFilters = {},
) {
  const where: Prisma.InternshipWhereInput = {
    participant: {
      AND: [participantScope(user, scope), filters.coachId ? { coachId: filters.coachId } : {}],
    },
    ...(filters.status
      ? { status: filters.status }
      : filters.start
        ? { status: { not: "vorgeschlagen" } }
        : {}),
    ...(filters.projectId ? { projectId: filters.projectId } : {}),
    ...(filters.start ? { startDate: { gte: filters.start.since, lt: filters.start.until } } : {}),
    ...(filters.end ? { endDate: { gte: filters.end.since, lt: filters.end.until } } : {}),
    ...(filters.ledToOffer ? { ledToOffer: true } : {}),
  };
  const [rows, count] = await Promise.all([
    db.internship.findMany({
      where,
      orderBy: [{ startDate: { sort: "desc", nulls: "first" } }, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        startDate: true,
        endDate: true,
        hoursPerWeek: true,
        status: true,
        ledToOffer: true,
        participant: { select: { firstName: true, lastName: true } },
        company: { select: { name: true } },
        occupation: { select: { title: true } },
      },
    }),
    db.internship.count({ where }),
  ]);
  return toPage(rows, count, params);
}

/** Who is where this week (Monday to Sunday, Berlin): agreed and running internships that touch it. */
export async function internshipsThisWeek(user: SessionUser, scope: Scope, now = new Date()) {
  const week = weekOf(today(now));
  const internships = await db.internship.findMany({
    where: {
      participant: participantScope(user, scope),
      status: { in: [...BOOKED_STATUSES] },
      startDate: { lte: dateOnly(week.to) },
      endDate: { gte: dateOnly(week.from) },
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      hoursPerWeek: true,
      participant: { select: { firstName: true, lastName: true } },
      company: { select: { name: true, city: true } },
      occupation: { select: { title: true } },
    },
  });
  return { week, internships };
}
