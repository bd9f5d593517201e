import { db, type Prisma } from "~/db.server";
import { type ListParams, skipTake, toPage } from "~/lib/list-params";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "./access.server";
import type { PARTICIPANT_SORTS } from "./values";

export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getFullYear() - birthDate.getFullYear();
  const m = day.getMonth() - birthDate.getMonth();
  if (m < 0 || (m === 0 && day.getDate() < birthDate.getDate())) age--;
  return age;
}

/** Lists the participants the user may see; the read is written to the audit log. */
export async function listParticipants(
  user: SessionUser,
  scope: Scope,
  params: ListParams<(typeof PARTICIPANT_SORTS)[number]>,
  filters: { status?: string | null } = {},
  meta: { ip?: string } = {},
) {
  const where: Prisma.ParticipantWhereInput = {
    AND: [
      participantScope(user, scope),
      { archivedAt: null, anonymisedAt: null },
      filters.status ? { status: filters.status } : {},
      params.q
        ? {
            OR: [
              { lastName: { contains: params.q } },
              { firstName: { contains: params.q } },
              { city: { contains: params.q } },
            ],
          }
        : {},
    ],
  };
  const orderBy: Prisma.ParticipantOrderByWithRelationInput[] =
    params.sort === "entry"
      ? [{ entryDate: { sort: params.dir, nulls: "last" } }]
      : params.sort === "status"
        ? [{ status: params.dir }]
        : [{ lastName: params.dir }, { firstName: params.dir }];
  const [rows, count] = await Promise.all([
    db.participant.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
      ...skipTake(params),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        status: true,
        entryDate: true,
        weeklyHoursAvailable: true,
        city: true,
        district: { select: { name: true } },
        coach: { select: { name: true } },
        wishes: { where: { rank: 1 }, select: { occupation: { select: { title: true } } } },
      },
    }),
    db.participant.count({ where }),
  ]);
  if (rows.length) {
    await audit({
      actorId: user.id,
      action: "read",
      entityType: "participant",
      ip: meta.ip,
      detail: `Liste: ${rows.map((r) => r.id).join(",")}`,
    });
  }
  const today = new Date();
  const data = rows.map(({ birthDate, wishes, ...r }) => ({
    ...r,
    age: ageOn(birthDate, today),
    wish: wishes[0]?.occupation.title ?? null,
  }));
  return toPage(data, count, params);
}
