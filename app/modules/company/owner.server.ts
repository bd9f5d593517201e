import type { Tx } from "~/db.server";
import { fieldError } from "~/lib/errors";
import { t } from "~/messages";
import { can } from "~/modules/auth/permissions";
import type { SessionUser } from "~/modules/auth/session.server";
import { ASSIGNABLE_ROLES } from "./detail.server";

/**
 * The owner a save may write for a company or contact. Who owns a record decides the "own"
 * scope (a coach archives her own companies), so only roles that may assign change it, and only
 * to an active user who can own records; anything else is a field error, not a takeover.
 */
export async function allowedOwner(
  tx: Tx,
  user: SessionUser,
  object: "company" | "contact",
  current: string | null,
  wanted: string | null,
): Promise<string | null> {
  if (wanted === current) return current;
  const mayAssign = can(user.role, "assign", object, "any");
  // A form without the owner field (or with it left empty) keeps the owner for those who may not assign.
  if (!mayAssign && wanted === null) return current;
  if (!mayAssign) throw fieldError("ownerId", t("owner.notAllowed"));
  if (wanted === null) return null;
  const owner = await tx.user.findFirst({
    where: { id: wanted, active: true, role: { in: [...ASSIGNABLE_ROLES] } },
    select: { id: true },
  });
  if (!owner) throw fieldError("ownerId", t("field.invalidChoice"));
  return owner.id;
}
