// The one permission table: role × action × object × scope. Everything not listed is denied.
// Scope "any" includes "own".

export const ROLES = ["admin", "leitung", "jobcoach", "vermittlung"] as const;
export type Role = (typeof ROLES)[number];

// "assign": change who a record belongs to (owner, coach) – ownership decides the "own" scope.
export const ACTIONS = ["read", "create", "update", "archive", "assign"] as const;
export type Action = (typeof ACTIONS)[number];

export const OBJECTS = [
  "dashboard",
  "company",
  "contact",
  "interaction",
  "followup",
  "participant",
  "event",
  "internship",
  "matching",
  "report",
  "project",
  "user",
  "outbox",
  "audit",
  "retention",
] as const;
export type PermissionObject = (typeof OBJECTS)[number];

export type Scope = "own" | "any";
export type Permission = `${Action}:${PermissionObject}:${Scope}`;

const all = (object: PermissionObject, scope: Scope): Permission[] =>
  ACTIONS.map((a) => `${a}:${object}:${scope}` as const);

export const PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Admin manages accounts and the system but does not browse social data.
  admin: [
    "read:dashboard:any",
    ...all("user", "any"),
    "read:outbox:any",
    "read:audit:any",
    "read:retention:any",
    // Draw up and apply the retention plan, switch automatic deletion and its pause.
    "create:retention:any",
  ],
  leitung: [
    "read:dashboard:any",
    ...all("company", "any"),
    ...all("contact", "any"),
    ...all("interaction", "any"),
    ...all("followup", "any"),
    "read:participant:any",
    "update:participant:any",
    ...all("event", "any"),
    "read:internship:any",
    "read:matching:any",
    "read:report:any",
    ...all("project", "any"),
    "read:audit:any",
    "read:retention:any",
    "update:retention:any",
  ],
  jobcoach: [
    "read:dashboard:any",
    "read:company:any",
    "create:company:any",
    "update:company:any",
    "archive:company:own",
    "read:contact:any",
    "create:contact:any",
    "update:contact:any",
    "archive:contact:own",
    "read:interaction:any",
    "create:interaction:any",
    "update:interaction:own",
    ...all("followup", "own"),
    ...all("participant", "own"),
    "read:event:any",
    "read:internship:own",
    "create:internship:own",
    "update:internship:own",
    "read:matching:own",
    "update:matching:own",
  ],
  vermittlung: [
    "read:dashboard:any",
    ...all("company", "any"),
    ...all("contact", "any"),
    "read:interaction:any",
    "create:interaction:any",
    "update:interaction:own",
    ...all("followup", "own"),
    "read:participant:any",
    "update:participant:any",
    "read:event:any",
    ...all("internship", "any"),
    "read:matching:any",
    "update:matching:any",
  ],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether a role may do `action` on `object` with at least the given scope. */
export function can(
  role: string,
  action: Action,
  object: PermissionObject,
  scope: Scope = "own",
): boolean {
  if (!isRole(role)) return false;
  const granted = PERMISSIONS[role];
  if (granted.includes(`${action}:${object}:any`)) return true;
  return scope === "own" && granted.includes(`${action}:${object}:own`);
}

/** The broadest scope a role has for an action, or null when denied. */
export function scopeFor(role: string, action: Action, object: PermissionObject): Scope | null {
  if (can(role, action, object, "any")) return "any";
  if (can(role, action, object, "own")) return "own";
  return null;
}

/** Navigation sections, in menu order, with the permission each needs. */
export const NAV_SECTIONS = [
  { key: "uebersicht", path: "/uebersicht", needs: ["read", "dashboard"] },
  { key: "unternehmen", path: "/unternehmen", needs: ["read", "company"] },
  { key: "kontakte", path: "/kontakte", needs: ["read", "contact"] },
  { key: "teilnehmende", path: "/teilnehmende", needs: ["read", "participant"] },
  { key: "veranstaltungen", path: "/veranstaltungen", needs: ["read", "event"] },
  { key: "praktika", path: "/praktika", needs: ["read", "internship"] },
  { key: "matching", path: "/matching", needs: ["read", "matching"] },
  { key: "wiedervorlagen", path: "/wiedervorlagen", needs: ["read", "followup"] },
  { key: "berichte", path: "/berichte", needs: ["read", "report"] },
  { key: "verwaltung", path: "/verwaltung", needs: ["read", "user"] },
] as const satisfies readonly {
  key: string;
  path: string;
  needs: readonly [Action, PermissionObject];
}[];

export type NavSection = (typeof NAV_SECTIONS)[number];

export function navFor(role: string): NavSection[] {
  return NAV_SECTIONS.filter((s) => can(role, s.needs[0], s.needs[1]));
}
