// Starts the production build for browser tests on a fresh database (data/e2e is wiped first),
// with a local fake of the Resend API so that tests can read the emails the app sends. With
// E2E_ENGINE=postgres the database is a throwaway PostgreSQL cluster, stopped when the server is.
import { rmSync } from "node:fs";
import path from "node:path";
import { startFakeResend } from "../tests/fake-resend.ts";

const root = path.resolve(import.meta.dirname, "..");
rmSync(path.join(root, "data/e2e"), { recursive: true, force: true });
// The daily backup of the test server goes with its data.
process.env.BACKUP_DIR ??= path.join(root, "data/e2e/backups");
if (process.env.E2E_RESEND_PORT) await startFakeResend(Number(process.env.E2E_RESEND_PORT));
if (process.env.E2E_ENGINE === "postgres") {
  const { startCluster } = await import("./pg-cluster.ts");
  const cluster = await startCluster();
  const stop = () => {
    try {
      cluster.stop();
    } catch {}
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stop();
      process.exit(0);
    });
  process.env.DATABASE_URL = cluster.url("postgres");
  process.env.LOTSE_SECRET ??= "e2e-secret-e2e-secret-e2e-secret-0123456";
}
await import("./start.ts");
