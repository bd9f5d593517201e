import { z } from "zod";
import { db } from "~/db.server";
import { dayOf, today } from "~/lib/day";
import { audit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";

/** A follow-up is overdue from the day after its due day (Berlin). */
export const isOverdue = (dueDate: Date, now = new Date()) => dayOf(dueDate) < today(now);

/** A user's open follow-ups, overdue first (oldest due date first). */
export async function listMyFollowUps(user: SessionUser, now = new Date()) {
  const rows = await db.followUp.findMany({
    where: { assigneeId: user.id, doneAt: null },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      dueDate: true,
      version: true,
      company: { select: { name: true } },
      contact: { select: { firstName: true, lastName: true } },
    },
  });
  return rows.map((f) => ({ ...f, overdue: isOverdue(f.dueDate, now) }));
}

export const completeFollowUpSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
});

export type CompleteResult =
  | { ok: true; title: string }
  | { ok: false; reason: "not_found" | "stale" };

/** Marks the user's own follow-up done; a stale version (changed meanwhile) is refused. */
export async function completeFollowUp(
  user: SessionUser,
  input: z.infer<typeof completeFollowUpSchema>,
  ip?: string,
): Promise<CompleteResult> {
  const followUp = await db.followUp.findFirst({
    where: { id: input.id, assigneeId: user.id },
    select: { title: true, doneAt: true },
  });
  if (!followUp) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const updated = await tx.followUp.updateMany({
      where: { id: input.id, assigneeId: user.id, version: input.version, doneAt: null },
      data: { doneAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, reason: "stale" as const };
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "followup",
        entityId: input.id,
        before: { doneAt: null },
        after: { done: true },
        ip,
      },
      tx,
    );
    return { ok: true as const, title: followUp.title };
  });
}
