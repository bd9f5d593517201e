import { db, lockKeyInTransaction } from "~/db.server";

/**
 * A sliding-window limit per key, counted in the database so that any number of app servers
 * count the same attempts. Used for public forms; login throttling keeps its own records.
 */
export function rateLimiter(options: { name: string; limit: number; windowMs: number }) {
  return {
    /** Counts one attempt; false when the key has used up its window (that attempt is not kept). */
    async allow(key: string, now = new Date()): Promise<boolean> {
      const scoped = `${options.name}:${key}`;
      return db.$transaction(async (tx) => {
        // Concurrent attempts for the key wait for each other: each counts the ones before it.
        await lockKeyInTransaction(tx, scoped);
        const hit = await tx.rateLimitHit.create({
          data: { key: scoped, at: now },
          select: { id: true },
        });
        const recent = await tx.rateLimitHit.count({
          where: { key: scoped, at: { gt: new Date(now.getTime() - options.windowMs), lte: now } },
        });
        if (recent <= options.limit) return true;
        await tx.rateLimitHit.delete({ where: { id: hit.id } });
        return false;
      });
    },
  };
}

/** Forgets attempts older than a day (run by the job runner). */
export async function forgetOldHits(now = new Date()) {
  const { count } = await db.rateLimitHit.deleteMany({
    where: { at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
  return count;
}
