import type { DatenartKey } from "~/modules/retention/datenarten";

// Requests of data subjects (GDPR Art. 15, 17, 18, 20), answered within one month (Art. 12(3)).

export const REQUEST_KINDS = [
  "auskunft",
  "loeschung",
  "einschraenkung",
  "uebertragbarkeit",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ["offen", "beantwortet"] as const;

/** What is decided per Datenart for an erasure or restriction request. */
export const DECISIONS = ["erase", "restrict", "refuse"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Kinds that decide per Datenart (erasure, restriction); the others answer with a copy. */
export const decides = (kind: RequestKind) => kind === "loeschung" || kind === "einschraenkung";

/** The Datenarten a person's request covers. */
export const PERSON_DATENARTEN = {
  participant: [
    "esf_nachweis",
    "tn_kontakt",
    "tn_beratung",
    "einwilligung",
    "kontaktverlauf",
    "veranstaltung_anmeldung",
  ],
  contact: ["ansprechperson", "einwilligung", "kontaktverlauf", "veranstaltung_anmeldung"],
} as const satisfies Record<string, readonly DatenartKey[]>;
export type PersonKind = keyof typeof PERSON_DATENARTEN;

export type DecisionEntry = { decision: Decision; until: string | null; reason: string | null };
export type Decisions = Partial<Record<DatenartKey, DecisionEntry>>;
