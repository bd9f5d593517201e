import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { PageErrorBoundary } from "~/components/error-page";
import { SelectField, TextField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { labelledOptions, labelOf } from "~/labels";
import { formatDateTime, formatDay } from "~/lib/day";
import { t, tn } from "~/messages";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "~/modules/audit/values";
import { listAudit, parseAuditFilters, personLabel } from "~/modules/audit/viewer.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";

export const meta: MetaFunction = () => [{ title: `${t("audit.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "audit", "any");
  const url = new URL(request.url);
  const filters = parseAuditFilters(url);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("seite")) || 1));
  return {
    admin: can(user.role, "read", "user", "any"),
    filters,
    person: filters.person ? await personLabel(user, filters.person) : null,
    ...(await listAudit(user, filters, page)),
  };
}

/** Verwaltung → Protokoll: the audit log, filtered, as a page and as CSV. */
export default function AuditPage() {
  const { admin, filters, person, data, count, page, totalPages, users } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const withPage = (p: number) => {
    const sp = new URLSearchParams(location.search);
    sp.set("seite", String(p));
    return `?${sp}`;
  };
  const csv = new URLSearchParams(location.search);
  csv.delete("seite");
  return (
    <>
      <h1>{admin ? t("admin.title") : t("audit.title")}</h1>
      {admin ? <AdminTabs current="/verwaltung/protokoll" /> : null}
      {admin ? <h2>{t("audit.title")}</h2> : null}
      <p className="lead">{t("audit.intro")}</p>
      {person ? <p className="notice">{person}</p> : null}
      <Form method="get" className="filter-bar" aria-label={t("audit.filterForm")}>
        {filters.person ? (
          <input
            type="hidden"
            name="person"
            value={`${filters.person.kind === "participant" ? "tn" : "kontakt"}:${filters.person.id}`}
          />
        ) : null}
        <SelectField
          label={t("audit.who")}
          name="nutzer"
          defaultValue={filters.actorId ?? ""}
          options={[
            { value: "", label: t("audit.anyUser") },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <SelectField
          label={t("audit.action")}
          name="aktion"
          defaultValue={filters.action ?? ""}
          options={[
            { value: "", label: t("audit.anyAction") },
            ...labelledOptions("auditAction", AUDIT_ACTIONS),
          ]}
        />
        <SelectField
          label={t("audit.entity")}
          name="typ"
          defaultValue={filters.entityType ?? ""}
          options={[
            { value: "", label: t("audit.anyEntity") },
            ...labelledOptions("auditEntity", AUDIT_ENTITIES),
          ]}
        />
        <TextField
          label={t("audit.record")}
          name="datensatz"
          defaultValue={filters.entityId ?? ""}
        />
        <TextField
          label={t("audit.from")}
          name="von"
          defaultValue={filters.from ? formatDay(filters.from) : ""}
        />
        <TextField
          label={t("audit.to")}
          name="bis"
          defaultValue={filters.to ? formatDay(filters.to) : ""}
        />
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
        <Link to="/verwaltung/protokoll">{t("audit.reset")}</Link>
      </Form>
      <p>
        {tn("table.count", count)} ·{" "}
        <a href={`/verwaltung/protokoll/csv?${csv}`} download>
          {t("audit.csv")}
        </a>
      </p>
      {data.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <TableWrap label={t("audit.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.record")}</th>
                <th scope="col">{t("audit.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.actor?.name ?? t("audit.system")}</td>
                  <td>{labelOf("auditAction", r.action)}</td>
                  <td>{labelOf("auditEntity", r.entityType)}</td>
                  <td>
                    <code>{r.entityId ?? ""}</code>
                  </td>
                  <td>
                    {r.hidden ? <span className="muted">{t("audit.hidden")}</span> : r.detail}
                    {r.before || r.after ? (
                      <details>
                        <summary>{t("audit.changes")}</summary>
                        {r.before ? (
                          <p>
                            {t("audit.before")}: <code>{r.before}</code>
                          </p>
                        ) : null}
                        {r.after ? (
                          <p>
                            {t("audit.after")}: <code>{r.after}</code>
                          </p>
                        ) : null}
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label={t("table.paging")}>
        {page > 1 ? <Link to={withPage(page - 1)}>{t("table.previous")}</Link> : null}
        <span>{t("table.pageOf", { page, total: totalPages })}</span>
        {page < totalPages ? <Link to={withPage(page + 1)}>{t("table.next")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
