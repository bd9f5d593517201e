import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { BULK_FORM, BulkBar } from "~/components/bulk-bar";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import { submitForm } from "~/lib/forms.server";
import { parseListParams } from "~/lib/list-params";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { bulkSchema } from "~/modules/bulk/schema";
import { bulkSummary, PARTICIPANT_BULK_ACTIONS } from "~/modules/bulk/values";
import { bulkParticipantCoach, participantIdsOfView } from "~/modules/participant/bulk.server";
import {
  listCoaches,
  listParticipants,
  parseParticipantFilters,
} from "~/modules/participant/service.server";
import { PARTICIPANT_SORTS, PARTICIPANT_STATUSES } from "~/modules/participant/values";

export const meta: MetaFunction = () => [{ title: `${t("participant.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "participant");
  const url = new URL(request.url);
  const params = parseListParams(url, { sortable: PARTICIPANT_SORTS, defaultSort: "name" });
  const filters = parseParticipantFilters(url, user.id);
  const ranges = [
    filters.coachId ? t("participant.filterMine") : null,
    filters.entry ? t("participant.filterEntry", { range: filters.entry.label }) : null,
    filters.reentry ? t("participant.filterReentry", { range: filters.reentry.label }) : null,
    filters.exit ? t("participant.filterExit", { range: filters.exit.label }) : null,
    filters.activeAt ? t("participant.filterActive", { day: filters.activeAt.label }) : null,
    filters.outcome?.range
      ? t("participant.filterOutcome", { range: filters.outcome.range.label })
      : null,
    filters.outcome?.partTime ? t("participant.filterPartTime") : null,
  ].filter((x): x is string => x != null);
  // Coaches are changed by those who may change every participant, as in the form.
  const mayReassign = can(user.role, "update", "participant", "any");
  return {
    ranges,
    scope,
    coaches: mayReassign
      ? (await listCoaches()).map((c) => ({ value: c.id, label: c.name }))
      : null,
    mayCreate: can(user.role, "create", "participant"),
    page: await listParticipants(user, scope, params, filters, { ip: context?.clientIp }),
  };
}

/** Bulk work on the ticked participants or all of the filter: hand them to another coach. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "update", "participant", "any");
  const url = new URL(request.url);
  return submitForm(
    request,
    bulkSchema(PARTICIPANT_BULK_ACTIONS),
    async (input) => {
      const ids = input.alle ? await participantIdsOfView(user, scope, url) : input.ids;
      const report = await bulkParticipantCoach(user, scope, ids, input.wert, {
        ip: context?.clientIp,
      });
      url.searchParams.delete("intent");
      return redirectWithToast(`/teilnehmende?${url.searchParams}`, {
        kind: report.refused.length ? "info" : "success",
        text: bulkSummary(report),
      });
    },
    { multi: ["ids"] },
  );
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor((r) => `${r.lastName}, ${r.firstName}`, {
    id: "name",
    header: t("participant.name"),
    cell: (c) => <Link to={`/teilnehmende/${c.row.original.id}`}>{c.getValue()}</Link>,
  }),
  col.accessor("age", { id: "age", header: t("participant.age") }),
  col.accessor((r) => [r.city, r.district?.name].filter(Boolean).join(", ") || t("common.none"), {
    id: "district",
    header: t("participant.district"),
  }),
  col.accessor("status", {
    id: "status",
    header: t("participant.status"),
    cell: (c) => labelOf("pstatus", c.getValue()),
  }),
  col.accessor("wish", {
    id: "wish",
    header: t("participant.wish"),
    cell: (c) => c.getValue() ?? t("common.none"),
  }),
  col.accessor("weeklyHoursAvailable", {
    id: "hours",
    header: t("participant.hours"),
    cell: (c) => c.getValue() ?? t("common.none"),
  }),
  col.accessor((r) => r.coach?.name ?? t("common.none"), {
    id: "coach",
    header: t("participant.coach"),
  }),
  col.accessor("entryDate", {
    id: "entry",
    header: t("participant.entry"),
    cell: (c) => formatDate(c.getValue()),
  }),
];

export default function ParticipantsPage() {
  const { page, scope, mayCreate, ranges, coaches } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <div className="page-head">
        <h1>{t("participant.title")}</h1>
        {mayCreate ? (
          <Link to="/teilnehmende/neu" className="button button-primary">
            {t("participant.new")}
          </Link>
        ) : null}
      </div>
      {scope === "own" ? <p className="notice">{t("participant.scopeOwn")}</p> : null}
      {ranges.length ? (
        <p className="notice" role="status">
          {ranges.join(" · ")} <Link to="/teilnehmende">{t("report.filterReset")}</Link>
        </p>
      ) : null}
      <DataTable
        caption={t("participant.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        sortable={PARTICIPANT_SORTS}
        searchLabel={t("participant.search")}
        selectable={
          coaches ? { form: BULK_FORM, rowLabel: (r) => `${r.firstName} ${r.lastName}` } : undefined
        }
        filters={[
          {
            name: "status",
            label: t("participant.status"),
            options: PARTICIPANT_STATUSES.map((s) => ({ value: s, label: labelOf("pstatus", s) })),
          },
        ]}
      >
        {coaches ? (
          <BulkBar
            actions={PARTICIPANT_BULK_ACTIONS}
            people={coaches}
            count={page.count}
            reply={reply}
          />
        ) : null}
      </DataTable>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
