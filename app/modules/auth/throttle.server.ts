import { db } from "~/db.server";

// After FREE_ATTEMPTS failures the key is blocked for 2^(n-FREE) seconds, at most MAX_BLOCK.
export const FREE_ATTEMPTS = 5;
const MAX_BLOCK_MS = 15 * 60 * 1000;
// Failures older than this are forgotten.
const RESET_AFTER_MS = 60 * 60 * 1000;

export const throttleKeys = (ip: string, email: string) => [
  `ip:${ip}`,
  `account:${email.toLowerCase()}`,
];

/** Milliseconds until any of the keys may try again (0 = allowed now). */
export async function throttleWait(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys } },
    select: { blockedUntil: true },
  });
  return Math.max(
    0,
    ...rows.map((r) => (r.blockedUntil ? r.blockedUntil.getTime() - now.getTime() : 0)),
  );
}

export function blockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_BLOCK_MS, 2 ** (failures - FREE_ATTEMPTS) * 1000);
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const stale = !row || now.getTime() - row.lastFailureAt.getTime() > RESET_AFTER_MS;
      const failures = stale ? 1 : row.failures + 1;
      const block = blockDuration(failures);
      const data = {
        failures,
        lastFailureAt: now,
        blockedUntil: block ? new Date(now.getTime() + block) : null,
      };
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
  });
}

export async function clearFailures(keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
