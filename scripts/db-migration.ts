// Creates a new migration offline, for both engines under the same name: replays the existing
// migrations into a scratch database and diffs what they make against prisma/schema.prisma
// (`prisma migrate dev` does not work with the JavaScript schema engine; see
// scripts/migrations.ts), once as SQLite SQL (prisma/migrations) and once as PostgreSQL SQL
// (prisma/postgres/migrations).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  migrationsDir,
  pendingPostgresChange,
  pendingSchemaChange,
  postgresMigrationsDir,
  root,
} from "./migrations";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Aufruf: npm run db:migration -- <name>");
  process.exit(1);
}

const [sql, postgresSql] = [await pendingSchemaChange(), await pendingPostgresChange()];
if (!sql) {
  console.log("Keine Schemaänderung – keine Migration angelegt.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
// Rebuilding a table (SQLite's way to alter columns) drops its triggers: put the search
// index triggers back whenever a searchable table is rebuilt.
const rebuildsSearchable = /DROP TABLE "(Company|ContactPerson)"/.test(sql);
const triggers = readFileSync(path.join(root, "prisma/sql/search-triggers.sql"), "utf8");
writeFileSync(path.join(dir, "migration.sql"), rebuildsSearchable ? `${sql}\n${triggers}` : sql);
console.log(`Migration angelegt: prisma/migrations/${stamp}_${name}`);
const postgresDir = path.join(postgresMigrationsDir, `${stamp}_${name}`);
mkdirSync(postgresDir, { recursive: true });
writeFileSync(path.join(postgresDir, "migration.sql"), postgresSql);
console.log(`Migration angelegt: prisma/postgres/migrations/${stamp}_${name}`);
