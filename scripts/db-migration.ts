// Creates a new migration offline: diffs the schema snapshot stored with the last migration
// against prisma/schema.prisma (`prisma migrate dev` does not work with the JS schema engine).
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Aufruf: npm run db:migration -- <name>");
  process.exit(1);
}

mkdirSync(migrationsDir, { recursive: true });
const previous = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);
const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")]
  : ["--from-empty"];
if (previous && !existsSync(from[1]!)) {
  console.error(`Migration ${previous} hat keinen Schema-Snapshot (schema.prisma).`);
  process.exit(1);
}

const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.log("Keine Schemaänderung – keine Migration angelegt.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
// Rebuilding a table (SQLite's way to alter columns) drops its triggers: put the search
// index triggers back whenever a searchable table is rebuilt.
const rebuildsSearchable = /DROP TABLE "(Company|ContactPerson)"/.test(sql);
const triggers = readFileSync(path.join(root, "prisma/sql/search-triggers.sql"), "utf8");
writeFileSync(path.join(dir, "migration.sql"), rebuildsSearchable ? `${sql}\n${triggers}` : sql);
copyFileSync(schemaPath, path.join(dir, "schema.prisma"));
console.log(`Migration angelegt: prisma/migrations/${stamp}_${name}`);
