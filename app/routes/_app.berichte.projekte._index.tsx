import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { formatDate, formatDay } from "~/lib/day";
import { formatNumber, formatPercent } from "~/lib/format";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listProjects } from "~/modules/reporting/projects.server";
import { KPIS } from "~/modules/reporting/values";

export const meta: MetaFunction = () => [{ title: `${t("project.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "project", "any");
  return {
    projects: await listProjects(),
    mayEdit: can(user.role, "update", "project", "any"),
    mayReadRules: can(user.role, "read", "retention", "any"),
  };
}

export default function ProjectsPage() {
  const { projects, mayEdit, mayReadRules } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{t("project.title")}</h1>
        {mayReadRules ? (
          <>
            <Link to="/verwaltung/loeschregeln" className="button">
              {t("retention.link")}
            </Link>
            <Link to="/verwaltung/protokoll" className="button">
              {t("audit.link")}
            </Link>
          </>
        ) : null}
        {mayEdit ? (
          <Link to="/berichte/projekte/neu" className="button button-primary">
            {t("project.new")}
          </Link>
        ) : null}
      </div>
      {projects.length === 0 ? <p>{t("project.none")}</p> : null}
      <TableWrap label={t("project.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("project.name")}</th>
              <th scope="col">{t("project.period")}</th>
              <th scope="col">{t("project.evidenceUntil")}</th>
              {KPIS.map((k) => (
                <th key={k} scope="col" className="num">
                  {labelOf("kpi", k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => {
              const target = new Map(p.targets.map((x) => [x.kpi, x.value]));
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {mayEdit ? <Link to={`/berichte/projekte/${p.id}`}>{p.name}</Link> : p.name}
                  </th>
                  <td>
                    {formatDate(p.startDate)} – {formatDate(p.endDate)}
                  </td>
                  <td>
                    {p.evidenceKeptUntil ? formatDay(p.evidenceKeptUntil) : t("project.noPayment")}
                  </td>
                  {KPIS.map((k) => {
                    const v = target.get(k);
                    return (
                      <td key={k} className="num">
                        {v == null
                          ? t("common.none")
                          : k === "apprenticeship_rate"
                            ? formatPercent(v)
                            : formatNumber(v)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
