// `npm start`: build when no build exists, migrate, load reference data (and demo data in demo
// mode), then serve the production build on PORT (default 3000).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { restrictExistingFiles, restrictNewFiles } from "../app/lib/file-modes.server.ts";

// The database, uploads and the secret hold personal data: only this account reads them.
restrictNewFiles();
process.env.NODE_ENV ??= "production";
process.env.DATABASE_URL ??= "file:./data/lotse.db";
const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`Fehlgeschlagen: ${cmd} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

if (process.env.DATABASE_URL.startsWith("file:")) {
  mkdirSync(path.dirname(path.resolve(process.env.DATABASE_URL.slice("file:".length))), {
    recursive: true,
  });
}
if (!existsSync(path.join(root, "build/server/index.js"))) {
  console.log("Lotse wird gebaut …");
  run("npx", ["remix", "vite:build"]);
}
run("npx", ["prisma", "migrate", "deploy"]);
restrictExistingFiles(process.env.DATABASE_URL);

const { env, isDemo } = await import("../app/env.server.ts");
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
const app = await createServer(root);
// The scheduled work runs inside the server every minute (one run at a time).
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
app.listen(env.PORT, () => {
  console.log(`\nLotse läuft auf http://localhost:${env.PORT}`);
  if (isDemo) {
    console.log(
      "Demo-Modus (LOTSE_DEMO=0 schaltet ihn ab). Zugänge, alle mit dem Passwort demo-lotse-2026:",
    );
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.role}`);
  }
});
