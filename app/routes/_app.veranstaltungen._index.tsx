import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import {
  addMonths,
  calendarWeeks,
  dayOf,
  formatDateTime,
  formatMonth,
  formatTime,
  isMonth,
  monthOf,
  today,
} from "~/lib/day";
import { parseListParams, pickParam } from "~/lib/list-params";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { eventsInMonth } from "~/modules/event/editing.server";
import { listEvents, parseEventFilters } from "~/modules/event/service.server";

export const meta: MetaFunction = () => [{ title: `${t("event.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "event");
  const url = new URL(request.url);
  const mayCreate = can(user.role, "create", "event");
  if (url.searchParams.get("ansicht") === "kalender") {
    const day = today();
    const asked = url.searchParams.get("monat") ?? "";
    const month = isMonth(asked) ? asked : monthOf(day);
    return {
      view: "kalender" as const,
      mayCreate,
      month: { month, today: day, events: await eventsInMonth(month) },
      when: "kommend" as const,
      shown: [],
      page: null,
    };
  }
  const filters = parseEventFilters(url);
  const when = filters.held
    ? "vergangen"
    : (pickParam(url, "zeit", ["kommend", "vergangen"] as const) ?? "kommend");
  const params = parseListParams(url, { sortable: [], defaultSort: "" });
  const shown = [
    filters.held ? t("event.filterHeld", { range: filters.held.label }) : null,
    filters.kind ? t(`event.filterKind.${filters.kind}`) : null,
  ].filter((x): x is string => x != null);
  return {
    view: "liste" as const,
    mayCreate,
    month: null,
    when,
    shown,
    page: await listEvents(params, when, new Date(), filters),
  };
}

type Row = NonNullable<Awaited<ReturnType<typeof loader>>["page"]>["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor("startsAt", {
    id: "date",
    header: t("event.date"),
    cell: (c) => formatDateTime(c.getValue()),
  }),
  col.accessor("title", {
    id: "title",
    header: t("event.name"),
    cell: (c) => <Link to={`/veranstaltungen/${c.row.original.id}`}>{c.getValue()}</Link>,
  }),
  col.accessor("type", {
    id: "type",
    header: t("event.type"),
    cell: (c) => labelOf("etype", c.getValue()),
  }),
  col.accessor((r) => r.place ?? r.onlineUrl ?? t("common.none"), {
    id: "place",
    header: t("event.place"),
  }),
  col.accessor("registered", {
    id: "registrations",
    header: t("event.registrations"),
    cell: (c) => {
      const r = c.row.original;
      const base = r.capacity ? `${r.registered} / ${r.capacity}` : String(r.registered);
      return r.attended ? `${base} (${r.attended} ${t("event.attended")})` : base;
    },
  }),
];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function Calendar({ month }: { month: NonNullable<Awaited<ReturnType<typeof loader>>["month"]> }) {
  const byDay = new Map<string, typeof month.events>();
  for (const e of month.events) {
    const day = dayOf(e.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const title = formatMonth(month.month);
  return (
    <>
      <div className="calendar-nav">
        <Link to={`?ansicht=kalender&monat=${addMonths(month.month, -1)}`}>
          {t("event.prevMonth")}
        </Link>
        <h2>{title}</h2>
        <Link to={`?ansicht=kalender&monat=${addMonths(month.month, 1)}`}>
          {t("event.nextMonth")}
        </Link>
      </div>
      {month.events.length === 0 ? <p>{t("event.noneInMonth")}</p> : null}
      <div className="table-wrap">
        <table className="calendar">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  <abbr title={t(`weekday.${d}`)}>{t(`weekday.short.${d}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {calendarWeeks(month.month).map((week) => (
              <tr key={week.find(Boolean) ?? "leer"}>
                {week.map((day, i) => (
                  <td
                    key={day ?? `leer-${i}`}
                    className={day === month.today ? "calendar-today" : undefined}
                  >
                    {day ? <span className="calendar-day">{Number(day.slice(8))}</span> : null}
                    {(day ? (byDay.get(day) ?? []) : []).map((e) => (
                      <Link key={e.id} to={`/veranstaltungen/${e.id}`} className="calendar-event">
                        {formatTime(e.startsAt)} {e.title}
                        {e.cancelledAt ? ` (${t("event.cancelledBadge")})` : ""}
                      </Link>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function EventsPage() {
  const { page, when, view, month, mayCreate, shown } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{t("event.title")}</h1>
        {mayCreate ? (
          <Link to="/veranstaltungen/neu" className="button button-primary">
            {t("event.new")}
          </Link>
        ) : null}
      </div>
      <nav className="tabs" aria-label={t("event.title")}>
        <Link
          to="?zeit=kommend"
          aria-current={view === "liste" && when === "kommend" ? "page" : undefined}
        >
          {t("event.upcoming")}
        </Link>
        <Link
          to="?zeit=vergangen"
          aria-current={view === "liste" && when === "vergangen" ? "page" : undefined}
        >
          {t("event.past")}
        </Link>
        <Link to="?ansicht=kalender" aria-current={view === "kalender" ? "page" : undefined}>
          {t("event.calendar")}
        </Link>
      </nav>
      {shown.length ? (
        <p className="notice" role="status">
          {shown.join(" · ")}{" "}
          <Link to="/veranstaltungen?zeit=vergangen">{t("report.filterReset")}</Link>
        </p>
      ) : null}
      {month ? <Calendar month={month} /> : null}
      {page ? (
        <DataTable caption={t("event.title")} columns={columns} page={page} rowKey={(r) => r.id} />
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
