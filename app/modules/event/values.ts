export const EVENT_TYPES = [
  "info_teilzeit",
  "ausbildungsforum",
  "stammtisch",
  "workshop",
  "exkursion",
  "familienfahrt",
  "sonstige",
] as const;

export const ATTENDANCE = ["anwesend", "nicht_erschienen"] as const;
/** Events that inform employers about part-time apprenticeship: attending counts as informed. */
export const INFORMING_TYPES = ["info_teilzeit", "ausbildungsforum", "stammtisch"] as const;
