import { db, type Tx } from "~/db.server";
import { formatDate } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { addConsent, type ConsentInput, endConsent } from "~/modules/consent/register.server";
import { resolveDistrict } from "~/modules/reference/district.server";
import { listOccupations } from "~/modules/reference/lists.server";
import { participantScope } from "./access.server";
import type { OutcomeInput, ParticipantInput, ReentryInput, StayCorrectionInput } from "./schema";
import { moveParticipantStatus } from "./status.server";
import {
  correctEarlierStay,
  isDayAfter,
  latestStay,
  projectOn,
  removeReentry,
  type Stay,
  saveLatestStay,
} from "./stays.server";
import { stayRules, WISH_SLOTS } from "./values";

type Meta = { ip?: string };

/** Resolves a typed occupation ("Title (81102)", the title, or the KldB code) to its id. */
export async function resolveOccupation(text: string, field: string): Promise<string> {
  const occupations = await listOccupations();
  const code = /\((\d{5})\)\s*$/.exec(text)?.[1] ?? (/^\d{5}$/.test(text) ? text : null);
  const title = text
    .replace(/\s*\(\d{5}\)\s*$/, "")
    .trim()
    .toLowerCase();
  const found =
    occupations.find((o) => o.title.toLowerCase() === title && (!code || o.kldbCode === code)) ??
    (code ? occupations.find((o) => o.kldbCode === code) : undefined);
  if (!found) throw fieldError(field, t("participant.wishUnknown"));
  return found.id;
}

async function resolveWishes(input: ParticipantInput): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= WISH_SLOTS; n++) {
    const text = input[`wish${n}` as "wish1"];
    if (!text) continue;
    const id = await resolveOccupation(text, `wish${n}`);
    if (ids.includes(id)) throw fieldError(`wish${n}`, t("participant.wishTwice"));
    ids.push(id);
  }
  return ids;
}

async function setWishes(tx: Tx, participantId: string, occupationIds: string[]) {
  await tx.participantOccupation.deleteMany({ where: { participantId } });
  if (occupationIds.length)
    await tx.participantOccupation.createMany({
      data: occupationIds.map((occupationId, i) => ({ participantId, occupationId, rank: i + 1 })),
    });
}

/** The stored fields of the form (wishes and the exit outcome are handled apart). */
function participantData(input: ParticipantInput) {
  const { wish1: _1, wish2: _2, wish3: _3, exitOutcome: _o, districtAgs: _d, ...fields } = input;
  return { ...fields, childrenCount: fields.childrenCount ?? 0 };
}

export async function createParticipant(
  user: SessionUser,
  scope: Scope,
  input: ParticipantInput,
  meta: Meta = {},
) {
  const wishes = await resolveWishes(input);
  return db.$transaction(async (tx) => {
    const district = await resolveDistrict(input.plz, input.districtAgs, tx);
    // A coach's new participant is their own; lead and placement may assign any coach.
    const coachId = scope === "any" ? (input.coachId ?? user.id) : user.id;
    // The project running on the entry day (or today, before there is one).
    const projectId = await projectOn(tx, input.entryDate ?? new Date());
    const participant = await tx.participant.create({
      data: { ...participantData(input), districtAgs: district.districtAgs, coachId, projectId },
      select: { id: true, firstName: true, lastName: true },
    });
    const stay = await saveLatestStay(tx, participant.id, input, projectId);
    await setWishes(tx, participant.id, wishes);
    if (input.status === "ausgeschieden") await recordExitOutcome(tx, participant.id, stay, input);
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "participant",
        entityId: participant.id,
        after: { ...participantData(input), wishes },
        ip: meta.ip,
      },
      tx,
    );
    return participant;
  });
}

/** The outcome at the exit of a stay: one recorded during the stay, or the one typed in the form. */
async function recordExitOutcome(
  tx: Tx,
  participantId: string,
  stay: Stay | null,
  input: ParticipantInput,
) {
  const existing = await tx.outcome.count({
    where: stay ? { stayId: stay.id } : { participantId },
  });
  if (existing > 0 && !input.exitOutcome) return;
  if (!input.exitOutcome) throw fieldError("exitOutcome", t("participant.exitOutcomeRequired"));
  await tx.outcome.create({
    data: { participantId, stayId: stay?.id, type: input.exitOutcome, startDate: input.exitDate },
  });
}

/**
 * Saves a participant if nobody changed the record since the form was loaded. Leaving
 * (status "ausgeschieden") needs an outcome: one recorded before, or the one given in the form.
 */
export async function updateParticipant(
  user: SessionUser,
  scope: Scope,
  id: string,
  input: ParticipantInput & { version: number },
  meta: Meta = {},
) {
  const wishes = await resolveWishes(input);
  return db.$transaction(async (tx) => {
    const current = await tx.participant.findFirst({
      where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) throw new AppError(409, t("error.stale"));
    const district = await resolveDistrict(input.plz, input.districtAgs, tx);
    const stay = await saveLatestStay(
      tx,
      id,
      input,
      current.projectId ?? (await projectOn(tx, new Date())),
    );
    const { version: _v, ...rest } = input;
    const updated = await tx.participant.updateMany({
      where: { id, version: input.version },
      data: {
        ...participantData(rest),
        districtAgs: district.districtAgs,
        projectId: stay?.projectId ?? current.projectId,
        // Only lead and placement reassign; a coach keeps the coach.
        coachId: scope === "any" ? (input.coachId ?? current.coachId) : current.coachId,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError(409, t("error.stale"));
    await setWishes(tx, id, wishes);
    // Leaving needs an outcome – also when a whole later stay is typed in at once.
    if (input.status === "ausgeschieden" && (current.status !== "ausgeschieden" || stay?.opened))
      await recordExitOutcome(tx, id, stay, input);
    const { version: _cv, ...before } = current;
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "participant",
        entityId: id,
        before,
        after: { ...participantData(rest), wishes },
        ip: meta.ip,
      },
      tx,
    );
    return { name: `${input.firstName} ${input.lastName}` };
  });
}

/**
 * A participant who left comes back: a new stay from the given day (after the last exit), in
 * the current project; the earlier stay and its outcome stay as they were.
 */
export async function reenterParticipant(
  user: SessionUser,
  scope: Scope,
  id: string,
  input: ReentryInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.participant.findFirst({
      where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
      select: { firstName: true, lastName: true, version: true, exitDate: true, projectId: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) throw new AppError(409, t("error.stale"));
    if (!stayRules.reenterable(current) || !current.exitDate)
      throw new AppError(400, t("stay.notExited"));
    if (!isDayAfter(input.entryDate, current.exitDate))
      throw fieldError(
        "entryDate",
        t("stay.entryAfterExit", { date: formatDate(current.exitDate) }),
      );
    const dates = { entryDate: input.entryDate, exitDate: null, labourStatus: input.labourStatus };
    const stay = await saveLatestStay(tx, id, dates, current.projectId);
    await tx.participant.update({
      where: { id },
      data: { ...dates, projectId: stay?.projectId, version: { increment: 1 } },
    });
    await moveParticipantStatus(tx, user.id, id, "reentered", { ...meta, versionBumped: true });
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "participant",
        entityId: id,
        before: { exitDate: current.exitDate, projectId: current.projectId },
        after: { ...dates, stayId: stay?.id, projectId: stay?.projectId },
        detail: "Wiedereintritt",
        ip: meta.ip,
      },
      tx,
    );
    return { name: `${current.firstName} ${current.lastName}` };
  });
}

/** Corrects the dates or labour status of an earlier stay (the latest is changed in the form). */
export async function correctStay(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  input: StayCorrectionInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.participant.findFirst({
      where: {
        AND: [
          participantScope(user, scope),
          { id: participantId, archivedAt: null, anonymisedAt: null },
        ],
      },
      select: { firstName: true, lastName: true, version: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== input.version) throw new AppError(409, t("error.stale"));
    const { stayId, version: _v, ...dates } = input;
    const before = await correctEarlierStay(tx, participantId, stayId, dates);
    await tx.participant.update({
      where: { id: participantId },
      data: { version: { increment: 1 } },
    });
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "participant",
        entityId: participantId,
        before,
        after: { stayId, ...dates },
        detail: "Teilnahme korrigiert",
        ip: meta.ip,
      },
      tx,
    );
    return { name: `${current.firstName} ${current.lastName}` };
  });
}

/** Takes back a re-entry recorded by mistake: the participant has left again, as before it. */
export async function undoReentry(
  user: SessionUser,
  scope: Scope,
  id: string,
  version: number,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.participant.findFirst({
      where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
      select: { firstName: true, lastName: true, version: true, entryDate: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    if (current.version !== version) throw new AppError(409, t("error.stale"));
    const previous = await removeReentry(tx, id);
    const { id: stayId, ...dates } = previous;
    await tx.participant.update({
      where: { id },
      data: { ...dates, version: { increment: 1 } },
    });
    await moveParticipantStatus(tx, user.id, id, "reentry_undone", {
      ...meta,
      versionBumped: true,
    });
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "participant",
        entityId: id,
        before: { entryDate: current.entryDate },
        after: { ...dates, stayId },
        detail: "Wiedereintritt zurückgenommen",
        ip: meta.ip,
      },
      tx,
    );
    return { name: `${current.firstName} ${current.lastName}` };
  });
}

/** The outcome's company: one picked from the list, or the one active company with the typed name. */
async function resolveCompany(tx: Tx, input: OutcomeInput): Promise<string | null> {
  if (input.companyId) {
    const company = await tx.company.findFirst({
      where: { id: input.companyId, archivedAt: null },
      select: { id: true },
    });
    if (!company) throw fieldError("companyId", t("validation.notFound"));
    return company.id;
  }
  if (!input.companyName) return null;
  const found = await tx.company.findMany({
    where: { name: input.companyName, archivedAt: null },
    select: { id: true },
    take: 2,
  });
  if (found.length === 0) throw fieldError("companyName", t("outcome.companyUnknown"));
  if (found.length > 1) throw fieldError("companyName", t("outcome.companyAmbiguous"));
  return found[0]!.id;
}

/** Records an outcome (apprenticeship contract, job, school, other) for a visible participant. */
export async function recordOutcome(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  input: OutcomeInput,
  meta: Meta = {},
) {
  const occupationId = input.occupation
    ? await resolveOccupation(input.occupation, "occupation")
    : null;
  if (input.type === "ausbildung" && !occupationId)
    throw fieldError("occupation", t("field.required"));
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: {
        AND: [participantScope(user, scope), { id: participantId, archivedAt: null }],
      },
      select: { id: true, status: true },
    });
    if (!participant) throw new AppError(404, t("validation.notFound"));
    const companyId = await resolveCompany(tx, input);
    if (input.type === "ausbildung" && !companyId)
      throw fieldError("companyId", t("outcome.companyRequired"));
    const stay = await latestStay(tx, participantId);
    const outcome = await tx.outcome.create({
      data: {
        participantId,
        stayId: stay?.id,
        type: input.type,
        companyId,
        occupationId,
        partTime: input.partTime,
        weeklyHours: input.weeklyHours,
        startDate: input.startDate,
        note: input.note,
      },
      select: { id: true },
    });
    if (input.type === "ausbildung")
      await moveParticipantStatus(tx, user.id, participantId, "apprenticeship_recorded", meta);
    await audit(
      {
        actorId: user.id,
        action: "create",
        entityType: "participant",
        entityId: participantId,
        after: { outcomeId: outcome.id, ...input, occupationId },
        detail: `Verbleib erfasst: ${input.type}`,
        ip: meta.ip,
      },
      tx,
    );
  });
}

export async function archiveParticipant(
  user: SessionUser,
  scope: Scope,
  id: string,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const current = await tx.participant.findFirst({
      where: { AND: [participantScope(user, scope), { id, archivedAt: null }] },
      select: { firstName: true, lastName: true },
    });
    if (!current) throw new AppError(404, t("validation.notFound"));
    await tx.participant.update({
      where: { id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit(
      { actorId: user.id, action: "archive", entityType: "participant", entityId: id, ip: meta.ip },
      tx,
    );
    return { name: `${current.firstName} ${current.lastName}` };
  });
}

/** Checks inside a transaction that the user may see the participant (404 otherwise). */
async function requireVisible(tx: Tx, user: SessionUser, scope: Scope, id: string) {
  const found = await tx.participant.findFirst({
    where: { AND: [participantScope(user, scope), { id, archivedAt: null, anonymisedAt: null }] },
    select: { id: true },
  });
  if (!found) throw new AppError(404, t("validation.notFound"));
}

/** Records a participant's consent (data processing, sharing the profile, photos). */
export async function recordParticipantConsent(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  purpose: string,
  input: ConsentInput,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    await requireVisible(tx, user, scope, participantId);
    await addConsent(tx, user, { participantId }, purpose, input, meta);
  });
}

export async function withdrawParticipantConsent(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  consentId: string,
  withdrawnAt: Date,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    await requireVisible(tx, user, scope, participantId);
    return endConsent(tx, user, { participantId }, consentId, withdrawnAt, meta);
  });
}

/**
 * Shares a participant with another coach (e.g. during a holiday cover), or ends the sharing.
 * The participant's own coach decides; lead and placement may too.
 */
export async function setParticipantShare(
  user: SessionUser,
  scope: Scope,
  participantId: string,
  coachId: string,
  shared: boolean,
  meta: Meta = {},
) {
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: {
        id: participantId,
        archivedAt: null,
        anonymisedAt: null,
        ...(scope === "any" ? {} : { coachId: user.id }),
      },
      select: { coachId: true },
    });
    if (!participant) throw new AppError(404, t("validation.notFound"));
    if (shared) {
      const coach = await tx.user.findFirst({
        where: { id: coachId, active: true, role: "jobcoach" },
        select: { id: true },
      });
      if (!coach || coach.id === participant.coachId)
        throw fieldError("userId", t("participant.shareInvalid"));
      await tx.participantShare.upsert({
        where: { participantId_userId: { participantId, userId: coachId } },
        create: { participantId, userId: coachId },
        update: {},
      });
    } else {
      await tx.participantShare.deleteMany({ where: { participantId, userId: coachId } });
    }
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "participant",
        entityId: participantId,
        detail: `${shared ? "geteilt mit" : "nicht mehr geteilt mit"} ${coachId}`,
        ip: meta.ip,
      },
      tx,
    );
  });
}
