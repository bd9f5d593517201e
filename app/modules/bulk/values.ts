import { t, tn } from "~/messages";

// Bulk work on lists: what can be done to many rows at once, and how the result is told.

/** At most this many rows change in one bulk action (a filtered list of all companies fits). */
export const BULK_MAX = 5000;

export const COMPANY_BULK_ACTIONS = [
  "zustaendig",
  "status",
  "schlagwort_plus",
  "schlagwort_minus",
  "archivieren",
] as const;
export const CONTACT_BULK_ACTIONS = [
  "zustaendig",
  "schlagwort_plus",
  "schlagwort_minus",
  "einladen",
] as const;
export const PARTICIPANT_BULK_ACTIONS = ["coach"] as const;
export type BulkAction =
  | (typeof COMPANY_BULK_ACTIONS)[number]
  | (typeof CONTACT_BULK_ACTIONS)[number]
  | (typeof PARTICIPANT_BULK_ACTIONS)[number];

/** A row the action did not change because the user may not, with the reason. */
export type BulkRefusal = { id: string; name: string; reason: string };

/** What a bulk action did: changed, already as wanted, and refused rows named one by one. */
export type BulkReport = { changed: number; unchanged: number; refused: BulkRefusal[] };

// A toast holds 300 characters: five names with their reasons fit.
const MAX_NAMED = 5;

/**
 * The report as one German sentence: "12 Zeilen geändert, 3 waren schon so; nicht geändert:
 * Bäckerei Müller (nicht in Ihrer Zuständigkeit), …".
 */
export function bulkSummary(report: BulkReport): string {
  const parts = [tn("bulk.done", report.changed)];
  if (report.unchanged) parts.push(t("bulk.unchanged", { count: report.unchanged }));
  let text = parts.join(", ");
  if (report.refused.length) {
    const named = report.refused
      .slice(0, MAX_NAMED)
      .map((r) => `${r.name} (${r.reason})`)
      .join(", ");
    const more = report.refused.length - MAX_NAMED;
    text += `; ${t("bulk.refused", { list: more > 0 ? `${named} … (+${more})` : named })}`;
  }
  return `${text}.`;
}
