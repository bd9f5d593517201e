// The migration sets, one per engine, made from the one prisma/schema.prisma by
// `npm run db:migration`: SQLite's are applied by `prisma migrate deploy`, PostgreSQL's by the
// runner below (Prisma's WebAssembly schema engine cannot deploy to PostgreSQL). Both record
// what they applied in the same `_prisma_migrations` table, which the health check reads.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type Engine, redactedUrl } from "~/lib/database-url";

// From the working directory (the app's root: npm start changes there), not from this file,
// which the production build moves into build/server.
export const migrationsDirOf = (engine: Engine) =>
  path.resolve(engine === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations");

/** The migrations shipped with this version, oldest first (null when the folder is missing). */
export function shippedMigrations(engine: Engine): string[] | null {
  try {
    return readdirSync(migrationsDirOf(engine))
      .filter((d) => /^\d+_/.test(d))
      .sort();
  } catch {
    return null;
  }
}

/** A session-wide PostgreSQL lock: servers starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_263_001;

export class DatabaseStartError extends Error {}

/** Why this version does not start on a database a newer version migrated. */
export const newerVersionMessage = (unknown: string[]) =>
  `Die Datenbank wurde schon von einer neueren Lotse-Version migriert (${unknown.join(", ")}). Diese Version startet darauf nicht; bitte die neuere Version einsetzen.`;

/** A German sentence for a failed connection, without the password. */
export function connectionProblem(url: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "der Server nimmt keine Verbindungen an"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "der Servername ist unbekannt"
        : code === "28P01" || code === "28000"
          ? "Benutzer oder Passwort werden abgelehnt"
          : code === "3D000"
            ? "die Datenbank gibt es dort nicht"
            : (error as Error).message;
  return `Die Datenbank ${redactedUrl(url)} ist nicht erreichbar: ${reason}.`;
}

export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseStartError(connectionProblem(url, error));
  }
  return client;
}

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

/**
 * Applies this version's pending PostgreSQL migrations, each in its own transaction, under an
 * advisory lock (a second server starting at the same moment waits, then finds nothing to do).
 * Refuses a database that has migrations this version does not know: a newer version ran on it.
 * Returns the names applied.
 */
export async function migratePostgres(url: string, log = console.log): Promise<string[]> {
  const shipped = shippedMigrations("postgres") ?? [];
  const client = await connectPostgres(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).rows.map((r) => r.migration_name);
    const unknown = applied.filter((n) => !shipped.includes(n));
    if (unknown.length) throw new DatabaseStartError(newerVersionMessage(unknown));
    const pending = shipped.filter((n) => !applied.includes(n));
    for (const name of pending) {
      const sql = readFileSync(
        path.join(migrationsDirOf("postgres"), name, "migration.sql"),
        "utf8",
      );
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), checksum(sql), name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new DatabaseStartError(
          `Migration ${name} fehlgeschlagen: ${(error as Error).message}`,
        );
      }
      log(`Migration angewendet: ${name}`);
    }
    return pending;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
