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
/** The consent that lets the short profile go to employers. */
export const PROFILE_CONSENT = "profil_weitergabe";
/** Age from which a participant no longer fits the programme (under 27): a warning, not a block. */
export const AGE_LIMIT = 27;
/** How many desired occupations the form offers. */
export const WISH_SLOTS = 3;

export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/**
 * What moves a participant's status besides the form (where the team chooses it):
 * an internship begins or the last running one ends, an apprenticeship contract is recorded,
 * someone who left comes back, or that re-entry is taken back.
 */
export type ParticipantStatusEvent =
  | "internship_started"
  | "internships_ended"
  | "apprenticeship_recorded"
  | "reentered"
  | "reentry_undone";

/** The one rule for those moves; a status the event does not concern stays as it is. */
export function nextParticipantStatus(
  current: ParticipantStatus | string,
  event: ParticipantStatusEvent,
): ParticipantStatus | string {
  switch (event) {
    case "internship_started":
      return current === "interessiert" || current === "aktiv" ? "im_praktikum" : current;
    case "internships_ended":
      return current === "im_praktikum" ? "aktiv" : current;
    case "apprenticeship_recorded":
      return current === "ausgeschieden" ? current : "in_ausbildung";
    case "reentered":
      return "aktiv";
    case "reentry_undone":
      return "ausgeschieden";
  }
}

/** A stay as the stay rules see it, oldest first. */
export type StayFacts = { exitDate: unknown; outcomeCount: number };

/**
 * What may be done with a participant's stays; the page offers exactly this and the writers in
 * stays.server.ts / editing.server.ts refuse the rest.
 * - An earlier stay can be corrected in place; the latest is changed in the participant form.
 * - A re-entry can be taken back while the latest stay is open and has no outcome.
 * - A participant who has left can come back.
 */
export const stayRules = {
  correctable: (index: number, count: number) => index < count - 1,
  undoable: (stays: readonly StayFacts[]) => {
    const latest = stays.at(-1);
    return stays.length > 1 && !!latest && !latest.exitDate && latest.outcomeCount === 0;
  },
  reenterable: (participant: { exitDate: unknown }) => participant.exitDate != null,
};

/** Counselling notes in a participant's case file. */
export const CASE_NOTE_TYPES = [
  "beratung",
  "telefonat",
  "hausbesuch",
  "bewerbung",
  "kinderbetreuung",
  "sonstiges",
] as const;
