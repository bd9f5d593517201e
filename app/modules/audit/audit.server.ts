import { db, type Tx } from "~/db.server";
import type { AuditAction, AuditEntity } from "./values";

export type { AuditAction, AuditEntity };

export type AuditEntry = {
  actorId?: string | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  detail?: string | null;
};

const asJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Records that someone took data out as a file: what, how many rows, from which view. */
export const auditExport = (e: {
  actorId: string;
  entityType: AuditEntity;
  what: string;
  rows: number;
  view?: string;
  ip?: string;
}) =>
  audit({
    actorId: e.actorId,
    action: "export",
    entityType: e.entityType,
    ip: e.ip,
    detail: `${e.what}, ${e.rows} Zeilen${e.view ? `, ${e.view}` : ""}`.slice(0, 500),
  });

/** Appends to the audit log (inside the caller's transaction when one is given). Never updates or deletes. */
export async function audit(entry: AuditEntry, tx: Tx | typeof db = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    },
  });
}
