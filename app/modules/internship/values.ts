export const INTERNSHIP_STATUSES = [
  "vorgeschlagen",
  "vereinbart",
  "laeuft",
  "abgeschlossen",
  "abgebrochen",
] as const;
