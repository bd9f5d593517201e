import { db } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { parseListParams } from "~/lib/list-params";
import { t } from "~/messages";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { runBulk } from "~/modules/bulk/bulk.server";
import { BULK_MAX, type BulkReport } from "~/modules/bulk/values";
import { participantScope } from "./access.server";
import { parseParticipantFilters, participantListWhere } from "./service.server";
import { PARTICIPANT_SORTS } from "./values";

/** The ids of every participant the user's list shows with the URL's filters. */
export async function participantIdsOfView(user: SessionUser, scope: Scope, url: URL) {
  const params = parseListParams(url, { sortable: PARTICIPANT_SORTS, defaultSort: "name" });
  const rows = await db.participant.findMany({
    where: await participantListWhere(user, scope, params.q, parseParticipantFilters(url, user.id)),
    take: BULK_MAX + 1,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Hands many participants to another coach (holidays, a coach leaving), in one transaction, each
 * change audited. Only those who may change every participant (scope "any") change coaches, as
 * in the participant form; a participant outside the user's sight is reported as gone.
 */
export async function bulkParticipantCoach(
  user: SessionUser,
  scope: Scope,
  ids: string[],
  coachId: string | null,
  meta: { ip?: string } = {},
): Promise<BulkReport> {
  if (ids.length > BULK_MAX) throw new AppError(400, t("bulk.tooMany", { max: BULK_MAX }));
  if (scope !== "any") throw new AppError(403, t("owner.notAllowed"));
  if (!coachId) throw fieldError("sammel_person", t("field.required"));
  const unique = [...new Set(ids)];
  return db.$transaction(
    async (tx) => {
      const coach = await tx.user.findFirst({
        where: { id: coachId, active: true, role: "jobcoach" },
        select: { id: true },
      });
      if (!coach) throw fieldError("sammel_person", t("field.invalidChoice"));
      const rows = await tx.participant.findMany({
        where: {
          AND: [
            participantScope(user, scope),
            { id: { in: unique }, archivedAt: null, anonymisedAt: null },
          ],
        },
        select: { id: true, firstName: true, lastName: true, coachId: true },
      });
      return runBulk(
        tx,
        user,
        unique.length,
        rows.map((r) => ({ ...r, name: `${r.firstName} ${r.lastName}` })),
        { entityType: "participant", action: "update", detail: { coachId }, ip: meta.ip },
        async (p) => {
          if (p.coachId === coachId) return "unchanged";
          await tx.participant.update({
            where: { id: p.id },
            data: { coachId, version: { increment: 1 } },
          });
          return null;
        },
      );
    },
    { timeout: 60_000 },
  );
}
