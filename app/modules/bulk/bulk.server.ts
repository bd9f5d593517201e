import type { Tx } from "~/db.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import type { AuditEntity } from "~/modules/audit/values";
import type { SessionUser } from "~/modules/auth/session.server";
import type { BulkReport } from "./values";

/** What one row's change came to: changed (null), already so, or the reason it may not change. */
export type RowOutcome = null | "unchanged" | string;

/**
 * Applies one bulk action row by row inside the caller's transaction: each changed row is
 * audited with the action, rows already as wanted are counted, refused rows are named with their
 * reason, and ids that no longer lead to a live row are reported as gone.
 */
export async function runBulk<R extends { id: string; name: string }>(
  tx: Tx,
  user: SessionUser,
  requested: number,
  rows: R[],
  target: { entityType: AuditEntity; action: "update" | "archive"; detail: unknown; ip?: string },
  apply: (row: R) => Promise<RowOutcome>,
): Promise<BulkReport> {
  const report: BulkReport = { changed: 0, unchanged: 0, refused: [] };
  const gone = requested - rows.length;
  if (gone > 0)
    report.refused.push({
      id: "",
      name: t("bulk.goneRows", { count: gone }),
      reason: t("bulk.gone"),
    });
  for (const row of rows) {
    const outcome = await apply(row);
    if (outcome === "unchanged") report.unchanged++;
    else if (outcome) report.refused.push({ id: row.id, name: row.name, reason: outcome });
    else {
      report.changed++;
      await audit(
        {
          actorId: user.id,
          action: target.action,
          entityType: target.entityType,
          entityId: row.id,
          after: { bulk: target.detail },
          ip: target.ip,
        },
        tx,
      );
    }
  }
  return report;
}

/** A tag by name: made when it is to be added, looked up (maybe missing) when to be removed. */
export async function tagNamed(tx: Tx, name: string, create: boolean) {
  if (!create)
    return (await tx.tag.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
  return (
    await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })
  ).id;
}
