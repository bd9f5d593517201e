import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/lib/day";
import { csvResponse } from "~/lib/spreadsheet.server";
import { exportAuditSheet, parseAuditFilters } from "~/modules/audit/viewer.server";
import { requirePermission } from "~/modules/auth/guard.server";

// The audit log under the page's filters as CSV (the export itself is audited).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "audit", "any");
  const sheet = await exportAuditSheet(user, parseAuditFilters(new URL(request.url)), {
    ip: context?.clientIp,
  });
  return csvResponse(`protokoll-${today()}.csv`, sheet);
}
