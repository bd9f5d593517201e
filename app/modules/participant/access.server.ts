import { Prisma } from "~/db.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";

/** Which participants a user may see: all with scope "any", else the own and the shared ones. */
export function participantScope(user: SessionUser, scope: Scope): Prisma.ParticipantWhereInput {
  if (scope === "any") return {};
  return { OR: [{ coachId: user.id }, { shares: { some: { userId: user.id } } }] };
}

/** The same rule in SQL for a user with scope "own", on a query with `Participant p`. */
export function participantScopeSql(userId: string) {
  return Prisma.sql`(p.coachId = ${userId} OR EXISTS (SELECT 1 FROM ParticipantShare s
    WHERE s.participantId = p.id AND s.userId = ${userId}))`;
}
