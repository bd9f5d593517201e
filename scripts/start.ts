// `npm start`: build when no build exists, migrate, load reference data (and demo data in demo
// mode), then serve the production build on PORT (default 3000), in WEB_CONCURRENCY processes.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { type Engine, engineOf } from "../app/lib/database-url.ts";
import { restrictExistingFiles, restrictNewFiles } from "../app/lib/file-modes.server.ts";

// The database, uploads and the secret hold personal data: only this account reads them.
restrictNewFiles();
process.env.NODE_ENV ??= "production";
process.env.DATABASE_URL ??= "file:./data/lotse.db";
const databaseUrl = process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

// WEB_CONCURRENCY > 1: this process prepares the database and runs the scheduled jobs; that
// many worker processes serve HTTP on the same port (one per core uses the machine).
const WORKERS = Math.max(1, Math.min(16, Number(process.env.WEB_CONCURRENCY ?? 1) || 1));
if (cluster.isWorker) {
  const { env } = await import("../app/env.server.ts");
  const { createServer } = await import("./serve.ts");
  (await createServer(root)).listen(env.PORT);
} else {
  await primary();
}

function fail(message: string): never {
  console.error(`Lotse startet nicht: ${message}`);
  process.exit(1);
}

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`Fehlgeschlagen: ${cmd} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

async function primary() {
  let engine: Engine;
  try {
    engine = engineOf(databaseUrl);
  } catch (error) {
    fail(`DATABASE_URL: ${(error as Error).message}`);
  }
  if (databaseUrl.startsWith("file:")) {
    mkdirSync(path.dirname(path.resolve(databaseUrl.slice("file:".length))), {
      recursive: true,
    });
  }
  // The configuration and the database are checked before anything is built.
  const { env, isDemo } = await import("../app/env.server.ts").catch((error: Error) =>
    fail(error.message),
  );
  const { DatabaseStartError, migratePostgres, newerVersionMessage } = await import(
    "../app/modules/health/migrations.server.ts"
  );
  if (engine === "postgres") {
    // Servers starting at once take turns (an advisory lock): the migrations run once.
    await migratePostgres(databaseUrl).catch((error: Error) =>
      fail(error instanceof DatabaseStartError ? error.message : String(error)),
    );
  } else {
    run("npx", ["prisma", "migrate", "deploy"]);
    restrictExistingFiles(databaseUrl);
  }
  const { migrationState } = await import("../app/modules/health/health.server.ts");
  const migrations = await migrationState();
  if (migrations.unknown.length) fail(newerVersionMessage(migrations.unknown));
  if (!existsSync(path.join(root, "build/server/index.js"))) {
    console.log("Lotse wird gebaut …");
    run("npx", ["remix", "vite:build"]);
  }

  const { ensureReferenceData } = await import("../app/modules/reference/reference-data.server.ts");
  await ensureReferenceData();
  const { seedDemoData, disableDemoAccounts } = await import("../app/modules/demo/seed.server.ts");
  if (isDemo) {
    const seeded = await seedDemoData();
    if (seeded)
      console.log(
        `Demodaten angelegt: ${seeded.companies} Unternehmen, ${seeded.contacts} Kontakte, ${seeded.participants} Teilnehmende.`,
      );
  }

  if (!isDemo) {
    const disabled = await disableDemoAccounts();
    if (disabled) console.log(`Demo-Modus aus: ${disabled} Demo-Zugänge deaktiviert.`);
  }

  const { createServer } = await import("./serve.ts");
  const { DEMO_ACCOUNTS } = await import("../app/modules/demo/accounts.ts");
  const { runJobs } = await import("../app/modules/jobs/jobs.server.ts");
  // The scheduled work runs in this process every minute (one run at a time).
  let jobsRunning = false;
  setInterval(() => {
    if (jobsRunning) return;
    jobsRunning = true;
    runJobs()
      .catch((error) => console.error("Geplante Aufgaben fehlgeschlagen:", error))
      .finally(() => {
        jobsRunning = false;
      });
  }, 60_000).unref();
  const announce = () => {
    console.log(
      `\nLotse läuft auf http://localhost:${env.PORT}${WORKERS > 1 ? ` (${WORKERS} Prozesse)` : ""}`,
    );
    if (isDemo) {
      console.log(
        "Demo-Modus (LOTSE_DEMO=0 schaltet ihn ab). Zugänge, alle mit dem Passwort demo-lotse-2026:",
      );
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.role}`);
    }
  };
  if (WORKERS === 1) {
    (await createServer(root)).listen(env.PORT, announce);
    return;
  }
  // The signing secret exists before the workers start (they would race to create it).
  const { signedToken } = await import("../app/lib/tokens.server.ts");
  signedToken("start", "workers");
  let listening = 0;
  const fork = () =>
    cluster.fork().on("listening", () => {
      if (++listening === WORKERS) announce();
    });
  for (let i = 0; i < WORKERS; i++) fork();
  // A worker that dies is replaced; the others go on serving meanwhile.
  cluster.on("exit", (worker, code, signal) => {
    if (worker.exitedAfterDisconnect) return;
    console.error(`Prozess ${worker.process.pid} beendet (${signal ?? code}); ein neuer startet.`);
    fork();
  });
}
