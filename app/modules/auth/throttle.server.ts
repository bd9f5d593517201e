import { db, Prisma, queryRows, sqlCount, sqlDate } from "~/db.server";

// After FREE_ATTEMPTS attempts the key is blocked for 2^(n-FREE) seconds, at most MAX_BLOCK.
// An attempt is counted before the password is checked, in one statement, so parallel requests
// cannot all pass the check before the first failure is written; a successful login gives the
// IP's attempt back.
export const FREE_ATTEMPTS = 5;
const MAX_BLOCK_MS = 15 * 60 * 1000;
// Attempts older than this are forgotten.
const RESET_AFTER_MS = 60 * 60 * 1000;

export const throttleKeys = (ip: string, email: string) => [
  `ip:${ip}`,
  `account:${email.toLowerCase()}`,
];

export function blockDuration(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_BLOCK_MS, 2 ** (attempts - FREE_ATTEMPTS) * 1000);
}

/** The blockedUntil value for the n-th attempt at `now`, as SQL (NULL while attempts are free). */
function blockedUntilFor(attempts: Prisma.Sql, now: Date): Prisma.Sql {
  const cases: Prisma.Sql[] = [];
  for (let n = FREE_ATTEMPTS; blockDuration(n) < MAX_BLOCK_MS; n++)
    cases.push(Prisma.sql`WHEN ${n} THEN ${sqlDate(new Date(now.getTime() + blockDuration(n)))}`);
  return Prisma.sql`CASE WHEN ${attempts} < ${FREE_ATTEMPTS} THEN NULL ELSE CASE ${attempts} ${Prisma.join(
    cases,
    " ",
  )} ELSE ${sqlDate(new Date(now.getTime() + MAX_BLOCK_MS))} END END`;
}

/**
 * Counts an attempt for each key, atomically per key: a key that is blocked is not counted.
 * Returns the milliseconds until the blocked keys may try again (0 = go ahead).
 */
export async function claimAttempt(keys: string[], now = new Date()): Promise<number> {
  const at = sqlDate(now);
  const stale = sqlDate(new Date(now.getTime() - RESET_AFTER_MS));
  // The row's own columns by table name: PostgreSQL's upsert also sees the proposed row (EXCLUDED).
  const next = Prisma.sql`(CASE WHEN "LoginThrottle"."lastFailureAt" < ${stale} THEN 1 ELSE "LoginThrottle"."failures" + 1 END)`;
  let wait = 0;
  for (const key of keys) {
    const claimed = await queryRows(
      { failures: sqlCount },
      Prisma.sql`
      INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt", "blockedUntil")
      VALUES (${key}, 1, ${at}, ${blockedUntilFor(Prisma.sql`1`, now)})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = ${next},
        "blockedUntil" = ${blockedUntilFor(next, now)},
        "lastFailureAt" = ${at}
      WHERE "LoginThrottle"."lastFailureAt" < ${stale} OR "LoginThrottle"."blockedUntil" IS NULL
        OR "LoginThrottle"."blockedUntil" <= ${at}
      RETURNING "failures"`,
    );
    if (claimed.length) continue;
    const row = await db.loginThrottle.findUnique({
      where: { key },
      select: { blockedUntil: true },
    });
    wait = Math.max(wait, (row?.blockedUntil?.getTime() ?? now.getTime()) - now.getTime(), 1);
  }
  return wait;
}

/** After a successful login: the account starts afresh, the IP gets its attempt back. */
export async function releaseAttempt(ipKey: string, accountKey: string): Promise<void> {
  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { key: accountKey } }),
    db.$executeRaw`
      UPDATE "LoginThrottle" SET "failures" = CASE WHEN "failures" > 0 THEN "failures" - 1 ELSE 0 END,
        "blockedUntil" = CASE WHEN "failures" - 1 < ${FREE_ATTEMPTS} THEN NULL ELSE "blockedUntil" END
      WHERE "key" = ${ipKey}`,
  ]);
}
