export const PARTICIPANT_STATUSES = [
  "interessiert",
  "aktiv",
  "im_praktikum",
  "in_ausbildung",
  "ausgeschieden",
] as const;
export const PARTICIPANT_SORTS = ["name", "entry", "status"] as const;
