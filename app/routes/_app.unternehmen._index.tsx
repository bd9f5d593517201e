import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { BULK_FORM, BulkBar } from "~/components/bulk-bar";
import { DataTable, ExportLinks } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { parseListParams } from "~/lib/list-params";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { bulkSchema } from "~/modules/bulk/schema";
import { bulkSummary, COMPANY_BULK_ACTIONS } from "~/modules/bulk/values";
import { bulkCompanies, companyBulkOf, companyIdsOfView } from "~/modules/company/bulk.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import {
  companyFilterOptions,
  listCompanies,
  parseCompanyFilters,
} from "~/modules/company/service.server";
import {
  COMPANY_SORTS,
  MULTIPLIER_TYPES,
  NO_CONTACT_DAYS,
  OUTREACH_STATUSES,
  PART_TIME_READINESS,
} from "~/modules/company/values";
import { deleteView, listViews, saveView } from "~/modules/views/saved-views.server";
import { saveViewSchema } from "~/modules/views/schema";

export const meta: MetaFunction = () => [{ title: `${t("company.title")} – ${t("app.name")}` }];

const VIEW_OBJECT = "company";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const url = new URL(request.url);
  const options = await companyFilterOptions();
  const params = parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" });
  const filters = parseCompanyFilters(
    url,
    options.districts.map((d) => d.ags),
  );
  const mayAssign = can(user.role, "assign", "company", "any");
  const [page, views, people] = await Promise.all([
    listCompanies(params, filters),
    listViews(user, VIEW_OBJECT),
    mayAssign ? listAssignableUsers() : Promise.resolve([]),
  ]);
  // The bulk actions this role may take (archiving a coach's own companies only, see the report).
  const bulkActions = COMPANY_BULK_ACTIONS.filter((a) =>
    a === "zustaendig"
      ? mayAssign
      : a === "archivieren"
        ? can(user.role, "archive", "company")
        : can(user.role, "update", "company"),
  );
  return {
    page,
    options,
    views,
    bulkActions,
    people: mayAssign ? people.map((u) => ({ value: u.id, label: u.name })) : null,
    mayCreate: can(user.role, "create", "company"),
    informedRange: filters.informed?.label ?? null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  return dispatchIntent(
    request,
    {
      "delete-view": async () => {
        const id = String((await request.formData()).get("viewId") ?? "").slice(0, 64);
        await deleteView(user, id);
        return redirectWithToast("/unternehmen", { kind: "info", text: t("views.deleted") });
      },
      bulk: async () => {
        const { user } = await requirePermission(request, context, "update", "company");
        const url = new URL(request.url);
        return submitForm(
          request,
          bulkSchema(COMPANY_BULK_ACTIONS),
          async (input) => {
            const ids = input.alle ? await companyIdsOfView(url) : input.ids;
            const report = await bulkCompanies(user, ids, companyBulkOf(input.aktion, input.wert), {
              ip: context?.clientIp,
            });
            url.searchParams.delete("intent");
            return redirectWithToast(`/unternehmen?${url.searchParams}`, {
              kind: report.refused.length ? "info" : "success",
              text: bulkSummary(report),
            });
          },
          { multi: ["ids"] },
        );
      },
      "save-view": () =>
        submitForm(request, saveViewSchema, async ({ name, search }) => {
          await saveView(user, VIEW_OBJECT, name, search);
          return redirectWithToast(`/unternehmen?${search.replace(/^\?/, "")}`, {
            kind: "success",
            text: t("views.saved", { name }),
          });
        }),
    },
    "save-view",
  );
}

/** Saving the list as it is now (filters, sort, columns) under a name. */
function SaveView({ search, reply }: { search: string; reply?: FormReply | null }) {
  const form = useSchemaForm(saveViewSchema, { intent: "save-view", reply, defaults: { search } });
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      <input type="hidden" name="search" value={search} />
      <TextField label={t("views.name")} maxLength={60} {...form.field("name")} />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("views.save")}
      </button>
    </Form>
  );
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
          <span className="badge">{labelOf("multiplier", c.row.original.multiplierType)}</span>
        ) : null}
      </>
    ),
  }),
  col.accessor((r) => `${r.plz ?? ""} ${r.city ?? ""}`.trim(), {
    id: "plz",
    header: t("company.place"),
  }),
  col.accessor((r) => r.districtName ?? t("common.none"), {
    id: "district",
    header: t("company.district"),
  }),
  col.accessor("outreachStatus", {
    id: "status",
    header: t("company.status"),
    cell: (c) => labelOf("outreach", c.getValue()),
  }),
  col.accessor("partTimeReadiness", {
    id: "partTime",
    header: t("company.partTimeShort"),
    cell: (c) => labelOf("readiness", c.getValue()),
  }),
  col.accessor((r) => r.openOffers, { id: "offers", header: t("company.offers") }),
  col.accessor((r) => r.ownerName ?? t("common.none"), {
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
  const { page, options, views, mayCreate, informedRange, bulkActions, people } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const location = useLocation();
  const search = location.search.replace(/^\?/, "");

  return (
    <>
      <div className="page-head">
        <h1>{t("company.title")}</h1>
        <Link to="/unternehmen/pipeline" className="button">
          {t("company.pipeline")}
        </Link>
        {mayCreate ? (
          <Link to="/unternehmen/import" className="button">
            {t("import.link")}
          </Link>
        ) : null}
        {mayCreate ? (
          <Link to="/unternehmen/neu" className="button button-primary">
            {t("company.new")}
          </Link>
        ) : null}
      </div>
      {informedRange ? (
        <p className="notice" role="status">
          {t("company.filterInformed", { range: informedRange })}{" "}
          <Link to="/unternehmen">{t("report.filterReset")}</Link>
        </p>
      ) : null}
      <DataTable
        caption={t("company.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        sortable={COMPANY_SORTS}
        searchLabel={t("company.search")}
        hideableColumns
        selectable={{ form: BULK_FORM, rowLabel: (r) => r.name }}
        filters={[
          {
            name: "kreis",
            label: t("company.district"),
            options: options.districts.map((d) => ({ value: d.ags, label: d.name })),
          },
          {
            name: "status",
            label: t("company.status"),
            options: OUTREACH_STATUSES.map((s) => ({ value: s, label: labelOf("outreach", s) })),
          },
          {
            name: "tz",
            label: t("company.partTime"),
            options: PART_TIME_READINESS.map((s) => ({ value: s, label: labelOf("readiness", s) })),
          },
          {
            name: "zustaendig",
            label: t("company.filterOwner"),
            options: options.owners.map((o) => ({ value: o.id, label: o.name })),
          },
          {
            name: "multiplikator",
            label: t("company.filterMultiplier"),
            options: [
              { value: "ja", label: t("common.anyMultiplier") },
              ...MULTIPLIER_TYPES.map((m) => ({ value: m, label: labelOf("multiplier", m) })),
            ],
          },
          {
            name: "schlagwort",
            label: t("company.filterTag"),
            options: options.tags.map((x) => ({ value: x, label: x })),
          },
          {
            name: "beruf",
            label: t("company.filterOccupation"),
            options: options.occupations.map((o) => ({ value: o.id, label: o.title })),
          },
          {
            name: "ohneKontakt",
            label: t("company.filterNoContact"),
            options: NO_CONTACT_DAYS.map((d) => ({
              value: d,
              label: t("company.noContactDays", { days: d }),
            })),
          },
        ]}
      >
        <BulkBar
          actions={bulkActions}
          people={people ?? undefined}
          statuses={OUTREACH_STATUSES.map((s) => ({ value: s, label: labelOf("outreach", s) }))}
          count={page.count}
          exportPath="/unternehmen/export"
          reply={reply}
        />
        <div className="table-tools">
          <ExportLinks path="/unternehmen/export" />
          <nav className="saved-views" aria-label={t("views.title")}>
            <span>{t("views.title")}:</span>
            {views.length === 0 ? <span className="muted">{t("views.none")}</span> : null}
            {views.map((v) => (
              <Link
                key={v.id}
                to={`/unternehmen?${v.search}`}
                className="chip"
                aria-current={v.search === search ? "page" : undefined}
              >
                {v.name}
              </Link>
            ))}
          </nav>
          <details className="views-menu" open={Boolean(reply)}>
            <summary>{t("views.manage")}</summary>
            <ul className="plain-list">
              {views.map((v) => (
                <li key={v.id}>
                  {v.name}
                  <Form method="post" action="?intent=delete-view" className="inline-form">
                    <input type="hidden" name="viewId" value={v.id} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={`${t("views.delete")}: ${v.name}`}
                    >
                      {t("views.delete")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            <SaveView search={search} reply={reply} />
          </details>
        </div>
      </DataTable>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
