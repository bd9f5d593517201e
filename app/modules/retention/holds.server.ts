import { db, type Tx } from "~/db.server";
import { startOfDay, today } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import type { HoldInput } from "./schema";

/** What a hold is on: one participant, or a whole project (all its stays' people). */
export type HoldTarget = { participantId: string } | { projectId: string };

type Meta = { ip?: string };

/** Holds in force at `now`: not lifted, and not past their last day. */
export const activeHoldWhere = (now = new Date()) => ({
  liftedAt: null,
  OR: [{ until: null }, { until: { gte: startOfDay(today(now)) } }],
});

const entityOf = (target: HoldTarget) =>
  "participantId" in target
    ? { entityType: "participant" as const, entityId: target.participantId }
    : { entityType: "project" as const, entityId: target.projectId };

async function targetExists(tx: Tx, target: HoldTarget) {
  return "participantId" in target
    ? (await tx.participant.count({ where: { id: target.participantId, anonymisedAt: null } })) > 0
    : (await tx.project.count({ where: { id: target.projectId } })) > 0;
}

/** Sets a legal hold (audited): nothing of the target is deleted or anonymised while it holds. */
export async function setHold(
  user: SessionUser,
  target: HoldTarget,
  input: HoldInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    if (!(await targetExists(tx, target))) throw new AppError(404, t("validation.notFound"));
    const hold = await tx.legalHold.create({
      data: { ...target, reason: input.reason, until: input.until, setById: user.id },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "update",
        ...entityOf(target),
        after: { holdId: hold.id, reason: input.reason, until: input.until },
        detail: "Aufbewahrungssperre gesetzt",
        ip: meta.ip,
      },
      tx,
    );
    return hold;
  });
}

/** Lifts a hold (audited); its records become due at the next retention run. */
export async function liftHold(
  user: SessionUser,
  target: HoldTarget,
  holdId: string,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const lifted = await tx.legalHold.updateMany({
      where: { id: holdId, ...target, liftedAt: null },
      data: { liftedAt: new Date(), liftedById: user.id },
    });
    if (lifted.count !== 1) throw new AppError(404, t("validation.notFound"));
    await audit(
      {
        actorId: user.id,
        action: "update",
        ...entityOf(target),
        before: { holdId },
        detail: "Aufbewahrungssperre aufgehoben",
        ip: meta.ip,
      },
      tx,
    );
  });
}

/** The target's holds, those in force first, with who set and lifted them. */
export async function holdsOf(target: HoldTarget, now = new Date()) {
  const holds = await db.legalHold.findMany({
    where: target,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      reason: true,
      until: true,
      createdAt: true,
      liftedAt: true,
      setBy: { select: { name: true } },
      liftedBy: { select: { name: true } },
    },
  });
  const inForce = new Set(
    (
      await db.legalHold.findMany({
        where: { ...target, ...activeHoldWhere(now) },
        select: { id: true },
      })
    ).map((h) => h.id),
  );
  return holds
    .map((h) => ({ ...h, active: inForce.has(h.id) }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

/**
 * The participants held at `now`: by a hold on them, or on a project one of their stays (or
 * their current project) belongs to. The one rule the retention plan and erasure ask.
 */
export async function heldParticipantIds(now = new Date()): Promise<Set<string>> {
  const holds = await db.legalHold.findMany({
    where: activeHoldWhere(now),
    select: { participantId: true, projectId: true },
  });
  const projects = holds.flatMap((h) => (h.projectId ? [h.projectId] : []));
  const viaProject = projects.length
    ? await db.participant.findMany({
        where: {
          OR: [
            { projectId: { in: projects } },
            { stays: { some: { projectId: { in: projects } } } },
          ],
        },
        select: { id: true },
      })
    : [];
  return new Set([
    ...holds.flatMap((h) => (h.participantId ? [h.participantId] : [])),
    ...viaProject.map((p) => p.id),
  ]);
}

/** Whether a participant is held at `now` (see heldParticipantIds). */
export async function isOnHold(participantId: string, now = new Date()) {
  return (await heldParticipantIds(now)).has(participantId);
}
