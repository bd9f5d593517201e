import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDate } from "~/lib/format";
import { parseListParams, pickParam } from "~/lib/list-params";
import { type MessageKey, t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listCompanies, listServedDistricts } from "~/modules/company/service.server";
import { COMPANY_SORTS, OUTREACH_STATUSES } from "~/modules/company/values";

export const meta: MetaFunction = () => [{ title: `${t("company.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const url = new URL(request.url);
  const districts = await listServedDistricts();
  const params = parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" });
  const filters = {
    districtAgs: pickParam(
      url,
      "kreis",
      districts.map((d) => d.ags),
    ),
    status: pickParam(url, "status", OUTREACH_STATUSES),
  };
  return {
    page: await listCompanies(params, filters),
    districts,
    mayCreate: can(user.role, "create", "company"),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor("name", {
    id: "name",
    header: t("company.name"),
    cell: (c) => (
      <>
        <Link to={`/unternehmen/${c.row.original.id}`}>{c.getValue()}</Link>
        {c.row.original.multiplierType ? (
          <span className="badge">
            {t(`multiplier.${c.row.original.multiplierType}` as MessageKey)}
          </span>
        ) : null}
      </>
    ),
  }),
  col.accessor((r) => `${r.plz ?? ""} ${r.city ?? ""}`.trim(), {
    id: "plz",
    header: t("company.place"),
  }),
  col.accessor((r) => r.district?.name ?? t("common.none"), {
    id: "district",
    header: t("company.district"),
  }),
  col.accessor("outreachStatus", {
    id: "status",
    header: t("company.status"),
    cell: (c) => t(`outreach.${c.getValue()}` as MessageKey),
  }),
  col.accessor("partTimeReadiness", {
    id: "partTime",
    header: t("company.partTime"),
    cell: (c) => t(`readiness.${c.getValue()}` as MessageKey),
  }),
  col.accessor((r) => r._count.offers, { id: "offers", header: t("company.offers") }),
  col.accessor((r) => r.owner?.name ?? t("common.none"), {
    id: "owner",
    header: t("company.owner"),
  }),
  col.accessor("lastContactAt", {
    id: "lastContact",
    header: t("company.lastContact"),
    cell: (c) => formatDate(c.getValue()),
  }),
];

export default function CompaniesPage() {
  const { page, districts, mayCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{t("company.title")}</h1>
        <Link to="/unternehmen/pipeline" className="button">
          {t("company.pipeline")}
        </Link>
        {mayCreate ? (
          <Link to="/unternehmen/neu" className="button button-primary">
            {t("company.new")}
          </Link>
        ) : null}
      </div>
      <DataTable
        caption={t("company.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        sortable={COMPANY_SORTS}
        searchLabel={t("company.search")}
        filters={[
          {
            name: "kreis",
            label: t("company.district"),
            options: districts.map((d) => ({ value: d.ags, label: d.name })),
          },
          {
            name: "status",
            label: t("company.status"),
            options: OUTREACH_STATUSES.map((s) => ({ value: s, label: t(`outreach.${s}`) })),
          },
        ]}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
