import type { RequestContext } from "~/lib/request-context";
import { audit } from "~/modules/audit/audit.server";
import { type Action, type PermissionObject, type Scope, scopeFor } from "./permissions";
import { requireUser, type SessionUser } from "./session.server";

export type Guarded = { user: SessionUser; scope: Scope };

/**
 * The first line of every loader and action: the signed-in user must hold the permission,
 * else 403 (and the denial is logged). Returns the scope the user has, for own/any queries.
 */
export async function requirePermission(
  request: Request,
  context: RequestContext | undefined,
  action: Action,
  object: PermissionObject,
  needed: Scope = "own",
): Promise<Guarded> {
  const user = await requireUser(request);
  const scope = scopeFor(user.role, action, object);
  if (!scope || (needed === "any" && scope !== "any")) {
    await audit({
      actorId: user.id,
      action: "denied",
      entityType: object,
      ip: context?.clientIp,
      detail: `${action} ${new URL(request.url).pathname}`,
    });
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return { user, scope };
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}
