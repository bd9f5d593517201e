import type { Tx } from "~/db.server";
import { dayOf, formatDate } from "~/lib/day";
import { AppError, fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { stayRules } from "./values";

// A participant's stays (Teilnahmen): entry to exit, one per time in the programme. The
// participant's own entryDate, exitDate, labourStatus and projectId mirror the latest stay;
// only the functions here change stays, always inside the caller's transaction.

export type StayDates = {
  entryDate?: Date | null;
  exitDate?: Date | null;
  labourStatus?: string | null;
};
export type Stay = { id: string; projectId: string | null };
const STAY = { id: true, projectId: true } as const;

/** Whether day `a` comes after day `b`, as the calendar days the team sees (Berlin time). */
export const isDayAfter = (a: Date, b: Date) => dayOf(a) > dayOf(b);

const latestTwo = (tx: Tx, participantId: string) =>
  tx.participantStay.findMany({
    where: { participantId },
    orderBy: { entryDate: "desc" },
    take: 2,
    select: { ...STAY, entryDate: true, exitDate: true },
  });

/** The project running on a day (the newest, if two overlap): where a stay beginning then belongs. */
export async function projectOn(tx: Tx, day: Date): Promise<string | null> {
  const project = await tx.project.findFirst({
    where: { archivedAt: null, startDate: { lte: day }, endDate: { gte: day } },
    orderBy: { startDate: "desc" },
    select: { id: true },
  });
  return project?.id ?? null;
}

/** The stay the participant is in now (or left last), if any. */
export async function latestStay(tx: Tx, participantId: string): Promise<Stay | null> {
  return (await latestTwo(tx, participantId))[0] ?? null;
}

/**
 * Brings the stays in line with the dates typed in the participant form and returns the latest.
 * - The first entry date opens the first stay, in the project running on that day (else the
 *   participant's).
 * - An entry date after the latest stay's exit is a re-entry: a new stay in the project running
 *   on that day; the earlier stay keeps its dates.
 * - Anything else corrects the latest stay; it may not reach back into the stay before it.
 */
export async function saveLatestStay(
  tx: Tx,
  participantId: string,
  dates: StayDates,
  projectId: string | null,
): Promise<(Stay & { opened: boolean }) | null> {
  const [latest, previous] = await latestTwo(tx, participantId);
  const { entryDate, exitDate = null, labourStatus = null } = dates;
  if (!entryDate) {
    if (!latest) return null;
    if (previous) throw fieldError("entryDate", t("stay.entryRequired"));
    await tx.participantStay.delete({ where: { id: latest.id } });
    return null;
  }
  const open = async (project: string | null) => ({
    ...(await tx.participantStay.create({
      data: { participantId, projectId: project, entryDate, exitDate, labourStatus },
      select: STAY,
    })),
    opened: true,
  });
  if (!latest) return open((await projectOn(tx, entryDate)) ?? projectId);
  if (latest.exitDate && isDayAfter(entryDate, latest.exitDate))
    return open((await projectOn(tx, entryDate)) ?? latest.projectId);
  if (previous?.exitDate && !isDayAfter(entryDate, previous.exitDate))
    throw fieldError("entryDate", t("stay.overlaps", { date: formatDate(previous.exitDate) }));
  const updated = await tx.participantStay.update({
    where: { id: latest.id },
    data: { entryDate, exitDate, labourStatus },
    select: STAY,
  });
  return { ...updated, opened: false };
}

/**
 * Takes back a re-entry recorded by mistake: removes the latest stay – only while it is open and
 * has no outcome – and returns the stay before it, whose dates become the participant's again.
 */
export async function removeReentry(tx: Tx, participantId: string) {
  const [latest, previous] = await latestTwo(tx, participantId);
  if (!latest || !previous) throw new AppError(400, t("stay.nothingToUndo"));
  const outcomeCount = await tx.outcome.count({ where: { stayId: latest.id } });
  const facts = [
    { exitDate: previous.exitDate, outcomeCount: 0 },
    { ...latest, outcomeCount },
  ];
  if (!stayRules.undoable(facts)) throw new AppError(400, t("stay.undoClosed"));
  await tx.participantStay.delete({ where: { id: latest.id } });
  return tx.participantStay.findUniqueOrThrow({
    where: { id: previous.id },
    select: { id: true, projectId: true, entryDate: true, exitDate: true, labourStatus: true },
  });
}

/**
 * Corrects an earlier (closed) stay – not the latest, which the participant form changes. It
 * keeps its place: after the stay before it, before the one after it.
 */
export async function correctEarlierStay(
  tx: Tx,
  participantId: string,
  stayId: string,
  dates: { entryDate: Date; exitDate: Date; labourStatus: string | null },
) {
  const stays = await tx.participantStay.findMany({
    where: { participantId },
    orderBy: { entryDate: "asc" },
    select: { id: true, entryDate: true, exitDate: true, labourStatus: true },
  });
  const i = stays.findIndex((s) => s.id === stayId);
  if (i < 0) throw new AppError(404, t("validation.notFound"));
  if (!stayRules.correctable(i, stays.length)) throw new AppError(400, t("stay.latestInForm"));
  const previous = stays[i - 1];
  const next = stays[i + 1]!;
  if (isDayAfter(dates.entryDate, dates.exitDate))
    throw fieldError("exitDate", t("participant.exitBeforeEntry"));
  if (previous?.exitDate && !isDayAfter(dates.entryDate, previous.exitDate))
    throw fieldError("entryDate", t("stay.overlaps", { date: formatDate(previous.exitDate) }));
  if (!isDayAfter(next.entryDate, dates.exitDate))
    throw fieldError("exitDate", t("stay.beforeNext", { date: formatDate(next.entryDate) }));
  await tx.participantStay.update({ where: { id: stayId }, data: dates });
  return stays[i]!;
}
