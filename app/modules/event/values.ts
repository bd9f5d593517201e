export const EVENT_TYPES = [
  "info_teilzeit",
  "ausbildungsforum",
  "stammtisch",
  "workshop",
  "exkursion",
  "familienfahrt",
  "sonstige",
] as const;
