import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "~/components/data-table";
import { PageErrorBoundary } from "~/components/error-page";
import { formatDateTime } from "~/lib/format";
import { parseListParams, pickParam } from "~/lib/list-params";
import { type MessageKey, t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listEvents } from "~/modules/event/service.server";

export const meta: MetaFunction = () => [{ title: `${t("event.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "event");
  const url = new URL(request.url);
  const when = pickParam(url, "zeit", ["kommend", "vergangen"] as const) ?? "kommend";
  const params = parseListParams(url, { sortable: [], defaultSort: "" });
  return { when, page: await listEvents(params, when) };
}

type Row = Awaited<ReturnType<typeof loader>>["page"]["data"][number];
const col = createColumnHelper<Row>();
const columns = [
  col.accessor("startsAt", {
    id: "date",
    header: t("event.date"),
    cell: (c) => formatDateTime(c.getValue()),
  }),
  col.accessor("title", { id: "title", header: t("event.name") }),
  col.accessor("type", {
    id: "type",
    header: t("event.type"),
    cell: (c) => t(`etype.${c.getValue()}` as MessageKey),
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

export default function EventsPage() {
  const { page, when } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("event.title")}</h1>
      <nav className="tabs" aria-label={t("event.title")}>
        <Link to="?zeit=kommend" aria-current={when === "kommend" ? "page" : undefined}>
          {t("event.upcoming")}
        </Link>
        <Link to="?zeit=vergangen" aria-current={when === "vergangen" ? "page" : undefined}>
          {t("event.past")}
        </Link>
      </nav>
      <DataTable caption={t("event.title")} columns={columns} page={page} rowKey={(r) => r.id} />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
