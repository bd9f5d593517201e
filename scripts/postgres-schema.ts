// PostgreSQL's Prisma schema and client, made from the one prisma/schema.prisma: Prisma fixes one
// provider per schema file, so the PostgreSQL copy is generated (never edited) into
// prisma/postgres/schema.prisma and its client into app/generated/prisma-pg. Runs after every
// install (postinstall) and whenever the migration step runs.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const postgresSchemaPath = path.join(root, "prisma/postgres/schema.prisma");

/** schema.prisma's text for PostgreSQL: the provider and the client's folder differ, nothing else. */
export function postgresSchema(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"[^"]*"/, 'output     = "../../app/generated/prisma-pg"');
  if (!swapped.includes('"postgresql"'))
    throw new Error("prisma/schema.prisma: provider nicht gefunden");
  return `// Generated from prisma/schema.prisma by scripts/postgres-schema.ts – do not edit.\n${swapped}`;
}

export function writePostgresSchema(): string {
  writeFileSync(
    postgresSchemaPath,
    postgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")),
  );
  return postgresSchemaPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writePostgresSchema();
  execFileSync("npx", ["prisma", "generate", "--config", "prisma/postgres/prisma.config.ts"], {
    cwd: root,
    stdio: "inherit",
  });
}
