export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "logout",
  "denied",
  "read",
  "create",
  "update",
  "archive",
  "delete",
  "export",
  "invite",
  "invite_accepted",
  "erase",
  "request",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
