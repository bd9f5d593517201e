import type { MessageKey } from "~/messages";
import type { KpiFigures } from "./kpis.server";
import type { Period } from "./period";

// Every figure of a period in one place: its label (the catalogue key), how it reads from the
// computed KPIs, and the list that shows its records with the same rule. The count is computed
// in kpis.server.ts, the lists filter in their modules by the same definitions
// (docs/kpi-definitions.md); figures.test.ts proves that each count equals its list's length.

export type FigureKey =
  | "report.entered"
  | "report.reentered"
  | "report.exited"
  | "report.active"
  | "report.apprenticeship"
  | "report.partTime"
  | "report.job"
  | "report.school"
  | "report.integrationRate"
  | "report.apprenticeshipRate"
  | "report.internships"
  | "report.internshipsCompleted"
  | "report.internshipsOffer"
  | "report.workshops"
  | "report.otherEvents"
  | "report.attendance"
  | "report.informed"
  | "report.multiplierContacts";

/** Where a figure's records are listed: a project, a period and whose participants. */
export type FigureScope = {
  projectId: string;
  period: Period;
  /** The project's first day: the integration rate counts outcomes from there. */
  projectStart: string;
  /** Only the coach's own participants ("von mir betreut"). */
  mine?: boolean;
};

/** Figures whose definition is shown on hover and focus (the two rates are easy to confuse). */
export const FIGURE_DEFINITIONS: Partial<Record<FigureKey, MessageKey>> = {
  "report.integrationRate": "report.integrationRate.def",
  "report.apprenticeshipRate": "report.apprenticeshipRate.def",
};

type Figure = {
  key: FigureKey;
  read: (k: KpiFigures) => number;
  kind: "count" | "rate";
  link: (s: FigureScope) => string;
};

const range = (name: string, { from, to }: Period) => `${name}_von=${from}&${name}_bis=${to}`;
const participants = (s: FigureScope, query: string) =>
  `/teilnehmende?projekt=${s.projectId}${s.mine ? "&betreuung=meine" : ""}&${query}`;
const internships = (s: FigureScope, query: string) =>
  `/praktika?projekt=${s.projectId}${s.mine ? "&betreuung=meine" : ""}&${query}`;
const events = (s: FigureScope, query = "") =>
  `/veranstaltungen?projekt=${s.projectId}&${range("durchgefuehrt", s.period)}${query}`;

/** The figures in the order the Übersicht and the funder report show them. */
export const FIGURES: readonly Figure[] = [
  {
    key: "report.entered",
    read: (k) => k.participants.entered,
    kind: "count",
    link: (s) => participants(s, range("eintritt", s.period)),
  },
  {
    key: "report.reentered",
    read: (k) => k.participants.reentered,
    kind: "count",
    link: (s) => participants(s, range("wiedereintritt", s.period)),
  },
  {
    key: "report.exited",
    read: (k) => k.participants.exited,
    kind: "count",
    link: (s) => participants(s, range("austritt", s.period)),
  },
  {
    key: "report.active",
    read: (k) => k.participants.active,
    kind: "count",
    link: (s) => participants(s, `aktiv_am=${s.period.to}`),
  },
  {
    key: "report.apprenticeship",
    read: (k) => k.outcomes.apprenticeship,
    kind: "count",
    link: (s) => participants(s, `verbleib=ausbildung&${range("verbleib", s.period)}`),
  },
  {
    key: "report.partTime",
    read: (k) => k.outcomes.apprenticeshipPartTime,
    kind: "count",
    link: (s) => participants(s, `verbleib=ausbildung&teilzeit=ja&${range("verbleib", s.period)}`),
  },
  {
    key: "report.job",
    read: (k) => k.outcomes.job,
    kind: "count",
    link: (s) => participants(s, `verbleib=arbeit&${range("verbleib", s.period)}`),
  },
  {
    key: "report.school",
    read: (k) => k.outcomes.school,
    kind: "count",
    link: (s) => participants(s, `verbleib=schule&${range("verbleib", s.period)}`),
  },
  {
    // The rate's numerator is listed: integrated from the project's start to the period's end.
    key: "report.integrationRate",
    read: (k) => k.outcomes.integrationRate,
    kind: "rate",
    link: (s) =>
      participants(
        s,
        `verbleib=integriert&${range("verbleib", { from: s.projectStart, to: s.period.to })}`,
      ),
  },
  {
    // Only apprenticeships, against the same base: the funder's "Anteil in Ausbildung".
    key: "report.apprenticeshipRate",
    read: (k) => k.outcomes.apprenticeshipRate,
    kind: "rate",
    link: (s) =>
      participants(
        s,
        `verbleib=ausbildung&${range("verbleib", { from: s.projectStart, to: s.period.to })}`,
      ),
  },
  {
    key: "report.internships",
    read: (k) => k.internships.total,
    kind: "count",
    link: (s) => internships(s, range("beginn", s.period)),
  },
  {
    key: "report.internshipsCompleted",
    read: (k) => k.internships.completed,
    kind: "count",
    link: (s) => internships(s, `status=abgeschlossen&${range("ende", s.period)}`),
  },
  {
    key: "report.internshipsOffer",
    read: (k) => k.internships.ledToOffer,
    kind: "count",
    link: (s) => internships(s, `status=abgeschlossen&angebot=ja&${range("ende", s.period)}`),
  },
  {
    key: "report.workshops",
    read: (k) => k.events.workshops,
    kind: "count",
    link: (s) => events(s, "&art=workshop"),
  },
  {
    key: "report.otherEvents",
    read: (k) => k.events.other,
    kind: "count",
    link: (s) => events(s, "&art=andere"),
  },
  {
    // The events held, each with its attending persons; the figure is their sum.
    key: "report.attendance",
    read: (k) => k.events.attendance,
    kind: "count",
    link: (s) => events(s),
  },
  {
    key: "report.informed",
    read: (k) => k.employersInformed,
    kind: "count",
    link: (s) => `/unternehmen?${range("informiert", s.period)}`,
  },
  {
    key: "report.multiplierContacts",
    read: (k) => k.multiplierContacts.total,
    kind: "count",
    link: () => "/berichte/multiplikatoren",
  },
];

/** The figures a coach reads about their own participants. */
export const COACH_FIGURES: readonly FigureKey[] = [
  "report.entered",
  "report.reentered",
  "report.exited",
  "report.active",
  "report.apprenticeship",
  "report.integrationRate",
  "report.apprenticeshipRate",
  "report.internships",
  "report.internshipsCompleted",
];

export type FigureRow = { key: FigureKey; value: number; kind: Figure["kind"]; to: string | null };

/** The figures of a period with their values and, given a scope, the links to their records. */
export function periodFigures(
  k: KpiFigures,
  scope?: FigureScope,
  only?: readonly FigureKey[],
): FigureRow[] {
  return FIGURES.filter((f) => !only || only.includes(f.key)).map((f) => ({
    key: f.key,
    value: f.read(k),
    kind: f.kind,
    to: scope ? f.link(scope) : null,
  }));
}
