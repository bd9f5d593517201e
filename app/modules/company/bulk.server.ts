import { db, Prisma, queryRows, sqlText, type Tx } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { parseListParams } from "~/lib/list-params";
import { t } from "~/messages";
import { can, type Scope } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { type RowOutcome, runBulk, tagNamed } from "~/modules/bulk/bulk.server";
import { BULK_MAX, type BulkReport } from "~/modules/bulk/values";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { moveOutreach } from "./outreach.server";
import { allowedOwner } from "./owner.server";
import { companyCondition, parseCompanyFilters } from "./service.server";
import { COMPANY_SORTS, OUTREACH_STATUSES, type OutreachStatus } from "./values";

export type CompanyBulk =
  | { kind: "zustaendig"; ownerId: string | null }
  | { kind: "status"; status: OutreachStatus }
  | { kind: "schlagwort_plus" | "schlagwort_minus"; tag: string }
  | { kind: "archivieren" };

/** The ids of every company the list shows with the URL's filters (for "alle auswählen"). */
export async function companyIdsOfView(url: URL): Promise<string[]> {
  const served = (await listServedDistricts()).map((d) => d.ags);
  const params = parseListParams(url, { sortable: COMPANY_SORTS, defaultSort: "name" });
  const rows = await queryRows(
    { id: sqlText },
    Prisma.sql`SELECT c.id FROM "Company" c
      WHERE ${companyCondition(params.q, parseCompanyFilters(url, served))} LIMIT ${BULK_MAX + 1}`,
  );
  return rows.map((r) => r.id);
}

/** The action and its value as the list's form sends them; a wrong value is a field error. */
export function companyBulkOf(action: string, value: string | null): CompanyBulk {
  switch (action) {
    case "zustaendig":
      return { kind: "zustaendig", ownerId: value };
    case "status":
      if (!value || !(OUTREACH_STATUSES as readonly string[]).includes(value))
        throw fieldError("sammel_status", t("field.invalidChoice"));
      return { kind: "status", status: value as OutreachStatus };
    case "schlagwort_plus":
    case "schlagwort_minus":
      if (!value || value.length > 60) throw fieldError("sammel_schlagwort", t("bulk.tagMissing"));
      return { kind: action, tag: value };
    case "archivieren":
      return { kind: "archivieren" };
    default:
      throw fieldError("aktion", t("bulk.noAction"));
  }
}

/**
 * One bulk action on many companies, in one transaction, each changed company audited. Rows the
 * user may not change (archiving: a coach only her own) are named in the report, not skipped
 * silently; rows already as wanted count as unchanged.
 */
export async function bulkCompanies(
  user: SessionUser,
  ids: string[],
  action: CompanyBulk,
  meta: { ip?: string } = {},
): Promise<BulkReport> {
  if (ids.length > BULK_MAX) throw new AppError(400, t("bulk.tooMany", { max: BULK_MAX }));
  if (action.kind === "zustaendig" && !can(user.role, "assign", "company", "any"))
    throw new AppError(403, t("owner.notAllowed"));
  const archiveScope: Scope | null = can(user.role, "archive", "company", "any")
    ? "any"
    : can(user.role, "archive", "company")
      ? "own"
      : null;
  if (action.kind === "archivieren" && !archiveScope) throw new AppError(403, t("error.403.text"));
  const unique = [...new Set(ids)];
  return db.$transaction(
    async (tx) => {
      const rows = await tx.company.findMany({
        where: { id: { in: unique } },
        select: {
          id: true,
          name: true,
          ownerId: true,
          outreachStatus: true,
          informedAt: true,
          archivedAt: true,
          tags: { select: { tag: { select: { name: true } } } },
        },
      });
      const live = rows.filter((r) => r.archivedAt == null);
      const tagId =
        action.kind === "schlagwort_plus" || action.kind === "schlagwort_minus"
          ? await tagNamed(tx, action.tag, action.kind === "schlagwort_plus")
          : null;
      return runBulk(
        tx,
        user,
        unique.length,
        live,
        {
          entityType: "company",
          action: action.kind === "archivieren" ? "archive" : "update",
          detail: action,
          ip: meta.ip,
        },
        (c) => applyOne(tx, user, c, action, { archiveScope, tagId }),
      );
    },
    { timeout: 60_000 },
  );
}

type Row = {
  id: string;
  name: string;
  ownerId: string | null;
  outreachStatus: string;
  informedAt: Date | null;
  tags: { tag: { name: string } }[];
};

/** Changes one company; "unchanged" when it already is as wanted, or why it may not be changed. */
async function applyOne(
  tx: Tx,
  user: SessionUser,
  c: Row,
  action: CompanyBulk,
  ctx: { archiveScope: Scope | null; tagId: string | null },
): Promise<RowOutcome> {
  const hasTag = (name: string) => c.tags.some((x) => x.tag.name === name);
  switch (action.kind) {
    case "zustaendig": {
      const owner = await allowedOwner(tx, user, "company", c.ownerId, action.ownerId);
      if (owner === c.ownerId) return "unchanged";
      await tx.company.update({
        where: { id: c.id },
        data: { ownerId: owner, version: { increment: 1 } },
      });
      return null;
    }
    case "status":
      if (c.outreachStatus === action.status) return "unchanged";
      await moveOutreach(
        tx,
        user.id,
        { id: c.id, outreachStatus: c.outreachStatus as OutreachStatus, informedAt: c.informedAt },
        [{ kind: "set", status: action.status }],
      );
      return null;
    case "schlagwort_plus":
      if (hasTag(action.tag) || !ctx.tagId) return "unchanged";
      await tx.companyTag.create({ data: { companyId: c.id, tagId: ctx.tagId } });
      return null;
    case "schlagwort_minus":
      if (!hasTag(action.tag) || !ctx.tagId) return "unchanged";
      await tx.companyTag.delete({
        where: { companyId_tagId: { companyId: c.id, tagId: ctx.tagId } },
      });
      return null;
    case "archivieren":
      if (ctx.archiveScope === "own" && c.ownerId !== user.id) return t("bulk.notYours");
      await tx.company.update({
        where: { id: c.id },
        data: { archivedAt: new Date(), version: { increment: 1 } },
      });
      return null;
  }
}
