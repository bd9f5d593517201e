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
