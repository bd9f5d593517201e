// `npm run db:reset`: deletes the local SQLite database and recreates it with migrations,
// reference data and (in demo mode) the demo data. Refuses remote databases.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

process.env.DATABASE_URL ??= "file:./data/lotse.db";
const url = process.env.DATABASE_URL;
if (!url.startsWith("file:")) {
  console.error("db:reset löscht nur lokale SQLite-Dateien (DATABASE_URL=file:…).");
  process.exit(1);
}
const file = path.resolve(url.slice("file:".length));
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
console.log(`Gelöscht: ${file}`);
const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
  stdio: "inherit",
  env: process.env,
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const { ensureReferenceData } = await import("../app/modules/reference/reference-data.server.ts");
await ensureReferenceData();
const { isDemo } = await import("../app/env.server.ts");
if (isDemo) {
  const { seedDemoData } = await import("../app/modules/demo/seed.server.ts");
  await seedDemoData();
  console.log("Demodaten angelegt.");
}
