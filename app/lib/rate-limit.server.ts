/**
 * A sliding-window counter per key, held in this process (Lotse runs as one process next to its
 * SQLite file). Used for public forms; login throttling keeps its own records in the database.
 */
export function rateLimiter(options: { limit: number; windowMs: number }) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts one attempt; false when the key has used up its window. */
    allow(key: string, now = Date.now()): boolean {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 10_000) {
        for (const [k, times] of hits)
          if (times.every((t) => now - t >= options.windowMs)) hits.delete(k);
      }
      return true;
    },
  };
}
