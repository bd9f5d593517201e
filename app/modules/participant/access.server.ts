import { Prisma, type Tx } from "~/db.server";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";

/** Which participants a user may see: all with scope "any", else the own and the shared ones. */
export function participantScope(user: SessionUser, scope: Scope): Prisma.ParticipantWhereInput {
  if (scope === "any") return {};
  return { OR: [{ coachId: user.id }, { shares: { some: { userId: user.id } } }] };
}

/** The same rule in SQL for a user with scope "own", on a query with `Participant p`. */
export function participantScopeSql(userId: string) {
  return Prisma.sql`(p."coachId" = ${userId} OR EXISTS (SELECT 1 FROM "ParticipantShare" s
    WHERE s."participantId" = p.id AND s."userId" = ${userId}))`;
}

/**
 * A live participant the user may see, or 404: the one check before anything is read or written
 * about her (a coach asking for another coach's participant learns nothing, not even that she
 * exists).
 */
export async function visibleParticipant(
  client: Pick<Tx, "participant">,
  user: SessionUser,
  scope: Scope,
  id: string,
) {
  const participant = await client.participant.findFirst({
    where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!participant) throw new AppError(404, t("validation.notFound"));
  return participant;
}
