/** KPIs that can carry a target on a project. */
export const KPIS = [
  "participants",
  "apprenticeship_rate",
  "internships",
  "workshops",
  "employers_informed",
  "multiplier_contacts",
] as const;
export type Kpi = (typeof KPIS)[number];

/** Outcomes that count as integrated (the basis of the integration rate). */
export const INTEGRATED_OUTCOMES = ["ausbildung", "arbeit", "schule"] as const;

/** The ESF+ fields a row must have: at entry gender, labour status, education; at exit the outcome. */
export const ESF_REQUIRED = ["gender", "labourStatus", "education", "outcome"] as const;
export type EsfField = (typeof ESF_REQUIRED)[number];
