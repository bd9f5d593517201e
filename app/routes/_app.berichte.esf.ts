import type { LoaderFunctionArgs } from "@remix-run/node";
import { pickParam } from "~/lib/list-params";
import { csvResponse, xlsxResponse } from "~/lib/spreadsheet.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { exportEsfSheet } from "~/modules/reporting/esf.server";
import { resolvePeriod } from "~/modules/reporting/period";
import { listProjects } from "~/modules/reporting/projects.server";

// ESF monitoring data of a project and period as CSV (German Excel) or XLSX, pseudonymised.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "report", "any");
  const url = new URL(request.url);
  const project = (await listProjects()).find((p) => p.id === url.searchParams.get("projekt"));
  if (!project) throw new Response("Not Found", { status: 404 });
  const { from, to } = resolvePeriod(url.searchParams, project, new Date());
  const format = pickParam(url, "format", ["csv", "xlsx"] as const) ?? "csv";
  const sheet = await exportEsfSheet(user, project, { from, to }, { ip: context?.clientIp });
  const name = `esf-monitoring-${from}-${to}`;
  return format === "xlsx"
    ? xlsxResponse(`${name}.xlsx`, sheet)
    : csvResponse(`${name}.csv`, sheet);
}
