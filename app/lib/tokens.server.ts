import { createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env.server";

/** A random token (256 bit) for cookies and links, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a leaked database does not leak live links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

let secret: string | undefined;
/** The signing secret: LOTSE_SECRET, else one made once and kept in data/lotse.secret. */
function signingSecret(): string {
  if (!secret && env.LOTSE_SECRET) secret = env.LOTSE_SECRET;
  if (!secret) {
    const file = path.resolve("data/lotse.secret");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    }
    secret = readFileSync(file, "utf8").trim();
  }
  return secret;
}

/**
 * A token that only this server can make for (purpose, id), so every email can carry the same
 * link; like random tokens it is stored only as its hash.
 */
export function signedToken(purpose: string, id: string): string {
  return createHmac("sha256", signingSecret()).update(`${purpose}:${id}`).digest("base64url");
}
