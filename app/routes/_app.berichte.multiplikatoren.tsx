import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { MULTIPLIER_TYPES } from "~/modules/company/values";
import { listMultipliers, multiplierCoverage } from "~/modules/reporting/multipliers.server";

export const meta: MetaFunction = () => [
  { title: `${t("multiplierView.title")} – ${t("app.name")}` },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "report", "any");
  const rows = await listMultipliers();
  return { rows, coverage: multiplierCoverage(rows) };
}

const typeLabel = (type: string) => labelOf("multiplier", type);

export default function MultipliersPage() {
  const { rows, coverage } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/berichte">← {t("report.title")}</Link>
      </p>
      <h1>{t("multiplierView.title")}</h1>
      <p className="lead">{t("multiplierView.intro")}</p>
      <h2>{t("multiplierView.coverage")}</h2>
      <TableWrap label={t("multiplierView.coverage")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.district")}</th>
              {MULTIPLIER_TYPES.map((m) => (
                <th key={m} scope="col" className="num">
                  {typeLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.map((d) => (
              <tr key={d.ags}>
                <th scope="row">{d.name || t("multiplierView.noDistrict")}</th>
                {MULTIPLIER_TYPES.map((m) => (
                  <td key={m} className={d.counts[m] ? "num" : "num muted"}>
                    {d.counts[m] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t("multiplierView.list")}</h2>
      <TableWrap label={t("multiplierView.list")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("multiplierView.name")}</th>
              <th scope="col">{t("multiplierView.type")}</th>
              <th scope="col">{t("report.district")}</th>
              <th scope="col">{t("multiplierView.lastContact")}</th>
              <th scope="col">{t("multiplierView.nextFollowUp")}</th>
              <th scope="col">{t("multiplierView.owner")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <th scope="row">
                  <Link to={r.kind === "company" ? `/unternehmen/${r.id}` : `/kontakte/${r.id}`}>
                    {r.name}
                  </Link>{" "}
                  <span className="badge">
                    {t(r.kind === "company" ? "multiplierView.company" : "multiplierView.person")}
                  </span>
                </th>
                <td>{typeLabel(r.type)}</td>
                <td>{r.districtName ?? t("common.none")}</td>
                <td>{formatDate(r.lastContactAt)}</td>
                <td>{formatDate(r.nextFollowUp)}</td>
                <td>{r.owner ?? t("common.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
