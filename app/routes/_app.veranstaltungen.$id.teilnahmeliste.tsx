import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDateTime } from "~/lib/day";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { getEvent, registrationsFor } from "~/modules/event/editing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("event.checkinList")}: ${data?.title ?? ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  const registrations = await registrationsFor(user, event.registrations, { withEmail: false });
  return {
    id: event.id,
    title: event.title,
    startsAt: event.startsAt,
    place: event.place,
    rows: registrations
      .filter((r) => r.status === "angemeldet")
      .map((r) => ({
        id: r.id,
        name: r.name,
        companyName: r.companyName,
        function: r.function,
        persons: r.persons,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}

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
