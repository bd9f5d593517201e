// Starts the production build for browser tests on a fresh database (data/e2e is wiped first),
// with a local fake of the Resend API so that tests can read the emails the app sends.
import { rmSync } from "node:fs";
import path from "node:path";
import { startFakeResend } from "../tests/fake-resend.ts";

const root = path.resolve(import.meta.dirname, "..");
rmSync(path.join(root, "data/e2e"), { recursive: true, force: true });
// The daily backup of the test server goes with its data.
process.env.BACKUP_DIR ??= path.join(root, "data/e2e/backups");
if (process.env.E2E_RESEND_PORT) await startFakeResend(Number(process.env.E2E_RESEND_PORT));
await import("./start.ts");
