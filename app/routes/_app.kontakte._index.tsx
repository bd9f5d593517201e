import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { BULK_FORM, BulkBar } from "~/components/bulk-bar";
import { DataTable, ExportLinks } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import { fieldError } from "~/lib/errors";
import { submitForm } from "~/lib/forms.server";
import { parseListParams } from "~/lib/list-params";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { bulkSchema } from "~/modules/bulk/schema";
import { bulkSummary, CONTACT_BULK_ACTIONS } from "~/modules/bulk/values";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { bulkContacts, contactBulkOf, contactIdsOfView } from "~/modules/contact/bulk.server";
import { listContacts, parseContactFilters } from "~/modules/contact/service.server";
import { CONTACT_SORTS } from "~/modules/contact/values";
import { MAX_CHOSEN_CONTACTS } from "~/modules/event/schema";
import { invitableEvents } from "~/modules/event/service.server";

export const meta: MetaFunction = () => [{ title: `${t("contact.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "contact");
  const url = new URL(request.url);
  const params = parseListParams(url, { sortable: CONTACT_SORTS, defaultSort: "name" });
  const mayAssign = can(user.role, "assign", "contact", "any");
  const mayInvite = can(user.role, "update", "event");
  const [page, people, events] = await Promise.all([
    listContacts(params, parseContactFilters(url)),
    mayAssign ? listAssignableUsers() : Promise.resolve([]),
    mayInvite ? invitableEvents() : Promise.resolve([]),
  ]);
  return {
    mayCreate: can(user.role, "create", "contact"),
    // The import lives with the company import (same page, permission and rules).
    mayImport: can(user.role, "create", "company"),
    page,
    bulkActions: can(user.role, "update", "contact")
      ? CONTACT_BULK_ACTIONS.filter(
          (a) => (a !== "zustaendig" || mayAssign) && (a !== "einladen" || mayInvite),
        )
      : [],
    events: mayInvite
      ? events.map((e) => ({ value: e.id, label: `${formatDate(e.startsAt)} ${e.title}` }))
      : null,
    people: mayAssign ? people.map((u) => ({ value: u.id, label: u.name })) : null,
  };
}

/** Bulk work on the ticked contacts or all of the filter (owner, tags). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "contact");
  const url = new URL(request.url);
  return submitForm(
    request,
    bulkSchema(CONTACT_BULK_ACTIONS),
    async (input) => {
      const ids = input.alle ? await contactIdsOfView(url) : input.ids;
      if (input.aktion === "einladen") {
        // Inviting goes on at the event's invitation page, with just these people in the list.
        await requirePermission(request, context, "update", "event");
        if (!input.wert) throw fieldError("sammel_veranstaltung", t("field.required"));
        if (ids.length > MAX_CHOSEN_CONTACTS)
          throw fieldError("ids", t("bulk.inviteTooMany", { max: MAX_CHOSEN_CONTACTS }));
        const chosen = new URLSearchParams(ids.map((id) => ["kontakte", id]));
        return redirect(`/veranstaltungen/${encodeURIComponent(input.wert)}/einladen?${chosen}`);
      }
      const report = await bulkContacts(user, ids, contactBulkOf(input.aktion, input.wert), {
        ip: context?.clientIp,
      });
      url.searchParams.delete("intent");
      return redirectWithToast(`/kontakte?${url.searchParams}`, {
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
    header: t("contact.name"),
    cell: (c) => <Link to={`/kontakte/${c.row.original.id}`}>{c.getValue()}</Link>,
  }),
  col.accessor("function", {
    id: "function",
    header: t("contact.function"),
    cell: (c) => c.getValue() ?? t("common.none"),
  }),
  col.accessor((r) => r.company?.name ?? t("common.none"), {
    id: "company",
    header: t("contact.company"),
  }),
  col.accessor("email", {
    id: "email",
    header: t("contact.email"),
    cell: (c) =>
      c.getValue() ? <a href={`mailto:${c.getValue()}`}>{c.getValue()}</a> : t("common.none"),
  }),
  col.accessor("phone", {
    id: "phone",
    header: t("contact.phone"),
    cell: (c) => c.getValue() ?? t("common.none"),
  }),
  col.accessor((r) => r.consents[0]?.givenAt ?? null, {
    id: "consent",
    header: t("contact.consent"),
    cell: (c) =>
      c.getValue() ? t("contact.consentGiven", { date: formatDate(c.getValue()) }) : t("common.no"),
  }),
  col.accessor("multiplierType", {
    id: "multiplier",
    header: t("contact.multiplier"),
    cell: (c) => (c.getValue() ? labelOf("multiplier", c.getValue()) : t("common.none")),
  }),
];

export default function ContactsPage() {
  const { page, mayCreate, mayImport, bulkActions, people, events } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <div className="page-head">
        <h1>{t("contact.title")}</h1>
        {mayCreate ? (
          <Link to="/kontakte/neu" className="button button-primary">
            {t("contact.new")}
          </Link>
        ) : null}
        {mayImport ? (
          <Link to="/unternehmen/import?ziel=kontakte" className="button">
            {t("import.link")}
          </Link>
        ) : null}
      </div>
      <DataTable
        caption={t("contact.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        sortable={CONTACT_SORTS}
        searchLabel={t("contact.search")}
        selectable={{ form: BULK_FORM, rowLabel: (r) => `${r.firstName} ${r.lastName}` }}
        filters={[
          {
            name: "multiplikator",
            label: t("contact.multiplier"),
            options: [{ value: "ja", label: t("common.yes") }],
          },
        ]}
      >
        <BulkBar
          actions={bulkActions}
          people={people ?? undefined}
          events={events ?? undefined}
          count={page.count}
          exportPath="/kontakte/export"
          reply={reply}
        />
        <div className="table-tools">
          <ExportLinks path="/kontakte/export" />
        </div>
      </DataTable>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
