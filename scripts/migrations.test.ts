import pg from "pg";
import { describe, expect, it } from "vitest";
import { engine } from "~/db.server";
import { env } from "~/env.server";
import { migratePostgres } from "~/modules/health/migrations.server";
import { createTestDatabase } from "../tests/postgres";
import { pendingSchemaChange, postgresSchemaSql } from "./migrations";

describe("the migration set", () => {
  it("replayed into an empty database, makes exactly prisma/schema.prisma", async () => {
    expect(await pendingSchemaChange()).toBe("");
  }, 60_000);
});

/** Tables, columns, indexes and constraints of a PostgreSQL database, comparable as text. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' ||
        is_nullable || ' ' || coalesce(column_default, '') AS line FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'
        AND tablename <> '_prisma_migrations'`,
      `SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        AND conrelid::regclass::text <> '_prisma_migrations'`,
      "SELECT tgname AS line FROM pg_trigger WHERE NOT tgisinternal",
    ];
    const rows = [];
    for (const query of queries) rows.push(await client.query(query));
    return rows.flatMap((r) => r.rows.map((row: { line: string }) => row.line)).sort();
  } finally {
    await client.end();
  }
}

describe.runIf(engine === "postgres")("the PostgreSQL migration set", () => {
  it("makes what prisma/schema.prisma says, with the search index", async () => {
    const url = await createTestDatabase("schema");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { readFileSync } = await import("node:fs");
    await client.query(postgresSchemaSql());
    await client.query(readFileSync("prisma/postgres/search.sql", "utf8"));
    await client.end();
    expect(await catalog(env.DATABASE_URL)).toEqual(await catalog(url));
    // Run again, the runner finds nothing to do.
    expect(await migratePostgres(env.DATABASE_URL, () => undefined)).toEqual([]);
  }, 60_000);
});
