export const INTERNSHIP_STATUSES = [
  "vorgeschlagen",
  "vereinbart",
  "laeuft",
  "abgeschlossen",
  "abgebrochen",
] as const;

export type InternshipStatus = (typeof INTERNSHIP_STATUSES)[number];

/** Where an internship may go from each status (staying is always allowed). */
export const NEXT_STATUSES: Record<InternshipStatus, readonly InternshipStatus[]> = {
  vorgeschlagen: ["vereinbart", "abgebrochen"],
  vereinbart: ["laeuft", "abgebrochen"],
  laeuft: ["abgeschlossen", "abgebrochen"],
  abgeschlossen: [],
  abgebrochen: [],
};

/** The statuses an internship in `status` can be set to: its own and the next ones. */
export const statusChoices = (status: string): InternshipStatus[] => {
  const current = INTERNSHIP_STATUSES.find((s) => s === status);
  return current ? [current, ...NEXT_STATUSES[current]] : [];
};

/** Statuses that hold the participant's time: these may not overlap. */
export const BOOKED_STATUSES = ["vereinbart", "laeuft"] as const;

/** Why an internship ended before its end date (a code, never free text: it feeds the figures). */
export const END_REASONS = [
  "teilnehmende",
  "betrieb",
  "gesundheit",
  "kinderbetreuung",
  "ausbildungsvertrag",
  "sonstiges",
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * What a status requires of the internship's dates on a given Berlin day; null when it may be
 * set. "läuft" only from the start day on, "abgeschlossen" only from the end day on unless it
 * ended early with a reason, "abgebrochen" always with a reason.
 */
export function statusDateProblem(
  status: InternshipStatus,
  dates: { startDate: string | null; endDate: string | null; endReason: string | null },
  today: string,
): { field: "status" | "startDate" | "endDate" | "endReason"; key: StatusRuleKey } | null {
  const { startDate, endDate, endReason } = dates;
  if (status === "laeuft" || status === "abgeschlossen") {
    if (!startDate) return { field: "startDate", key: "internship.datesRequired" };
    if (!endDate) return { field: "endDate", key: "internship.datesRequired" };
    if (startDate > today) return { field: "status", key: "internship.notStartedYet" };
  }
  if (status === "abgeschlossen" && endDate && endDate > today && !endReason)
    return { field: "endReason", key: "internship.endedEarlyReason" };
  if (status === "abgebrochen" && !endReason)
    return { field: "endReason", key: "internship.brokenOffReason" };
  return null;
}
export type StatusRuleKey =
  | "internship.datesRequired"
  | "internship.notStartedYet"
  | "internship.endedEarlyReason"
  | "internship.brokenOffReason";
