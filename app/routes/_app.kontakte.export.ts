import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/lib/day";
import { pickParam } from "~/lib/list-params";
import { csvResponse, xlsxResponse } from "~/lib/spreadsheet.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { exportContactSheet } from "~/modules/contact/service.server";

// The contact list as a file, with the filters and order of the view it was started from.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "contact");
  const url = new URL(request.url);
  const format = pickParam(url, "format", ["csv", "xlsx"] as const) ?? "csv";
  const sheet = await exportContactSheet(user, url, { ip: context?.clientIp, format });
  const name = `kontakte-${today()}`;
  return format === "xlsx"
    ? xlsxResponse(`${name}.xlsx`, sheet)
    : csvResponse(`${name}.csv`, sheet);
}
