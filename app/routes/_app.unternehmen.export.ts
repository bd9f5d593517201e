import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/lib/day";
import { pickParam } from "~/lib/list-params";
import { csvResponse, xlsxResponse } from "~/lib/spreadsheet.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { exportCompanySheet } from "~/modules/company/service.server";

// The company list as a file, with the filters and order of the view it was started from.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const url = new URL(request.url);
  const format = pickParam(url, "format", ["csv", "xlsx"] as const) ?? "csv";
  const sheet = await exportCompanySheet(user, url, { ip: context?.clientIp, format });
  const name = `unternehmen-${today()}`;
  return format === "xlsx"
    ? xlsxResponse(`${name}.xlsx`, sheet)
    : csvResponse(`${name}.csv`, sheet);
}
