import { createHash, randomBytes } from "node:crypto";

/** A random token (256 bit) for cookies and links, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a leaked database does not leak live links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
