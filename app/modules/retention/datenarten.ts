// The deletion concept (DIN 66398): every kind of data (Datenart) Lotse holds, with exactly one
// deletion rule: the event the period starts with, the standard period and what happens then.
// Defaults and their sources: docs/decisions/017-deletion-rules.md. Every column of the schema
// belongs to one Datenart (fields.ts); a test walks the schema so no column goes unclassified.

export const START_EVENTS = [
  /** The funder's last payment to the project: ESF evidence (Reg. (EU) 2021/1060 Art. 82). */
  "last_payment",
  /** The participant's exit from the programme. */
  "exit",
  /** The last contact with the company or person. */
  "last_contact",
  /** The end of the event the registration was for. */
  "event_end",
  /** The record's creation (logs, sessions, emails). */
  "created",
  /** The account is deactivated. */
  "deactivated",
  /** The person the record belongs to is erased or anonymised: it goes with her. */
  "with_person",
  /** Nothing: no personal data (reference data, settings). */
  "none",
] as const;
export type StartEvent = (typeof START_EVENTS)[number];

/** What happens when the period has run: names and free text go, the figures stay. */
export const RETENTION_ACTIONS = ["anonymise", "delete", "keep"] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export type Datenart = {
  start: StartEvent;
  /** Standard period in months; with `fromYearEnd`, counted from 31 December of the start's year. */
  months: number;
  /** What an installation may set (agreed with its data-protection officer). */
  bounds: readonly [min: number, max: number];
  fromYearEnd?: true;
  action: RetentionAction;
  /** Special category (GDPR Art. 9) or data about children. */
  sensitive?: true;
};

export const DATENARTEN = {
  esf_nachweis: {
    start: "last_payment",
    months: 60,
    bounds: [60, 120],
    fromYearEnd: true,
    action: "anonymise",
  },
  tn_kontakt: { start: "exit", months: 12, bounds: [6, 24], action: "delete" },
  tn_beratung: { start: "exit", months: 6, bounds: [0, 12], action: "delete", sensitive: true },
  einwilligung: { start: "with_person", months: 0, bounds: [0, 0], action: "delete" },
  sperre: { start: "with_person", months: 0, bounds: [0, 0], action: "delete" },
  ansprechperson: { start: "last_contact", months: 24, bounds: [12, 36], action: "anonymise" },
  betrieb: { start: "last_contact", months: 60, bounds: [24, 120], action: "anonymise" },
  kontaktverlauf: { start: "created", months: 36, bounds: [12, 60], action: "delete" },
  veranstaltung_anmeldung: { start: "event_end", months: 12, bounds: [6, 24], action: "anonymise" },
  benutzerkonto: { start: "deactivated", months: 12, bounds: [6, 36], action: "anonymise" },
  sicherheit: { start: "created", months: 1, bounds: [1, 3], action: "delete" },
  protokoll: { start: "created", months: 24, bounds: [12, 60], action: "delete" },
  postausgang: { start: "created", months: 3, bounds: [1, 12], action: "delete" },
  betroffenenanfrage: { start: "created", months: 36, bounds: [12, 72], action: "delete" },
  projekt: { start: "none", months: 0, bounds: [0, 0], action: "keep" },
  referenz: { start: "none", months: 0, bounds: [0, 0], action: "keep" },
} as const satisfies Record<string, Datenart>;

export type DatenartKey = keyof typeof DATENARTEN;
export const DATENART_KEYS = Object.keys(DATENARTEN) as DatenartKey[];
