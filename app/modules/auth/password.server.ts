import { hash, verify } from "@node-rs/argon2";

/** Demo accounts share a published password; it is allowed only for them. */
export const DEMO_PASSWORD = "demo-lotse-2026";

// argon2id with the library defaults (OWASP minimum: m=19 MiB, t=2, p=1).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the response time the same for unknown accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("lotse-dummy-password-for-timing");
  return dummyHash;
}
