import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/lib/day";
import { parseListParams, pickParam } from "~/lib/list-params";
import { csvResponse, xlsxResponse } from "~/lib/spreadsheet.server";
import { type MessageKey, t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { exportContacts, parseContactFilters } from "~/modules/contact/service.server";
import { CONTACT_SORTS } from "~/modules/contact/values";

// The contact list as a file, with the filters and order of the view it was started from.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "contact");
  const url = new URL(request.url);
  const format = pickParam(url, "format", ["csv", "xlsx"] as const) ?? "csv";
  const params = parseListParams(url, { sortable: CONTACT_SORTS, defaultSort: "name" });
  const rows = await exportContacts(params, parseContactFilters(url));
  await audit({
    actorId: user.id,
    action: "export",
    entityType: "contact",
    ip: context?.clientIp,
    detail: `${format}, ${rows.length} Zeilen, ${url.search}`.slice(0, 500),
  });
  const sheet = {
    name: t("contact.title"),
    header: (
      [
        "contact.salutation",
        "contact.firstName",
        "contact.lastName",
        "contact.function",
        "contact.company",
        "contact.email",
        "contact.phone",
        "contact.consent",
        "contact.multiplier",
        "contact.emailInvalidSince",
      ] as const
    ).map((k) => t(k)),
    rows: rows.map((c) => [
      c.salutation,
      c.firstName,
      c.lastName,
      c.function,
      c.company?.name,
      c.email,
      c.phone,
      c.consents[0]?.givenAt ?? null,
      c.multiplierType ? t(`multiplier.${c.multiplierType}` as MessageKey) : null,
      c.emailInvalidAt,
    ]),
  };
  const stamp = today();
  return format === "xlsx"
    ? xlsxResponse(`kontakte-${stamp}.xlsx`, sheet)
    : csvResponse(`kontakte-${stamp}.csv`, sheet);
}
