import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";

/** Trial internships of the participants the user may see, newest start first. */
export async function listInternships(
  user: SessionUser,
  scope: Scope,
  params: ListParams,
  filters: { status?: string | null } = {},
) {
  const where: Prisma.InternshipWhereInput = {
    participant: participantScope(user, scope),
    ...(filters.status ? { status: filters.status } : {}),
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
