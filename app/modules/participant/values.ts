export const PARTICIPANT_STATUSES = [
  "interessiert",
  "aktiv",
  "im_praktikum",
  "in_ausbildung",
  "ausgeschieden",
] as const;
export const PARTICIPANT_SORTS = ["name", "entry", "status"] as const;
export const GENDERS = ["w", "m", "d", "x"] as const;
export const CHILDCARE = ["kita", "tagesmutter", "keine", "sonstige"] as const;
export const SCHOOL_CERTIFICATES = [
  "ohne",
  "hauptschule",
  "realschule",
  "abitur",
  "sonstige",
] as const;
/** Erwerbsstatus at entry, as ESF monitoring asks for it. */
export const LABOUR_STATUSES = [
  "arbeitslos",
  "langzeitarbeitslos",
  "nicht_erwerbstaetig",
  "erwerbstaetig",
] as const;
export const OUTCOME_TYPES = ["ausbildung", "arbeit", "schule", "sonstiges"] as const;
export const PARTICIPANT_CONSENTS = ["datenverarbeitung", "profil_weitergabe", "fotos"] as const;
/** Age from which a participant no longer fits the programme (under 27): a warning, not a block. */
export const AGE_LIMIT = 27;
/** How many desired occupations the form offers. */
export const WISH_SLOTS = 3;
