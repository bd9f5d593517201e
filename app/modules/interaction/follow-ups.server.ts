import { z } from "zod";
import { db } from "~/db.server";
import { addDays, dateOnly, dayOf, today, weekOf } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { optionalDate, optionalText } from "~/lib/validation";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { ASSIGNABLE_ROLES } from "~/modules/company/detail.server";
import { participantScope, visibleParticipant } from "~/modules/participant/access.server";
import type { ParticipantFollowUpInput } from "./follow-up-schema";
import type { FollowUpGroup } from "./values";

/** A follow-up is overdue from the day after its due day (Berlin). */
export const isOverdue = (dueDate: Date, now = new Date()) => dayOf(dueDate) < today(now);

/** Überfällig / Heute / Diese Woche (to Sunday) / Später, by the Berlin day. */
export function followUpGroup(dueDate: Date, now = new Date()): FollowUpGroup {
  const due = dayOf(dueDate);
  const day = today(now);
  if (due < day) return "overdue";
  if (due === day) return "today";
  return due <= weekOf(day).to ? "week" : "later";
}

/** How long "Rückgängig" is offered after marking a follow-up done. */
export const UNDO_SECONDS = 120;

const FOLLOW_UP_SELECT = {
  id: true,
  title: true,
  notes: true,
  dueDate: true,
  version: true,
  assignee: { select: { id: true, name: true } },
  company: { select: { id: true, name: true, phone: true } },
  contact: { select: { id: true, firstName: true, lastName: true, phone: true, mobile: true } },
  participant: { select: { id: true, firstName: true, lastName: true, phone: true } },
} as const;

/**
 * Open follow-ups, grouped as they are worked: the user's own, or (`team`, for the lead) everyone's.
 * Each names what it is about with a link target and the number to call; a participant is named
 * only to someone who may read her.
 */
export async function listFollowUps(
  user: SessionUser,
  options: { team?: boolean; participantScope?: Scope | null } = {},
  now = new Date(),
) {
  const rows = await db.followUp.findMany({
    where: { doneAt: null, ...(options.team ? {} : { assigneeId: user.id }) },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: options.team ? 1000 : 300,
    select: FOLLOW_UP_SELECT,
  });
  const participantIds = rows.flatMap((r) => (r.participant ? [r.participant.id] : []));
  const scope = options.participantScope ?? null;
  const visible = new Set(
    scope && participantIds.length
      ? (
          await db.participant.findMany({
            where: { AND: [participantScope(user, scope), { id: { in: participantIds } }] },
            select: { id: true },
          })
        ).map((p) => p.id)
      : [],
  );
  return rows.map((f) => {
    const participant =
      f.participant && visible.has(f.participant.id)
        ? {
            id: f.participant.id,
            name: `${f.participant.firstName} ${f.participant.lastName}`,
            phone: f.participant.phone,
          }
        : null;
    const contact = f.contact
      ? {
          id: f.contact.id,
          name: `${f.contact.firstName} ${f.contact.lastName}`.trim(),
          phone: f.contact.phone ?? f.contact.mobile,
        }
      : null;
    return {
      id: f.id,
      title: f.title,
      notes: f.notes,
      dueDate: f.dueDate,
      version: f.version,
      assignee: f.assignee,
      company: f.company,
      contact,
      participant,
      /** The number to call: the contact's, else the participant's, else the company's. */
      phone: contact?.phone ?? participant?.phone ?? f.company?.phone ?? null,
      group: followUpGroup(f.dueDate, now),
      overdue: isOverdue(f.dueDate, now),
    };
  });
}

/** A user's open follow-ups, overdue first (oldest due date first). */
export function listMyFollowUps(user: SessionUser, now = new Date()) {
  return listFollowUps(user, {}, now);
}

/** How many of the user's follow-ups are overdue (for the Übersicht). */
export function countOverdue(user: SessionUser, now = new Date()) {
  return db.followUp.count({
    where: { assigneeId: user.id, doneAt: null, dueDate: { lt: dateOnly(today(now)) } },
  });
}

export const completeFollowUpSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
  result: optionalText(1000),
});

export type CompleteResult =
  | { ok: true; title: string; about: string | null }
  | { ok: false; reason: "not_found" | "stale" };

/** Where a follow-up's record lives: the page to log the contact or add the next follow-up on. */
function pageOf(f: {
  companyId: string | null;
  contactId: string | null;
  participantId: string | null;
}) {
  if (f.contactId) return `/kontakte/${f.contactId}`;
  if (f.companyId) return `/unternehmen/${f.companyId}`;
  if (f.participantId) return `/teilnehmende/${f.participantId}`;
  return null;
}

/**
 * Marks the user's own follow-up done, with what came of it if she says; a stale version (changed
 * meanwhile) is refused.
 */
export async function completeFollowUp(
  user: SessionUser,
  input: { id: string; version: number; result?: string | null },
  ip?: string,
): Promise<CompleteResult> {
  const followUp = await db.followUp.findFirst({
    where: { id: input.id, assigneeId: user.id },
    select: { title: true, doneAt: true, companyId: true, contactId: true, participantId: true },
  });
  if (!followUp) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    const updated = await tx.followUp.updateMany({
      where: { id: input.id, assigneeId: user.id, version: input.version, doneAt: null },
      data: { doneAt: new Date(), result: input.result ?? null, version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, reason: "stale" as const };
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "followup",
        entityId: input.id,
        before: { doneAt: null },
        after: { done: true, result: input.result ?? null },
        ip,
      },
      tx,
    );
    return { ok: true as const, title: followUp.title, about: pageOf(followUp) };
  });
}

/** Undo "Erledigt" within UNDO_SECONDS: the follow-up is open again. */
export async function reopenFollowUp(user: SessionUser, id: string, ip?: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const reopened = await tx.followUp.updateMany({
      where: {
        id,
        assigneeId: user.id,
        doneAt: { gte: new Date(now.getTime() - UNDO_SECONDS * 1000) },
      },
      data: { doneAt: null, result: null, version: { increment: 1 } },
    });
    if (reopened.count !== 1) throw new AppError(409, t("followup.undoTooLate"));
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "followup",
        entityId: id,
        after: { done: false },
        detail: t("followup.undone"),
        ip,
      },
      tx,
    );
  });
}

/** The follow-up just marked done, while it can still be undone (for the list's notice). */
export function recentlyDone(user: SessionUser, id: string | null, now = new Date()) {
  if (!id) return null;
  return db.followUp.findFirst({
    where: {
      id,
      assigneeId: user.id,
      doneAt: { gte: new Date(now.getTime() - UNDO_SECONDS * 1000) },
    },
    select: { id: true, title: true, companyId: true, contactId: true, participantId: true },
  });
}

export const SNOOZE_CHOICES = ["tag", "woche"] as const;
export const snoozeSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
  um: z.enum(SNOOZE_CHOICES).optional(),
  bis: optionalDate,
});

/**
 * Moves an open follow-up of the user's: by a day or a week from today (or from its due day, if
 * that is later), or to a date that is not in the past. A done one cannot be snoozed.
 */
export async function snoozeFollowUp(
  user: SessionUser,
  input: z.infer<typeof snoozeSchema>,
  ip?: string,
  now = new Date(),
) {
  const day = today(now);
  const current = await db.followUp.findFirst({
    where: { id: input.id, assigneeId: user.id },
    select: { dueDate: true, doneAt: true, title: true },
  });
  if (!current) throw new AppError(404, t("followup.notFound"));
  if (current.doneAt) throw new AppError(409, t("followup.alreadyDone"));
  // From today, or from the due day if that is still ahead.
  const base = [dayOf(current.dueDate), day].sort()[1]!;
  const target = input.bis
    ? dayOf(input.bis)
    : input.um === "woche"
      ? addDays(base, 7)
      : input.um === "tag"
        ? addDays(base, 1)
        : null;
  if (!target) throw fieldError("bis", t("followup.snoozeWhen"));
  if (target < day) throw fieldError("bis", t("followup.snoozePast"));
  return db.$transaction(async (tx) => {
    const moved = await tx.followUp.updateMany({
      where: { id: input.id, assigneeId: user.id, version: input.version, doneAt: null },
      data: { dueDate: dateOnly(target), version: { increment: 1 } },
    });
    if (moved.count !== 1) throw new AppError(409, t("error.stale"));
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "followup",
        entityId: input.id,
        before: { dueDate: dayOf(current.dueDate) },
        after: { dueDate: target },
        ip,
      },
      tx,
    );
    return { title: current.title, due: target };
  });
}

export const reassignSchema = z.object({
  ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.string().min(1).max(64)).min(1, t("followup.chooseSome")).max(500),
  ),
  assigneeId: z.string().min(1, t("followup.chooseAssignee")).max(64),
});

/**
 * The lead hands open follow-ups to a colleague (holidays, illness): one transaction, audited per
 * follow-up; the new assignee must be an active account; done ones are left as they are.
 */
export async function reassignFollowUps(
  user: SessionUser,
  input: z.infer<typeof reassignSchema>,
  ip?: string,
) {
  const assignee = await db.user.findFirst({
    where: { id: input.assigneeId, active: true, role: { in: [...ASSIGNABLE_ROLES] } },
    select: { id: true, name: true },
  });
  if (!assignee) throw fieldError("assigneeId", t("followup.chooseAssignee"));
  return db.$transaction(async (tx) => {
    const open = await tx.followUp.findMany({
      where: { id: { in: input.ids }, doneAt: null },
      select: { id: true, assigneeId: true },
    });
    await tx.followUp.updateMany({
      where: { id: { in: open.map((f) => f.id) } },
      data: { assigneeId: assignee.id, version: { increment: 1 } },
    });
    for (const f of open)
      await audit(
        {
          actorId: user.id,
          action: "update",
          entityType: "followup",
          entityId: f.id,
          before: { assigneeId: f.assigneeId },
          after: { assigneeId: assignee.id },
          ip,
        },
        tx,
      );
    return { count: open.length, skipped: input.ids.length - open.length, name: assignee.name };
  });
}

/**
 * Adds a follow-up about a participant the user may change, assigned to the user; it shows in
 * her follow-ups with a link to the participant.
 */
export async function createParticipantFollowUp(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  input: ParticipantFollowUpInput,
  ip?: string,
) {
  return db.$transaction(async (tx) => {
    await visibleParticipant(tx, user, scope, participantId);
    if (dayOf(input.dueDate) < today()) throw fieldError("dueDate", t("followup.snoozePast"));
    const created = await tx.followUp.create({
      data: {
        title: input.title,
        notes: input.notes,
        dueDate: dateOnly(dayOf(input.dueDate)),
        assigneeId: user.id,
        createdById: user.id,
        participantId,
      },
      select: { id: true },
    });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "followup",
        entityId: created.id,
        after: { participantId, dueDate: dayOf(input.dueDate) },
        ip,
      },
      tx,
    );
    return created;
  });
}
