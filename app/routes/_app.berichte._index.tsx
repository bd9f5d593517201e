import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { DateField, SelectField } from "~/components/form";
import { DistrictTable, figureValue, MonthTable } from "~/components/report-tables";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { formatDate, formatDateTime, formatDay } from "~/lib/day";
import { formatNumber, formatPercent, formatProtectedCount } from "~/lib/format";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { esfDataQuality } from "~/modules/reporting/esf.server";
import { periodFigures } from "~/modules/reporting/figures";
import {
  computeKpis,
  eventsHeld,
  kpisByDistrict,
  kpisByMonth,
  targetRows,
} from "~/modules/reporting/kpis.server";
import { pdfAvailable } from "~/modules/reporting/pdf.server";
import {
  periodQuery,
  projectToDate,
  resolvePeriod,
  runningProject,
} from "~/modules/reporting/period";
import { listProjects } from "~/modules/reporting/projects.server";
import { KPIS } from "~/modules/reporting/values";

export const meta: MetaFunction = () => [{ title: `${t("report.title")} – ${t("app.name")}` }];

// The funder report: a project and a period, printable, with the ESF export beside it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "report", "any");
  const manage = can(user.role, "update", "project", "any");
  const url = new URL(request.url);
  const projects = await listProjects();
  const project =
    projects.find((p) => p.id === url.searchParams.get("projekt")) ??
    runningProject(projects, new Date());
  if (!project) return { projects: [], report: null, manage };
  const now = new Date();
  const toDate = projectToDate(project, now);
  const { isProjectToDate, ...period } = resolvePeriod(url.searchParams, project, now);
  const [kpis, kpisToDate, byDistrict, byMonth, events, quality] = await Promise.all([
    computeKpis(project.id, period, now),
    isProjectToDate ? null : computeKpis(project.id, toDate, now),
    kpisByDistrict(project.id, period),
    kpisByMonth(project.id, period),
    eventsHeld(project.id, period, now),
    esfDataQuality(project.id, period),
  ]);
  const query = periodQuery(project.id, period);
  return {
    manage,
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    report: {
      project: {
        id: project.id,
        name: project.name,
        start: project.startDate,
        end: project.endDate,
      },
      period: { from: formatDay(period.from), to: formatDay(period.to) },
      createdAt: now,
      targets: targetRows(project, kpisToDate ?? kpis, toDate.to),
      kpis,
      byDistrict,
      byMonth,
      events: events.map((e) => ({
        ...e,
        attended: e.registrations.reduce((s, r) => s + r.persons, 0),
        registrations: undefined,
      })),
      quality,
      exports: {
        csv: `/berichte/esf?${query}&format=csv`,
        xlsx: `/berichte/esf?${query}&format=xlsx`,
        pdf: pdfAvailable() ? `/berichte/pdf?${query}` : null,
      },
    },
  };
}

type Quality = {
  rows: number;
  incomplete: {
    participantId: string;
    name: string;
    entryDate: string | Date;
    exitDate: string | Date | null;
    missing: string[];
  }[];
  byField: { field: string; count: number }[];
};

/** Which rows of the ESF export lack a mandatory field, with a link to each person to fix it. */
function DataQuality({ quality }: { quality: Quality }) {
  const { rows, incomplete, byField } = quality;
  return (
    <section className="panel no-print" aria-labelledby="quality-heading">
      <h2 id="quality-heading">{t("quality.title")}</h2>
      {incomplete.length === 0 ? (
        <p>{t("quality.complete", { rows })}</p>
      ) : (
        <>
          <p>
            {t("quality.incomplete", { incomplete: incomplete.length, rows })}{" "}
            {byField
              .filter((f) => f.count > 0)
              .map((f) =>
                t("quality.byField", { label: labelOf("esfField", f.field), count: f.count }),
              )
              .join(" · ")}
          </p>
          <TableWrap label={t("quality.table")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("quality.person")}</th>
                  <th scope="col">{t("quality.stay")}</th>
                  <th scope="col">{t("quality.missing")}</th>
                </tr>
              </thead>
              <tbody>
                {incomplete.map((r) => (
                  <tr key={`${r.participantId}-${String(r.entryDate)}`}>
                    <td>
                      <Link to={`/teilnehmende/${r.participantId}`}>{r.name}</Link>
                    </td>
                    <td>
                      {formatDate(r.entryDate)}
                      {r.exitDate ? ` – ${formatDate(r.exitDate)}` : ""}
                    </td>
                    <td>{r.missing.map((f) => labelOf("esfField", f)).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

export default function ReportPage() {
  const { projects, report, manage } = useLoaderData<typeof loader>();
  const links = (
    <p className="no-print report-actions">
      <Link to="/berichte/multiplikatoren">{t("multiplierView.title")}</Link>
      {manage ? (
        <>
          {" · "}
          <Link to="/berichte/projekte">{t("project.manage")}</Link>
        </>
      ) : null}
    </p>
  );
  if (!report)
    return (
      <>
        <h1>{t("report.title")}</h1>
        <p>{t("report.noProjects")}</p>
        {links}
      </>
    );
  const { kpis: k } = report;
  return (
    <>
      <h1>{t("report.funderTitle", { name: report.project.name })}</h1>
      <p className="lead">
        {t("report.periodLine", {
          from: report.period.from,
          to: report.period.to,
          created: formatDateTime(report.createdAt),
        })}
      </p>
      <Form method="get" className="filter-bar no-print" aria-label={t("report.periodForm")}>
        <SelectField
          label={t("report.projectLabel")}
          name="projekt"
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={report.project.id}
        />
        <DateField label={t("report.from")} name="von" defaultValue={report.period.from} />
        <DateField label={t("report.to")} name="bis" defaultValue={report.period.to} />
        <button type="submit" className="button">
          {t("matching.apply")}
        </button>
      </Form>
      <DataQuality quality={report.quality} />
      <p className="no-print report-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("report.print")}
        </button>{" "}
        {report.exports.pdf ? (
          <>
            <a className="button" href={report.exports.pdf} download>
              {t("report.pdf")}
            </a>{" "}
          </>
        ) : null}
        <a className="button" href={report.exports.csv} download>
          {t("report.esfCsv")}
        </a>{" "}
        <a className="button" href={report.exports.xlsx} download>
          {t("report.esfXlsx")}
        </a>
      </p>
      <p className="field-hint no-print">{t("report.esfHint")}</p>
      {links}

      <h2>
        {t("report.targetsSoFar", {
          from: formatDate(report.project.start),
          to: formatDate(report.project.end),
        })}
      </h2>
      <TableWrap label={t("report.targetsSoFar", { from: "", to: "" })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.kpi")}</th>
              <th scope="col" className="num">
                {t("report.actual")}
              </th>
              <th scope="col" className="num">
                {t("report.target")}
              </th>
              <th scope="col" className="num">
                {t("report.progress")}
              </th>
              <th scope="col" className="num">
                {t("report.forecastShort")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.targets.map((r) => {
              const show = (v: number) => (r.isRate ? formatPercent(v) : formatNumber(v));
              return (
                <tr key={r.kpi}>
                  <th scope="row">{labelOf("kpi", r.kpi)}</th>
                  <td className="num">{show(r.actual)}</td>
                  <td className="num">{r.target == null ? t("common.none") : show(r.target)}</td>
                  <td className="num">
                    {r.target ? formatPercent(r.actual / r.target) : t("common.none")}
                  </td>
                  <td className="num">
                    {r.forecast == null ? t("common.none") : show(r.forecast)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t("report.inPeriod", { from: report.period.from, to: report.period.to })}</h2>
      <TableWrap label={t("report.inPeriod", { from: report.period.from, to: report.period.to })}>
        <table>
          <tbody>
            {periodFigures(k).map((f) => (
              <tr key={f.key}>
                <th scope="row">{t(f.key)}</th>
                <td className="num">{figureValue(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t("report.byDistrict")}</h2>
      <p className="field-hint">{t("report.smallCounts")}</p>
      <DistrictTable rows={report.byDistrict} protect />

      <h2>{t("report.byMonth")}</h2>
      <MonthTable rows={report.byMonth} protect />

      <h2>{t("report.events")}</h2>
      {report.events.length === 0 ? <p>{t("common.none")}</p> : null}
      <TableWrap label={t("report.events")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("event.date")}</th>
              <th scope="col">{t("event.name")}</th>
              <th scope="col">{t("event.type")}</th>
              <th scope="col">{t("event.place")}</th>
              <th scope="col" className="num">
                {t("report.attendance")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.events.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.startsAt)}</td>
                <th scope="row">{e.title}</th>
                <td>{labelOf("etype", e.type)}</td>
                <td>{e.place ?? t("common.none")}</td>
                <td className="num">{formatProtectedCount(e.attended)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t("report.definitions")}</h2>
      <dl className="definitions">
        {KPIS.map((kpi) => (
          <div key={kpi}>
            <dt>{labelOf("kpi", kpi)}</dt>
            <dd>{t(`kpi.${kpi}.def`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
