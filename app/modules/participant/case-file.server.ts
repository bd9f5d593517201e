import { db } from "~/db.server";
import { labelOf } from "~/labels";
import { dateOnly, dayOf } from "~/lib/day";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { visibleParticipant } from "./access.server";
import type { CaseNoteInput } from "./schema";

/**
 * Writes a counselling note into a participant's case file, with an optional follow-up for its
 * author, in one transaction; audited without the note's text.
 */
export async function addCaseNote(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  input: CaseNoteInput,
  meta: { ip?: string } = {},
) {
  return db.$transaction(async (tx) => {
    await visibleParticipant(tx, user, scope, participantId);
    const note = await tx.caseNote.create({
      data: {
        participantId,
        type: input.type,
        occurredOn: dateOnly(dayOf(input.occurredOn)),
        text: input.text,
        authorId: user.id,
      },
      select: { id: true },
    });
    if (input.followUpDue)
      await tx.followUp.create({
        data: {
          title: t("casefile.followUpTitle", { type: labelOf("notetype", input.type) }),
          dueDate: dateOnly(dayOf(input.followUpDue)),
          assigneeId: user.id,
          createdById: user.id,
          participantId,
        },
      });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "case_note",
        entityId: note.id,
        after: { participantId, type: input.type, occurredOn: dayOf(input.occurredOn) },
        ip: meta.ip,
      },
      tx,
    );
    return note;
  });
}

export type CaseFileItem = { id: string; at: Date } & (
  | { kind: "note"; type: string; text: string; author: string }
  | { kind: "stay"; entry: boolean; project: string }
  | {
      kind: "internship";
      company: string;
      status: string;
      reason: string | null;
      by: string | null;
    }
  | { kind: "event"; title: string; attendance: string | null }
  | { kind: "followup"; title: string; done: boolean; assignee: string }
);

/** How many entries the case file shows (a year of weekly notes and everything around them). */
export const CASE_FILE_LIMIT = 200;

/**
 * A participant's own timeline, newest first: counselling notes, entries and exits, every status
 * change of her internships, the events she registered for and her follow-ups. The caller has
 * checked she may be seen.
 */
export async function caseFileFor(participantId: string): Promise<CaseFileItem[]> {
  const [notes, stays, changes, registrations, followUps] = await Promise.all([
    db.caseNote.findMany({
      where: { participantId },
      orderBy: { occurredOn: "desc" },
      take: CASE_FILE_LIMIT,
      select: {
        id: true,
        type: true,
        occurredOn: true,
        text: true,
        author: { select: { name: true } },
      },
    }),
    db.participantStay.findMany({
      where: { participantId },
      select: { id: true, entryDate: true, exitDate: true, project: { select: { name: true } } },
    }),
    db.internshipStatusChange.findMany({
      where: { internship: { participantId } },
      orderBy: { createdAt: "desc" },
      take: CASE_FILE_LIMIT,
      select: {
        id: true,
        toStatus: true,
        reason: true,
        createdAt: true,
        changedBy: { select: { name: true } },
        internship: { select: { company: { select: { name: true } } } },
      },
    }),
    db.eventRegistration.findMany({
      where: { participantId },
      take: CASE_FILE_LIMIT,
      select: { id: true, attendance: true, event: { select: { title: true, startsAt: true } } },
    }),
    db.followUp.findMany({
      where: { participantId },
      orderBy: { dueDate: "desc" },
      take: CASE_FILE_LIMIT,
      select: {
        id: true,
        title: true,
        dueDate: true,
        doneAt: true,
        assignee: { select: { name: true } },
      },
    }),
  ]);
  const project = (s: { project: { name: string } | null }) => s.project?.name ?? t("common.none");
  const items: CaseFileItem[] = [
    ...notes.map((n) => ({
      kind: "note" as const,
      id: n.id,
      at: n.occurredOn,
      type: n.type,
      text: n.text,
      author: n.author.name,
    })),
    ...stays.flatMap((s) => [
      {
        kind: "stay" as const,
        id: `${s.id}-in`,
        at: s.entryDate,
        entry: true,
        project: project(s),
      },
      ...(s.exitDate
        ? [
            {
              kind: "stay" as const,
              id: `${s.id}-out`,
              at: s.exitDate,
              entry: false,
              project: project(s),
            },
          ]
        : []),
    ]),
    ...changes.map((c) => ({
      kind: "internship" as const,
      id: c.id,
      at: c.createdAt,
      company: c.internship.company.name,
      status: c.toStatus,
      reason: c.reason,
      by: c.changedBy?.name ?? null,
    })),
    ...registrations.map((r) => ({
      kind: "event" as const,
      id: r.id,
      at: r.event.startsAt,
      title: r.event.title,
      attendance: r.attendance,
    })),
    ...followUps.map((f) => ({
      kind: "followup" as const,
      id: f.id,
      at: f.dueDate,
      title: f.title,
      done: f.doneAt != null,
      assignee: f.assignee.name,
    })),
  ];
  return items
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id))
    .slice(0, CASE_FILE_LIMIT);
}
