import { db, type Prisma } from "~/db.server";
import { type DayRange, type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";
import { BOOKED_STATUSES } from "./values";

/** Trial internships of the participants the user may see, newest start first. */
export async function listInternships(
  user: SessionUser,
  scope: Scope,
  params: ListParams,
  filters: {
    status?: string | null;
    projectId?: string | null;
    /** Begun in the range (and more than proposed), as the report counts them. */
    start?: DayRange | null;
    /** Ended in the range. */
    end?: DayRange | null;
    ledToOffer?: boolean;
    /** Only the participants this coach looks after (not those shared with them). */
    coachId?: string | null;
  } = {},
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
    ...(filters.start ? { startDate: { gte: filters.start.from, lt: filters.start.until } } : {}),
    ...(filters.end ? { endDate: { gte: filters.end.from, lt: filters.end.until } } : {}),
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

/** Monday 00:00 UTC of the week that holds `day`, and the Sunday after. */
export function weekOf(day: Date) {
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(start);
  end.setUTCDate(end.getUTCDate() + 6);
  return { start, end };
}

/** Who is where in the week of `day`: agreed and running internships that touch it. */
export function internshipsInWeek(user: SessionUser, scope: Scope, day = new Date()) {
  const { start, end } = weekOf(day);
  return db.internship.findMany({
    where: {
      participant: participantScope(user, scope),
      status: { in: [...BOOKED_STATUSES] },
      startDate: { lte: end },
      endDate: { gte: start },
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
}
