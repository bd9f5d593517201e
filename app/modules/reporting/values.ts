export const KPIS = [
  "participants",
  "apprenticeship_rate",
  "internships",
  "workshops",
  "employers_informed",
] as const;
export type Kpi = (typeof KPIS)[number];
