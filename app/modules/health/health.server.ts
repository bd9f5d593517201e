import { db, engine } from "~/db.server";
import { shippedMigrations } from "./migrations.server";

/** Whether the database answers a trivial query (for the public health check). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export type MigrationState = {
  /** true: every migration of this version is applied and none unknown; null: cannot tell. */
  current: boolean | null;
  /** This version's migrations the database lacks. */
  pending: string[];
  /** Migrations the database has that this version does not know (a newer version ran). */
  unknown: string[];
};

/**
 * Whether the database's migrations are this version's: compared with the migration folders
 * shipped with the app (null when they are not there to compare with).
 */
export async function migrationState(): Promise<MigrationState> {
  const expected = shippedMigrations(engine);
  if (!expected) return { current: null, pending: [], unknown: [] };
  let applied: string[];
  try {
    applied = (
      await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name
        FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    ).map((r) => r.migration_name);
  } catch {
    return { current: false, pending: expected, unknown: [] };
  }
  const pending = expected.filter((n) => !applied.includes(n));
  const unknown = applied.filter((n) => !expected.includes(n)).sort();
  return { current: pending.length === 0 && unknown.length === 0, pending, unknown };
}
