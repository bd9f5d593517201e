import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
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

/** Whether `token` is the signed token for (purpose, id), compared in constant time. */
export function isSignedToken(token: string, purpose: string, id: string): boolean {
  const expected = Buffer.from(signedToken(purpose, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const sealKey = () => createHash("sha256").update(`seal:${signingSecret()}`).digest();

/** Encrypts a secret for storage (AES-256-GCM with a key from the server's secret). */
export function sealText(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** Decrypts what `sealText` made; throws when it was changed or sealed with another secret. */
export function openText(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body) throw new Error("sealed text malformed");
  const decipher = createDecipheriv("aes-256-gcm", sealKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
