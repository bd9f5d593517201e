import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDate } from "~/lib/day";
import { parseListParams, pickParam } from "~/lib/list-params";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listOpenOffers } from "~/modules/matching/offers.server";
import { OFFER_SORTS } from "~/modules/matching/values";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction = () => [{ title: `${t("nav.matching")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "matching");
  const url = new URL(request.url);
  const districts = await listServedDistricts();
  const params = parseListParams(url, { sortable: OFFER_SORTS, defaultSort: "occupation" });
  const filters = {
    districtAgs: pickParam(
      url,
      "kreis",
      districts.map((d) => d.ags),
    ),
    partTimeOnly: pickParam(url, "teilzeit", ["ja"]) === "ja",
  };
  return { districts, page: await listOpenOffers(params, filters) };
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor((r) => r.occupation.title, {
    id: "occupation",
    header: t("matching.occupation"),
    cell: (c) => <Link to={`/matching/${c.row.original.id}`}>{c.getValue()}</Link>,
  }),
  col.accessor((r) => r.occupation.kldbCode, { id: "kldb", header: t("matching.kldb") }),
  col.accessor((r) => `${r.company.name}${r.company.city ? `, ${r.company.city}` : ""}`, {
    id: "company",
    header: t("matching.company"),
  }),
  col.accessor((r) => r.company.district?.name ?? t("common.none"), {
    id: "district",
    header: t("matching.district"),
  }),
  col.accessor("free", { id: "free", header: t("matching.free") }),
  col.accessor("partTimePossible", {
    id: "partTime",
    header: t("matching.partTime"),
    cell: (c) => (c.getValue() ? t("common.yes") : t("common.no")),
  }),
  col.accessor("internshipPossible", {
    id: "internship",
    header: t("matching.internship"),
    cell: (c) => (c.getValue() ? t("common.yes") : t("common.no")),
  }),
  col.accessor("startDate", {
    id: "start",
    header: t("matching.start"),
    cell: (c) => formatDate(c.getValue()),
  }),
];

export default function MatchingPage() {
  const { page, districts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("matching.title")}</h1>
      <p className="lead">{t("matching.intro")}</p>
      <DataTable
        caption={t("matching.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        sortable={OFFER_SORTS}
        searchLabel={t("matching.search")}
        filters={[
          {
            name: "kreis",
            label: t("matching.district"),
            options: districts.map((d) => ({ value: d.ags, label: d.name })),
          },
          {
            name: "teilzeit",
            label: t("matching.partTimeOnly"),
            options: [{ value: "ja", label: t("common.yes") }],
          },
        ]}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
