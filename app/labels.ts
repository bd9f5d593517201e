import { type MessageKey, t } from "~/messages";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "~/modules/audit/values";
import { ROLES } from "~/modules/auth/permissions";
import { DUPLICATE_CHOICES, IMPORT_FIELDS } from "~/modules/company/import-values";
import { MULTIPLIER_TYPES, OUTREACH_STATUSES, PART_TIME_READINESS } from "~/modules/company/values";
import { CONSENT_METHODS } from "~/modules/contact/values";
import { DOCUMENT_KINDS } from "~/modules/documents/values";
import { OUTBOX_STATUSES } from "~/modules/email/values";
import { EVENT_TYPES } from "~/modules/event/values";
import { INTERACTION_TOPICS, INTERACTION_TYPES } from "~/modules/interaction/values";
import { END_REASONS, INTERNSHIP_STATUSES } from "~/modules/internship/values";
import {
  CASE_NOTE_TYPES,
  CHILDCARE,
  GENDERS,
  LABOUR_STATUSES,
  OUTCOME_TYPES,
  PARTICIPANT_CONSENTS,
  PARTICIPANT_STATUSES,
  SCHOOL_CERTIFICATES,
} from "~/modules/participant/values";
import { ESF_REQUIRED, KPIS } from "~/modules/reporting/values";
import { DECISIONS, REQUEST_KINDS, REQUEST_STATUSES } from "~/modules/requests/values";
import { DATENART_KEYS, RETENTION_ACTIONS, START_EVENTS } from "~/modules/retention/datenarten";

// Every declared value list whose values the UI names, with the catalogue prefix of their
// labels. A value added to a list without its label in the catalogue does not compile (below).
const LABELLED = {
  outreach: OUTREACH_STATUSES,
  readiness: PART_TIME_READINESS,
  multiplier: MULTIPLIER_TYPES,
  cmethod: CONSENT_METHODS,
  etype: EVENT_TYPES,
  itype: INTERACTION_TYPES,
  topic: INTERACTION_TOPICS,
  istatus: INTERNSHIP_STATUSES,
  iend: END_REASONS,
  pstatus: PARTICIPANT_STATUSES,
  gender: GENDERS,
  childcare: CHILDCARE,
  school: SCHOOL_CERTIFICATES,
  labour: LABOUR_STATUSES,
  outcome: OUTCOME_TYPES,
  consentPurpose: PARTICIPANT_CONSENTS,
  role: ROLES,
  kpi: KPIS,
  esfField: ESF_REQUIRED,
  importField: IMPORT_FIELDS,
  dupchoice: DUPLICATE_CHOICES,
  iaction: ["create", "update", "skip", "error"],
  "outbox.status": OUTBOX_STATUSES,
  auditAction: AUDIT_ACTIONS,
  auditEntity: AUDIT_ENTITIES,
  requestKind: REQUEST_KINDS,
  requestStatus: REQUEST_STATUSES,
  decision: DECISIONS,
  datenart: DATENART_KEYS,
  datenartPurpose: DATENART_KEYS,
  datenartBasis: DATENART_KEYS,
  retentionStart: START_EVENTS,
  retentionAction: RETENTION_ACTIONS,
  dockind: DOCUMENT_KINDS,
  notetype: CASE_NOTE_TYPES,
} as const;

export type LabelledSet = keyof typeof LABELLED;
type Unlabelled = {
  [P in LabelledSet]: Exclude<`${P}.${(typeof LABELLED)[P][number]}`, MessageKey>;
}[LabelledSet];
// Fails to compile with the missing keys named when a listed value has no label.
const everyValueLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true;
void everyValueLabelled;

/**
 * The German label of a value of a declared list, e.g. `labelOf("outreach", c.outreachStatus)`;
 * empty shows "–", a value outside the list (old data) shows as it is.
 */
export function labelOf(set: LabelledSet, value: string | null | undefined): string {
  if (value == null || value === "") return t("common.none");
  return (LABELLED[set] as readonly string[]).includes(value)
    ? t(`${set}.${value}` as MessageKey)
    : value;
}

/** A list's values as select options with their labels. */
export const labelledOptions = <T extends string>(set: LabelledSet, values: readonly T[]) =>
  values.map((value) => ({ value, label: labelOf(set, value) }));
