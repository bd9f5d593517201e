import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
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
import { addDays, dayOf, formatDate, formatDay, today } from "~/lib/day";
import { formatNumber, formatPercent } from "~/lib/format";
import { type MessageKey, t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { listMyFollowUps } from "~/modules/interaction/follow-ups.server";
import { dashboardFigures } from "~/modules/reporting/dashboard.server";
import { COACH_FIGURES, type FigureRow, periodFigures } from "~/modules/reporting/figures";
import {
  computeKpis,
  kpisByDistrict,
  kpisByMonth,
  openFollowUpsByUser,
  targetRows,
} from "~/modules/reporting/kpis.server";
import { projectToDate, resolvePeriod } from "~/modules/reporting/period";
import { listProjects } from "~/modules/reporting/projects.server";

export const meta: MetaFunction = () => [{ title: `${t("dashboard.title")} – ${t("app.name")}` }];

/** The lead's project view: targets, figures of a period, breakdowns, the team's follow-ups. */
async function projectView(url: URL, now: Date) {
  const projects = await listProjects();
  const project = projects.find((p) => p.id === url.searchParams.get("projekt")) ?? projects[0];
  if (!project) return null;
  const { isProjectToDate, ...period } = resolvePeriod(url.searchParams, project, now);
  const toDate = projectToDate(project, now);
  // The targets need the project so far; the page's period is usually exactly that.
  const [kpis, kpisToDate, byDistrict, byMonth, followUps] = await Promise.all([
    computeKpis(project.id, period, now),
    isProjectToDate ? null : computeKpis(project.id, toDate, now),
    kpisByDistrict(project.id, period),
    kpisByMonth(project.id, period),
    openFollowUpsByUser(now),
  ]);
  const targets = targetRows(project, kpisToDate ?? kpis, toDate.to);
  return {
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    project: { id: project.id, name: project.name, startIso: dayOf(project.startDate) },
    period: {
      from: formatDay(period.from),
      to: formatDay(period.to),
      fromIso: period.from,
      toIso: period.to,
    },
    targets,
    kpis,
    byDistrict,
    byMonth,
    followUps,
  };
}

/** A coach's own numbers: their participants in the running project, so far. */
async function coachView(user: SessionUser, now: Date) {
  const day = today(now);
  const projects = await listProjects();
  const project =
    projects.find((p) => dayOf(p.startDate) <= day && day <= dayOf(p.endDate)) ?? projects[0];
  if (!project) return null;
  const period = projectToDate(project, now);
  return {
    project: { id: project.id, name: project.name, startIso: dayOf(project.startDate) },
    period: { from: formatDay(period.from), fromIso: period.from, toIso: period.to },
    kpis: await computeKpis(project.id, period, now, user.id),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  const now = new Date();
  const url = new URL(request.url);
  const lead = can(user.role, "read", "report", "any");
  // Whoever looks after their own participants (the coaches) reads their own numbers.
  const coach =
    can(user.role, "read", "participant", "own") && !can(user.role, "read", "participant", "any");
  const [figures, project, mine, myFollowUps] = await Promise.all([
    // The project view shows the programme's numbers; the lead's cards keep the personal ones.
    dashboardFigures(user, now, { personalOnly: lead }),
    lead ? projectView(url, now) : Promise.resolve(null),
    coach ? coachView(user, now) : Promise.resolve(null),
    can(user.role, "read", "followup") ? listMyFollowUps(user, now) : Promise.resolve([]),
  ]);
  return {
    name: user.name,
    figures,
    project,
    mine,
    myFollowUps: myFollowUps.filter((f) => dayOf(f.dueDate) < addDays(today(now), 7)).slice(0, 10),
  };
}

type ProjectView = NonNullable<Awaited<ReturnType<typeof projectView>>>;
type CoachView = NonNullable<Awaited<ReturnType<typeof coachView>>>;

function Targets({ view }: { view: ProjectView }) {
  return (
    <section aria-labelledby="ziele">
      <h2 id="ziele">{t("report.targets", { name: view.project.name })}</h2>
      <ul className="kpi-cards">
        {view.targets.map((k) => {
          const show = (v: number) => (k.isRate ? formatPercent(v) : formatNumber(v));
          const share = k.target ? Math.min(1, k.actual / k.target) : null;
          return (
            <li key={k.kpi} className="kpi-card">
              <span className="kpi-label">{labelOf("kpi", k.kpi)}</span>
              <span className="kpi-value">{show(k.actual)}</span>
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
function LinkedFigures({ id, heading, rows }: { id: string; heading: string; rows: FigureRow[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="figures">
        {rows.map((r) => (
          <li key={r.key} className="figure">
            <span className="figure-value">
              {r.to ? <Link to={r.to}>{figureValue(r)}</Link> : figureValue(r)}
            </span>
            <span className="figure-label">{t(r.key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PeriodFigures({ view }: { view: ProjectView }) {
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

function CoachFigures({ view }: { view: CoachView }) {
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

function Breakdowns({ view }: { view: ProjectView }) {
  const months = view.byMonth.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <>
      <section aria-labelledby="monate">
        <h2 id="monate">{t("report.byMonth")}</h2>
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

export default function DashboardPage() {
  const { name, figures, project: view, mine, myFollowUps } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.welcome", { name })}</p>
      <ul className="figures">
        {figures.map((f) => (
          <li key={f.key} className="figure">
            <span className="figure-value">{formatNumber(f.value)}</span>
            <span className="figure-label">{t(f.key as MessageKey)}</span>
            {f.note ? (
              <span className="figure-note">
                {formatNumber(f.note.value)} {t(f.note.key as MessageKey)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {myFollowUps.length ? (
        <section aria-labelledby="meine-wv">
          <h2 id="meine-wv">{t("dashboard.dueSoon")}</h2>
          <ul className="plain-list">
            {myFollowUps.map((f) => (
              <li key={f.id}>
                <strong>{formatDate(f.dueDate)}</strong>{" "}
                {f.overdue ? (
                  <span className="badge badge-warn">{t("followup.overdue")}</span>
                ) : null}{" "}
                {f.title}
                {f.company ? ` · ${f.company.name}` : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/wiedervorlagen">{t("dashboard.allFollowUps")}</Link>
          </p>
        </section>
      ) : null}
      {mine ? <CoachFigures view={mine} /> : null}
      {view ? (
        <>
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
          <Targets view={view} />
          <PeriodFigures view={view} />
          <Breakdowns view={view} />
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
