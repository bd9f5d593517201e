import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDateTime } from "~/lib/day";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { checkInRows, getEvent } from "~/modules/event/editing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("event.checkinList")}: ${data?.title ?? ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  return {
    id: event.id,
    title: event.title,
    startsAt: event.startsAt,
    place: event.place,
    rows: await checkInRows(user, event.registrations),
  };
}

/** Blank rows at the end of the printed list, for people who come without registering. */
const WALK_IN_ROWS = [1, 2, 3, 4, 5, 6, 7, 8];

export default function CheckInListPage() {
  const { id, title, startsAt, place, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/veranstaltungen/${id}`}>← {title}</Link>
      </p>
      <h1>
        {t("event.checkinList")}: {title}
      </h1>
      <p className="lead">
        {formatDateTime(startsAt)}
        {place ? ` · ${place}` : ""}
      </p>
      <p className="no-print report-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("event.print")}
        </button>
      </p>
      <p className="field-hint no-print">{t("event.printHint")}</p>
      <div className="table-wrap">
        <table className="checkin-table">
          <caption>{t("event.checkinList")}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("registration.name")}</th>
              <th scope="col">{t("registration.companyName")}</th>
              <th scope="col">{t("registration.function")}</th>
              <th scope="col">{t("event.persons")}</th>
              <th scope="col">{t("event.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <th scope="row">{r.name}</th>
                <td>{r.companyName ?? ""}</td>
                <td>{r.function ?? ""}</td>
                <td>{r.persons}</td>
                <td className="signature">{r.attended ? t("event.markAttended") : ""}</td>
              </tr>
            ))}
            {WALK_IN_ROWS.map((n, i) => (
              // Blank rows for those who come without registering, filled in by hand.
              <tr key={n} className="walk-in-row">
                <td>{rows.length + n}</td>
                <th scope="row">
                  {i === 0 ? (
                    <span className="visually-hidden">{t("event.walkInRows")}</span>
                  ) : null}
                </th>
                <td />
                <td />
                <td />
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
