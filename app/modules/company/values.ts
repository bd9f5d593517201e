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
