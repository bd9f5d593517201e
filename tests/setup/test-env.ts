// Every test file gets its own fresh database with the real migrations applied: a SQLite file,
// or with `npm run test:pg` a copy of the migrated PostgreSQL template (tests/setup/postgres.ts).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { createTestDatabase, TEMPLATE } from "../postgres";

const dir = mkdtempSync(path.join(tmpdir(), "lotse-test-"));
const postgres = process.env.LOTSE_TEST_PG;
const url = postgres
  ? await createTestDatabase("t", TEMPLATE)
  : `file:${path.join(dir, "test.db")}`;
Object.assign(process.env, {
  DATABASE_URL: url,
  NODE_ENV: "test",
  LOTSE_DEMO: "0",
  APP_URL: "http://localhost:3000",
  LOTSE_SECRET: "test-secret-test-secret-test-secret-0123",
  CHROMIUM_PATH: "/nonexistent/chromium",
  BACKUP_DIR: path.join(dir, "backups"),
  DOCUMENTS_DIR: path.join(dir, "documents"),
  // The second factor is tested on its own (second-factor.test.ts switches it on).
  TOTP_REQUIRED: "0",
});
delete process.env.RESEND_API_KEY;
delete (globalThis as { lotseDb?: unknown }).lotseDb;

if (!postgres) {
  const migrationsDir = path.resolve("prisma/migrations");
  const client = createClient({ url });
  for (const name of readdirSync(migrationsDir)
    .filter((d) => /^\d+_/.test(d))
    .sort()) {
    await client.executeMultiple(
      readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
    );
  }
  client.close();
}
