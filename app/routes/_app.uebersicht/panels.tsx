import { Form, Link } from "@remix-run/react";
import { Definition } from "~/components/definition";
import { SelectField, TextField } from "~/components/form";
import { ReportBarChart } from "~/components/report-chart";
import {
  DISTRICT_SERIES,
  DistrictTable,
  figureValue,
  MONTH_SERIES,
  MonthTable,
  monthLabel,
} from "~/components/report-tables";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { formatNumber, formatPercent } from "~/lib/format";
import { type MessageKey, t } from "~/messages";
import type {
  CoachDashboard as CoachView,
  ProjectDashboard as ProjectView,
} from "~/modules/reporting/dashboard.server";
import {
  COACH_FIGURES,
  FIGURE_DEFINITIONS,
  type FigureRow,
  periodFigures,
} from "~/modules/reporting/figures";

// The parts of the Übersicht: the lead's project view and a coach's own numbers.

export function Targets({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="ziele">
      <h2 id="ziele">{t("report.targets", { name: view.project.name })}</h2>
      <ul className="kpi-cards">
        {view.targets.map((k) => {
          const show = (v: number) => (k.isRate ? formatPercent(v) : formatNumber(v));
          const share = k.target ? Math.min(1, k.actual / k.target) : null;
          return (
            <li key={k.kpi} className="kpi-card">
              <span className="kpi-label">
                <Definition
                  term={labelOf("kpi", k.kpi)}
                  text={t(`kpi.${k.kpi}.def` as MessageKey)}
                />
              </span>
              <span className="kpi-value">{show(k.actual)}</span>
              {k.status ? (
                <span
                  className={`badge target-${k.status}`}
                  title={t(`report.statusHint.${k.status}`)}
                >
                  {t(`report.status.${k.status}`)}
                </span>
              ) : null}
              {k.target != null ? (
                <>
                  <span className="kpi-target">
                    {t("report.ofTarget", { target: show(k.target) })}
                  </span>
                  <progress
                    max={1}
                    value={share ?? 0}
                    aria-label={t("report.progressOf", { kpi: labelOf("kpi", k.kpi) })}
                  >
                    {formatPercent(share ?? 0)}
                  </progress>
                </>
              ) : (
                <span className="kpi-target">{t("report.noTarget")}</span>
              )}
              {k.forecast != null && !k.isRate ? (
                <span className="kpi-forecast">
                  {t("report.forecast", { value: show(k.forecast) })}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Figures as cards, each number a link to its records. */
export function LinkedFigures({
  id,
  heading,
  rows,
}: {
  id: string;
  heading: string;
  rows: FigureRow[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="figures">
        {rows.map((r) => (
          <li key={r.key} className="figure">
            <span className="figure-value">
              {r.to ? <Link to={r.to}>{figureValue(r)}</Link> : figureValue(r)}
            </span>
            <span className="figure-label">
              {FIGURE_DEFINITIONS[r.key] ? (
                <Definition term={t(r.key)} text={t(FIGURE_DEFINITIONS[r.key]!)} />
              ) : (
                t(r.key)
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PeriodFigures({ view }: { view: ProjectView }) {
  const { kpis: k, period, project } = view;
  const scope = {
    projectId: project.id,
    period: { from: period.fromIso, to: period.toIso },
    projectStart: project.startIso,
  };
  return (
    <LinkedFigures
      id="zeitraum"
      heading={t("report.inPeriod", { from: period.from, to: period.to })}
      rows={periodFigures(k, scope)}
    />
  );
}

export function CoachFigures({ view }: { view: CoachView }) {
  const scope = {
    projectId: view.project.id,
    period: { from: view.period.fromIso, to: view.period.toIso },
    projectStart: view.project.startIso,
    mine: true,
  };
  return (
    <LinkedFigures
      id="meine-zahlen"
      heading={t("dashboard.myNumbers", { project: view.project.name, from: view.period.from })}
      rows={periodFigures(view.kpis, scope, COACH_FIGURES)}
    />
  );
}

type MonthRow = ProjectView["byMonth"][number];
type SeriesKey = (typeof MONTH_SERIES)[number]["key"];

/** Months summed to quarters ("Q1 2026"), for the chart of a long project. */
function quarters(rows: MonthRow[]) {
  const out = new Map<string, Record<SeriesKey, number> & { label: string }>();
  for (const m of rows) {
    const [year, month] = m.month.split("-").map(Number) as [number, number];
    const label = `Q${Math.ceil(month / 3)} ${year}`;
    const q = out.get(label) ?? {
      label,
      entered: 0,
      exited: 0,
      internships: 0,
      employersInformed: 0,
    };
    for (const s of MONTH_SERIES) q[s.key] += m[s.key];
    out.set(label, q);
  }
  return [...out.values()];
}

export function Breakdowns({ view }: { view: ProjectView }) {
  // More than a year of months is unreadable as bars: the chart shows quarters, the table months.
  const byQuarter = view.byMonth.length > 12;
  const months = byQuarter
    ? quarters(view.byMonth)
    : view.byMonth.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <>
      <section aria-labelledby="monate">
        <h2 id="monate">{t("report.byMonth")}</h2>
        {byQuarter ? <p className="field-hint">{t("report.byQuarter")}</p> : null}
        <ReportBarChart
          data={months}
          categoryKey="label"
          series={[...MONTH_SERIES]}
          summary={t("report.chartSummaryMonth")}
        />
        <MonthTable rows={view.byMonth} byYear />
      </section>
      <section aria-labelledby="kreise">
        <h2 id="kreise">{t("report.byDistrict")}</h2>
        <ReportBarChart
          data={view.byDistrict}
          categoryKey="name"
          series={[...DISTRICT_SERIES]}
          summary={t("report.chartSummaryDistrict")}
        />
        <DistrictTable rows={view.byDistrict} />
      </section>
      <section aria-labelledby="multiplikatoren">
        <h2 id="multiplikatoren">{t("report.multiplierContacts")}</h2>
        <TableWrap label={t("report.multiplierContacts")}>
          <table>
            <tbody>
              {Object.entries(view.kpis.multiplierContacts.byType).map(([type, n]) => (
                <tr key={type}>
                  <th scope="row">
                    <Link to={`/unternehmen?multiplikator=${type}`}>
                      {labelOf("multiplier", type)}
                    </Link>
                  </th>
                  <td className="num">{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="team">
        <h2 id="team">{t("report.teamFollowUps")}</h2>
        <TableWrap label={t("report.teamFollowUps")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("report.person")}</th>
                <th scope="col" className="num">
                  {t("report.open")}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.overdue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.followUps.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.name}</th>
                  <td className="num">{f.open}</td>
                  <td className="num">{f.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}

/** The project and period the lead's view shows (a GET form: the choice stays in the URL). */
export function PeriodForm({ view }: { view: ProjectView }) {
  return (
    <Form method="get" className="filter-bar" aria-label={t("report.periodForm")}>
      <SelectField
        label={t("report.projectLabel")}
        name="projekt"
        options={view.projects.map((p) => ({ value: p.id, label: p.name }))}
        defaultValue={view.project.id}
      />
      <TextField label={t("report.from")} name="von" defaultValue={view.period.from} />
      <TextField label={t("report.to")} name="bis" defaultValue={view.period.to} />
      <button type="submit" className="button">
        {t("matching.apply")}
      </button>
    </Form>
  );
}
