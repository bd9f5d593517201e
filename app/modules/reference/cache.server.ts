/**
 * Reference data (districts, occupations) changes only when new reference files ship with a
 * release, so it is read once per process. An empty result is not kept: before the reference
 * data is loaded there is nothing worth remembering.
 */
export function referenceCache<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let cached: Promise<T[]> | null = null;
  return () => {
    cached ??= load().then(
      (rows) => {
        if (rows.length === 0) cached = null;
        return rows;
      },
      (error) => {
        cached = null;
        throw error;
      },
    );
    return cached;
  };
}
