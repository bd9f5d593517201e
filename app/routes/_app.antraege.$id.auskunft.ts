import type { LoaderFunctionArgs } from "@remix-run/node";
import { orThrow } from "~/lib/forms.server";
import { fileResponse } from "~/lib/spreadsheet.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { auskunftZip } from "~/modules/requests/auskunft.server";

// The copy for a request for information or portability, as a ZIP (writing it is audited).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "participant");
  const { zip, filename } = await orThrow(
    auskunftZip(user, params.id ?? "", { ip: context?.clientIp }),
  );
  return fileResponse(filename, "application/zip", zip);
}
