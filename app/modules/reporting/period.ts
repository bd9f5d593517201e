import { type Day, type DayPeriod, dayOf, earliest, formatDay, parseDay, today } from "~/lib/day";

// The period a report covers: whole Berlin days, both ends inclusive. Every page and download
// of the reporting module (Übersicht, Berichte, ESF export, PDF) resolves it here.

export type Period = DayPeriod;
type ProjectDates = { startDate: Date; endDate: Date };

/**
 * The project so far: from its start to today (or its end, once it is over). A project that
 * has not begun has its first day, so the period is never upside down.
 */
export function projectToDate(project: ProjectDates, now: Date): Period {
  const from = dayOf(project.startDate);
  const to = earliest(today(now), dayOf(project.endDate));
  if (to < from) return { from, to: from };
  return { from, to };
}

/** The project the reports open with: the one running today, else the newest. */
export function runningProject<P extends ProjectDates>(projects: P[], now: Date): P | undefined {
  const day = today(now);
  return projects.find((p) => dayOf(p.startDate) <= day && day <= dayOf(p.endDate)) ?? projects[0];
}

/**
 * The period asked for by `von` and `bis` (German or ISO dates): each missing or unreadable end
 * falls back to the project so far; an end before the start is ignored.
 */
export function resolvePeriod(
  params: URLSearchParams,
  project: ProjectDates,
  now: Date,
): Period & { isProjectToDate: boolean } {
  const toDate = projectToDate(project, now);
  const from = parseDay(params.get("von") ?? "") ?? toDate.from;
  const asked = parseDay(params.get("bis") ?? "");
  const to: Day = asked && asked >= from ? asked : toDate.to;
  return { from, to, isProjectToDate: from === toDate.from && to === toDate.to };
}

/** The query string of a project and period, as the report pages read it back. */
export const periodQuery = (projectId: string, period: Period) =>
  new URLSearchParams({
    projekt: projectId,
    von: formatDay(period.from),
    bis: formatDay(period.to),
  }).toString();
