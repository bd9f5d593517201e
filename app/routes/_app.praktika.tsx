import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDate } from "~/lib/format";
import { parseListParams, pickParam } from "~/lib/list-params";
import { type MessageKey, t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listInternships } from "~/modules/internship/service.server";
import { INTERNSHIP_STATUSES } from "~/modules/internship/values";

export const meta: MetaFunction = () => [{ title: `${t("internship.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "internship");
  const url = new URL(request.url);
  const params = parseListParams(url, { sortable: [], defaultSort: "" });
  return {
    page: await listInternships(user, scope, params, {
      status: pickParam(url, "status", INTERNSHIP_STATUSES),
    }),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor((r) => `${r.participant.lastName}, ${r.participant.firstName}`, {
    id: "participant",
    header: t("internship.participant"),
  }),
  col.accessor((r) => r.company.name, { id: "company", header: t("internship.company") }),
  col.accessor((r) => r.occupation.title, { id: "occupation", header: t("internship.occupation") }),
  col.accessor((r) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}`, {
    id: "period",
    header: t("internship.period"),
  }),
  col.accessor("hoursPerWeek", {
    id: "hours",
    header: t("internship.hours"),
    cell: (c) => c.getValue() ?? t("common.none"),
  }),
  col.accessor("status", {
    id: "status",
    header: t("internship.status"),
    cell: (c) => t(`istatus.${c.getValue()}` as MessageKey),
  }),
  col.accessor("ledToOffer", {
    id: "ledToOffer",
    header: t("internship.ledToOffer"),
    cell: (c) => (c.getValue() ? t("common.yes") : t("common.none")),
  }),
];

export default function InternshipsPage() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("internship.title")}</h1>
      <DataTable
        caption={t("internship.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        filters={[
          {
            name: "status",
            label: t("internship.status"),
            options: INTERNSHIP_STATUSES.map((s) => ({ value: s, label: t(`istatus.${s}`) })),
          },
        ]}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
