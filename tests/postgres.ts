// Databases of their own in the test run's PostgreSQL cluster (npm run test:pg), for tests that
// need an empty one (migrations, copies) beside the test file's own.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The migrated database every test file's database is copied from (tests/setup/postgres.ts). */
export const TEMPLATE = "lotse_template";

/** Creates a database (empty, or a copy of `template`) and returns its address. */
export async function createTestDatabase(prefix: string, template?: string): Promise<string> {
  const server = process.env.LOTSE_TEST_PG;
  if (!server) throw new Error("LOTSE_TEST_PG fehlt: nur mit npm run test:pg");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  return server.replace(/\/postgres$/, `/${name}`);
}
