import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/lib/day";
import { parseListParams, pickParam } from "~/lib/list-params";
import { csvResponse, xlsxResponse } from "~/lib/spreadsheet.server";
import { type MessageKey, t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/guard.server";
import {
  exportCompanies,
  listServedDistricts,
  parseCompanyFilters,
} from "~/modules/company/service.server";
import { COMPANY_SORTS } from "~/modules/company/values";

// The company list as a file, with the filters and order of the view it was started from.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const url = new URL(request.url);
  const format = pickParam(url, "format", ["csv", "xlsx"] as const) ?? "csv";
  const districts = await listServedDistricts();
  const params = parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" });
  const rows = await exportCompanies(
    params,
    parseCompanyFilters(
      url,
      districts.map((d) => d.ags),
    ),
  );
  await audit({
    actorId: user.id,
    action: "export",
    entityType: "company",
    ip: context?.clientIp,
    detail: `${format}, ${rows.length} Zeilen, ${url.search}`.slice(0, 500),
  });
  const label = (k: MessageKey) => t(k);
  const sheet = {
    name: t("company.title"),
    header: [
      "company.name",
      "company.legalForm",
      "company.street",
      "company.plz",
      "company.city",
      "company.district",
      "company.industry",
      "company.size",
      "company.website",
      "company.phone",
      "company.email",
      "company.status",
      "company.partTime",
      "company.isTrainingCompany",
      "company.takesInternships",
      "company.multiplierType",
      "company.informedAt",
      "company.lastContact",
      "company.owner",
      "company.tags",
    ].map((k) => label(k as MessageKey)),
    rows: rows.map((c) => [
      c.name,
      c.legalForm,
      c.street,
      c.plz,
      c.city,
      c.districtName,
      c.industry,
      c.size,
      c.website,
      c.phone,
      c.email,
      t(`outreach.${c.outreachStatus}` as MessageKey),
      t(`readiness.${c.partTimeReadiness}` as MessageKey),
      c.isTrainingCompany,
      c.takesInternships,
      c.multiplierType ? t(`multiplier.${c.multiplierType}` as MessageKey) : null,
      c.informedAt,
      c.lastContactAt,
      c.ownerName,
      c.tags,
    ]),
  };
  const stamp = today();
  return format === "xlsx"
    ? xlsxResponse(`unternehmen-${stamp}.xlsx`, sheet)
    : csvResponse(`unternehmen-${stamp}.csv`, sheet);
}
