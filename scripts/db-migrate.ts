// `npm run db:migrate`: applies this version's pending migrations to DATABASE_URL – SQLite through
// `prisma migrate deploy`, PostgreSQL through Lotse's own runner (decision 022). For deploys that
// migrate in a step of their own before the servers start (npm start migrates too).
import { spawnSync } from "node:child_process";
import { engineOf } from "../app/lib/database-url.ts";
import { DatabaseStartError, migratePostgres } from "../app/modules/health/migrations.server.ts";

const url = process.env.DATABASE_URL ?? "file:./data/lotse.db";
try {
  if (engineOf(url) === "postgres") {
    const applied = await migratePostgres(url);
    console.log(applied.length ? `${applied.length} Migration(en) angewendet.` : "Nichts zu tun.");
  } else {
    const run = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    process.exit(run.status ?? 1);
  }
} catch (error) {
  console.error(error instanceof DatabaseStartError ? error.message : (error as Error).message);
  process.exit(1);
}
