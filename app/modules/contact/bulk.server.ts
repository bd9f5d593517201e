import { db } from "~/db.server";
import { AppError, fieldError } from "~/lib/errors";
import { parseListParams } from "~/lib/list-params";
import { t } from "~/messages";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { runBulk, tagNamed } from "~/modules/bulk/bulk.server";
import { BULK_MAX, type BulkReport } from "~/modules/bulk/values";
import { allowedOwner } from "~/modules/company/owner.server";
import { contactWhere, parseContactFilters } from "./service.server";
import { CONTACT_SORTS } from "./values";

export type ContactBulk =
  | { kind: "zustaendig"; ownerId: string | null }
  | { kind: "schlagwort_plus" | "schlagwort_minus"; tag: string };

/** The ids of every contact the list shows with the URL's filters. */
export async function contactIdsOfView(url: URL): Promise<string[]> {
  const params = parseListParams(url, { sortable: CONTACT_SORTS, defaultSort: "name" });
  const rows = await db.contactPerson.findMany({
    where: contactWhere(params.q, parseContactFilters(url)),
    take: BULK_MAX + 1,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function contactBulkOf(action: string, value: string | null): ContactBulk {
  if (action === "zustaendig") return { kind: "zustaendig", ownerId: value };
  if (action === "schlagwort_plus" || action === "schlagwort_minus") {
    if (!value || value.length > 60) throw fieldError("sammel_schlagwort", t("bulk.tagMissing"));
    return { kind: action, tag: value };
  }
  throw fieldError("aktion", t("bulk.noAction"));
}

/** One bulk action on many contact persons, in one transaction, each change audited. */
export async function bulkContacts(
  user: SessionUser,
  ids: string[],
  action: ContactBulk,
  meta: { ip?: string } = {},
): Promise<BulkReport> {
  if (ids.length > BULK_MAX) throw new AppError(400, t("bulk.tooMany", { max: BULK_MAX }));
  if (action.kind === "zustaendig" && !can(user.role, "assign", "contact", "any"))
    throw new AppError(403, t("owner.notAllowed"));
  const unique = [...new Set(ids)];
  return db.$transaction(
    async (tx) => {
      const rows = await tx.contactPerson.findMany({
        where: { id: { in: unique }, archivedAt: null },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          ownerId: true,
          tags: { select: { tag: { select: { name: true } } } },
        },
      });
      const tagId =
        action.kind === "zustaendig"
          ? null
          : await tagNamed(tx, action.tag, action.kind === "schlagwort_plus");
      return runBulk(
        tx,
        user,
        unique.length,
        rows.map((r) => ({ ...r, name: `${r.firstName} ${r.lastName}` })),
        { entityType: "contact", action: "update", detail: action, ip: meta.ip },
        async (c) => {
          if (action.kind === "zustaendig") {
            const owner = await allowedOwner(tx, user, "contact", c.ownerId, action.ownerId);
            if (owner === c.ownerId) return "unchanged";
            await tx.contactPerson.update({
              where: { id: c.id },
              data: { ownerId: owner, version: { increment: 1 } },
            });
            return null;
          }
          const has = c.tags.some((x) => x.tag.name === action.tag);
          if (!tagId || has === (action.kind === "schlagwort_plus")) return "unchanged";
          if (action.kind === "schlagwort_plus")
            await tx.contactTag.create({ data: { contactId: c.id, tagId } });
          else
            await tx.contactTag.delete({ where: { contactId_tagId: { contactId: c.id, tagId } } });
          return null;
        },
      );
    },
    { timeout: 60_000 },
  );
}
