export const OUTREACH_STATUSES = [
  "neu",
  "kontaktiert",
  "informiert",
  "interessiert",
  "bietet_plaetze",
  "partner",
  "kein_interesse",
] as const;
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];
export const PART_TIME_READINESS = ["ja", "offen", "nein"] as const;
export const MULTIPLIER_TYPES = [
  "ihk",
  "hwk",
  "jobcenter",
  "politik",
  "verband",
  "schule",
  "sonstige",
] as const;
export const COMPANY_SORTS = ["name", "plz", "status", "lastContact"] as const;
export const COMPANY_SIZES = ["1-9", "10-49", "50-249", "250+"] as const;
/** Statuses that mean the company has been informed about part-time apprenticeship. */
export const INFORMED_STATUSES = [
  "informiert",
  "interessiert",
  "bietet_plaetze",
  "partner",
] as const;
export const NO_CONTACT_DAYS = ["30", "90", "180", "365"] as const;

/** Statuses a company is still at before anyone informed it: informing moves it to "informiert". */
const NOT_YET_INFORMED: readonly string[] = ["neu", "kontaktiert"] satisfies OutreachStatus[];

/** Where a company stands in the outreach: its status and when it was first informed. */
export type OutreachState = { outreachStatus: OutreachStatus | string; informedAt: Date | null };

/**
 * What happens to a company's outreach:
 * - `set`: someone chose a status (form, board, import column);
 * - `contact`: a contact was logged on `at` (`informs`: about part-time apprenticeship);
 * - `informed`: a record says it was informed on `at` (import column, merged duplicate).
 */
export type OutreachEvent =
  | { kind: "set"; status: OutreachStatus }
  | { kind: "contact"; at: Date; informs: boolean }
  | { kind: "informed"; at: Date };

const isInformedStatus = (s: string) => (INFORMED_STATUSES as readonly string[]).includes(s);
const earlier = (a: Date | null, b: Date) => (a && a <= b ? a : b);

/**
 * The one rule for a company's outreach state. A chosen status is taken as it is; a logged
 * contact moves a new company to "kontaktiert", and one about part-time apprenticeship moves a
 * new or contacted company to "informiert"; an informed date does the same. "Informed at" is the
 * first time the company was informed and is never cleared: a chosen informed status sets it to
 * `now`, a contact or record to its own date, whichever is earliest.
 */
export function nextOutreach(
  current: OutreachState,
  events: readonly OutreachEvent[],
  now: Date = new Date(),
): OutreachState {
  let { outreachStatus, informedAt } = current;
  for (const e of events) {
    if (e.kind === "set") {
      outreachStatus = e.status;
      if (!informedAt && isInformedStatus(e.status)) informedAt = now;
      continue;
    }
    const informs = e.kind === "informed" || e.informs;
    if (informs) {
      if (NOT_YET_INFORMED.includes(outreachStatus)) outreachStatus = "informiert";
      informedAt = earlier(informedAt, e.at);
    } else if (outreachStatus === "neu") outreachStatus = "kontaktiert";
  }
  return { outreachStatus, informedAt };
}
