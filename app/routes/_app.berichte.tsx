import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { TableWrap } from "~/components/table-wrap";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listProjects, projectKpis } from "~/modules/reporting/kpis.server";
import { KPIS } from "~/modules/reporting/values";

export const meta: MetaFunction = () => [{ title: `${t("report.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "report", "any");
  const projects = await listProjects();
  return {
    projects: await Promise.all(
      projects.map(async (p) => ({ ...p, kpis: await projectKpis(p.id) })),
    ),
  };
}

const show = (value: number, isRate: boolean) =>
  isRate ? formatPercent(value) : formatNumber(value);

export default function ReportsPage() {
  const { projects } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("report.title")}</h1>
      {projects.length === 0 ? <p>{t("report.noProjects")}</p> : null}
      {projects.map((p) => (
        <section key={p.id} aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`}>
            {t("report.project", {
              name: p.name,
              start: formatDate(p.startDate),
              end: formatDate(p.endDate),
            })}
          </h2>
          <TableWrap label={p.name}>
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
                </tr>
              </thead>
              <tbody>
                {p.kpis.map((k) => (
                  <tr key={k.kpi}>
                    <th scope="row">{t(`kpi.${k.kpi}`)}</th>
                    <td className="num">{show(k.actual, k.isRate)}</td>
                    <td className="num">
                      {k.target == null ? t("common.none") : show(k.target, k.isRate)}
                    </td>
                    <td className="num">
                      {k.target ? formatPercent(k.actual / k.target) : t("common.none")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
      <h2>{t("report.definitions")}</h2>
      <dl className="definitions">
        {KPIS.map((k) => (
          <div key={k}>
            <dt>{t(`kpi.${k}`)}</dt>
            <dd>{t(`kpi.${k}.def`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
