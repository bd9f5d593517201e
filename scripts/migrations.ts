// The migration set as the one source of the database's shape: replaying every migration into a
// scratch SQLite file and reading it back as a Prisma datamodel gives the schema the migrations
// make, without a stored copy of schema.prisma per migration. `npm run db:migration` diffs that
// against prisma/schema.prisma; a test proves the two are equal.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { postgresSchema, postgresSchemaPath, writePostgresSchema } from "./postgres-schema";

export const root = path.resolve(import.meta.dirname, "..");
export const migrationsDir = path.join(root, "prisma/migrations");
export const postgresMigrationsDir = path.join(root, "prisma/postgres/migrations");
export const schemaPath = path.join(root, "prisma/schema.prisma");

/** Tables made by hand-written SQL (the FTS5 search index), not by the Prisma datamodel. */
const RAW_SQL_TABLES = /^(SearchEntry|SearchText\w*)$/;

export const migrationNames = () =>
  readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

// The CLI works offline on datamodels and scratch SQLite files, whatever DATABASE_URL the
// caller has (the PostgreSQL CLI config sets its own).
const prisma = (args: string[], env: Record<string, string> = {}) =>
  execFileSync("npx", ["prisma", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "file:./data/lotse.db", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });

const changes = (sql: string) =>
  /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql) ? sql : "";

/**
 * The datamodel the migrations make: every migration.sql applied to a scratch database, read
 * back with `prisma db pull` (on top of schema.prisma, so names and defaults stay comparable).
 * Returns the path of the datamodel file; `dispose` removes the scratch files.
 */
export async function migratedDatamodel(): Promise<{ file: string; dispose: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "lotse-migrations-"));
  const dbFile = path.join(dir, "replay.db");
  const client = createClient({ url: `file:${dbFile}` });
  for (const name of migrationNames())
    await client.executeMultiple(
      readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
    );
  client.close();
  const pulled = prisma(["db", "pull", "--print"], { DATABASE_URL: `file:${dbFile}` });
  // The CLI prints a notice about the adapter before the schema; the schema starts at `generator`.
  const datamodel = pulled
    .slice(pulled.indexOf("generator client"))
    .replace(/\nmodel (\w+) \{.*?\n\}\n/gs, (block, name: string) =>
      RAW_SQL_TABLES.test(name) ? "\n" : block,
    );
  const file = path.join(dir, "migrated.prisma");
  writeFileSync(file, datamodel);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The SQL that turns the migrated database into prisma/schema.prisma's ("" when equal). */
export async function pendingSchemaChange(): Promise<string> {
  const { file, dispose } = await migratedDatamodel();
  try {
    const sql = prisma([
      "migrate",
      "diff",
      "--from-schema-datamodel",
      file,
      "--to-schema-datamodel",
      schemaPath,
      "--script",
    ]);
    return changes(sql);
  } finally {
    dispose();
  }
}

/**
 * The same change as PostgreSQL SQL: both migration sets are made together, so the datamodel the
 * SQLite migrations make is also the one the PostgreSQL migrations make (with its provider).
 */
export async function pendingPostgresChange(): Promise<string> {
  const { file, dispose } = await migratedDatamodel();
  try {
    const from = `${file}.postgres.prisma`;
    writeFileSync(from, postgresSchema(readFileSync(file, "utf8")));
    writePostgresSchema();
    const sql = prisma([
      "migrate",
      "diff",
      "--config",
      "prisma/postgres/prisma.config.ts",
      "--from-schema-datamodel",
      from,
      "--to-schema-datamodel",
      postgresSchemaPath,
      "--script",
    ]);
    return changes(sql);
  } finally {
    dispose();
  }
}

/** Everything schema.prisma makes on PostgreSQL, from nothing (the search index comes apart). */
export function postgresSchemaSql(): string {
  writePostgresSchema();
  return prisma([
    "migrate",
    "diff",
    "--config",
    "prisma/postgres/prisma.config.ts",
    "--from-empty",
    "--to-schema-datamodel",
    postgresSchemaPath,
    "--script",
  ]);
}
