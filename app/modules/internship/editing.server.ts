import { db, type Tx } from "~/db.server";
import { labelOf } from "~/labels";
import { dayOf, formatDate, today } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { participantScope } from "~/modules/participant/access.server";
import { moveParticipantStatus } from "~/modules/participant/status.server";
import type { InternshipInput } from "./schema";
import { BOOKED_STATUSES, type InternshipStatus, NEXT_STATUSES, statusDateProblem } from "./values";

type Meta = { ip?: string; now?: Date };

/** Keeps a status an internship was given, by whom, when and why (the history on its page). */
function recordStatus(
  tx: Tx,
  internshipId: string,
  change: { from: string | null; to: string; reason?: string | null; by: string },
) {
  return tx.internshipStatusChange.create({
    data: {
      internshipId,
      fromStatus: change.from,
      toStatus: change.to,
      reason: change.reason ?? null,
      changedById: change.by,
    },
  });
}
const OPEN_STATUSES = ["vorgeschlagen", ...BOOKED_STATUSES];

/**
 * Proposes a trial internship for a participant at an offer's company and occupation. One click
 * is enough: an open proposal for the same pair is returned instead of a second one.
 */
export async function proposeInternship(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  offerId: string,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: {
        AND: [
          participantScope(user, scope),
          { id: participantId, archivedAt: null, anonymisedAt: null },
        ],
      },
      select: { id: true, projectId: true, weeklyHoursAvailable: true },
    });
    if (!participant) throw new AppError(404, t("validation.notFound"));
    const offer = await tx.trainingOffer.findFirst({
      where: { id: offerId, archivedAt: null, company: { archivedAt: null } },
      select: { id: true, companyId: true, occupationId: true, internshipPossible: true },
    });
    if (!offer) throw new AppError(404, t("validation.notFound"));
    const existing = await tx.internship.findFirst({
      where: { participantId, offerId, status: { in: OPEN_STATUSES } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const internship = await tx.internship.create({
      data: {
        participantId,
        offerId,
        companyId: offer.companyId,
        occupationId: offer.occupationId,
        projectId: participant.projectId,
        hoursPerWeek: participant.weeklyHoursAvailable,
      },
      select: { id: true },
    });
    await recordStatus(tx, internship.id, { from: null, to: "vorgeschlagen", by: user.id });
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "internship",
        entityId: internship.id,
        after: { participantId, offerId, status: "vorgeschlagen" },
        ip: meta.ip,
      },
      tx,
    );
    return { id: internship.id, created: true };
  });
}

/** One internship of a participant the user may see, with what its page shows. */
export function getInternship(user: SessionUser, scope: Scope, id: string) {
  return db.internship.findFirst({
    where: { id, participant: participantScope(user, scope) },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      hoursPerWeek: true,
      supervisorId: true,
      companyFeedback: true,
      participantFeedback: true,
      ledToOffer: true,
      endReason: true,
      version: true,
      statusChanges: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          changedBy: { select: { name: true } },
        },
      },
      participant: { select: { id: true, firstName: true, lastName: true } },
      company: {
        select: {
          id: true,
          name: true,
          city: true,
          contacts: {
            where: { archivedAt: null },
            orderBy: { lastName: "asc" },
            select: { id: true, firstName: true, lastName: true, function: true },
          },
        },
      },
      occupation: { select: { title: true, kldbCode: true } },
    },
  });
}

const dayOrNull = (d: Date | null) => (d ? dayOf(d) : null);

async function assertNoOverlap(tx: Tx, participantId: string, id: string, start: Date, end: Date) {
  const clash = await tx.internship.findFirst({
    where: {
      participantId,
      id: { not: id },
      status: { in: [...BOOKED_STATUSES] },
      startDate: { lte: end },
      endDate: { gte: start },
    },
    select: { startDate: true, endDate: true, company: { select: { name: true } } },
  });
  if (clash)
    throw fieldError(
      "startDate",
      t("internship.overlap", {
        company: clash.company.name,
        from: formatDate(clash.startDate),
        to: formatDate(clash.endDate),
      }),
    );
}

/** An internship starting, or the participant's last running one ending, moves her status. */
async function followParticipantStatus(
  tx: Tx,
  user: SessionUser,
  participantId: string,
  status: InternshipStatus,
  meta: Meta,
) {
  if (status === "laeuft")
    await moveParticipantStatus(tx, user.id, participantId, "internship_started", meta);
  if (status === "abgeschlossen" || status === "abgebrochen") {
    const stillRunning = await tx.internship.count({
      where: { participantId, status: "laeuft" },
    });
    if (stillRunning === 0)
      await moveParticipantStatus(tx, user.id, participantId, "internships_ended", meta);
  }
}

/**
 * When an internship starts, the one who started it is reminded on its last day to collect both
 * sides' feedback (a follow-up about the participant and the company).
 */
async function remindFeedback(
  tx: Tx,
  user: SessionUser,
  internship: { participantId: string; companyId: string },
  endDate: Date,
) {
  const company = await tx.company.findUniqueOrThrow({
    where: { id: internship.companyId },
    select: { name: true },
  });
  await tx.followUp.create({
    data: {
      title: t("internship.feedbackFollowUp", { company: company.name }),
      dueDate: endDate,
      assigneeId: user.id,
      createdById: user.id,
      participantId: internship.participantId,
      companyId: internship.companyId,
    },
  });
}

/**
 * Saves an internship: the lifecycle goes vorgeschlagen → vereinbart → läuft → abgeschlossen,
 * or abgebrochen from any open step; agreed and running internships need dates and may not
 * overlap another of the same participant; "läuft" only from the start day, "abgeschlossen" only
 * from the end day (or early with a reason), "abgebrochen" with a reason; each status change is
 * kept with who and when; the supervisor is a contact person of the company.
 */
export async function updateInternship(
  user: SessionUser,
  scope: Scope,
  id: string,
  input: InternshipInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.internship.findFirst({
      where: { id, participant: participantScope(user, scope) },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) throw new AppError(409, t("error.stale"));
    const from = current.status as InternshipStatus;
    if (input.status !== from && !NEXT_STATUSES[from].includes(input.status))
      throw fieldError(
        "status",
        t("internship.transition", {
          from: labelOf("istatus", from),
          to: labelOf("istatus", input.status),
        }),
      );
    if ((BOOKED_STATUSES as readonly string[]).includes(input.status)) {
      if (!input.startDate) throw fieldError("startDate", t("internship.datesRequired"));
      if (!input.endDate) throw fieldError("endDate", t("internship.datesRequired"));
      await assertNoOverlap(tx, current.participantId, id, input.startDate, input.endDate);
    }
    const day = today(meta.now);
    const problem = statusDateProblem(
      input.status,
      {
        startDate: input.startDate ? dayOf(input.startDate) : null,
        endDate: input.endDate ? dayOf(input.endDate) : null,
        endReason: input.endReason,
      },
      day,
    );
    // The rules apply when the status is set or its dates change, not to a record left as it is.
    const changed =
      input.status !== from ||
      dayOrNull(input.startDate) !== dayOrNull(current.startDate) ||
      dayOrNull(input.endDate) !== dayOrNull(current.endDate) ||
      input.endReason !== current.endReason;
    if (problem && changed)
      throw fieldError(
        problem.field,
        t(problem.key, {
          start: input.startDate ? formatDate(input.startDate) : "",
          end: input.endDate ? formatDate(input.endDate) : "",
        }),
      );
    if (input.supervisorId) {
      const supervisor = await tx.contactPerson.findFirst({
        where: { id: input.supervisorId, companyId: current.companyId, archivedAt: null },
        select: { id: true },
      });
      if (!supervisor) throw fieldError("supervisorId", t("internship.supervisorUnknown"));
    }
    const { version, ...data } = input;
    const updated = await tx.internship.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    if (input.status !== from) {
      await recordStatus(tx, id, {
        from,
        to: input.status,
        reason: input.endReason,
        by: user.id,
      });
      await followParticipantStatus(tx, user, current.participantId, input.status, meta);
      if (input.status === "laeuft" && input.endDate)
        await remindFeedback(tx, user, current, input.endDate);
    }
    const { version: _v, ...before } = current;
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "internship",
        entityId: id,
        before,
        after: data,
        ip: meta.ip,
      },
      tx,
    );
  });
}
