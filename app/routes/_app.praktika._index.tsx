import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import { formatDate, formatDay } from "~/lib/day";
import { parseListParams } from "~/lib/list-params";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import {
  internshipsThisWeek,
  listInternships,
  parseInternshipFilters,
} from "~/modules/internship/service.server";
import { INTERNSHIP_STATUSES } from "~/modules/internship/values";

export const meta: MetaFunction = () => [{ title: `${t("internship.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "internship");
  const url = new URL(request.url);
  const params = parseListParams(url, { sortable: [], defaultSort: "" });
  const [page, { week, internships: thisWeek }] = await Promise.all([
    listInternships(user, scope, params, parseInternshipFilters(url, user.id)),
    internshipsThisWeek(user, scope),
  ]);
  return { page, thisWeek, week };
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor((r) => `${r.participant.lastName}, ${r.participant.firstName}`, {
    id: "participant",
    header: t("internship.participant"),
    cell: (c) => <Link to={`/praktika/${c.row.original.id}`}>{c.getValue()}</Link>,
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
    cell: (c) => labelOf("istatus", c.getValue()),
  }),
  col.accessor("ledToOffer", {
    id: "ledToOffer",
    header: t("internship.ledToOffer"),
    cell: (c) => (c.getValue() ? t("common.yes") : t("common.none")),
  }),
];

export default function InternshipsPage() {
  const { page, thisWeek, week } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("internship.title")}</h1>
      <section className="panel" aria-labelledby="diese-woche">
        <h2 id="diese-woche">
          {t("internship.thisWeek")} ({formatDay(week.from)} – {formatDay(week.to)})
        </h2>
        {thisWeek.length ? (
          <ul className="plain-list week-list">
            {thisWeek.map((i) => (
              <li key={i.id}>
                <Link to={`/praktika/${i.id}`}>
                  {i.participant.firstName} {i.participant.lastName}
                </Link>{" "}
                – {i.company.name}
                {i.company.city ? `, ${i.company.city}` : ""} ({i.occupation.title}),{" "}
                {formatDate(i.startDate)} – {formatDate(i.endDate)}
                {i.hoursPerWeek
                  ? `, ${t("participant.hoursShort", { hours: i.hoursPerWeek })}`
                  : ""}{" "}
                <span className={`status status-${i.status}`}>{labelOf("istatus", i.status)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("internship.thisWeekNone")}</p>
        )}
      </section>
      <DataTable
        caption={t("internship.title")}
        columns={columns}
        page={page}
        rowKey={(r) => r.id}
        filters={[
          {
            name: "status",
            label: t("internship.status"),
            options: INTERNSHIP_STATUSES.map((s) => ({ value: s, label: labelOf("istatus", s) })),
          },
        ]}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
