import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./app/lib/chromium";

// Browser tests drive the production build in the system Chromium against a fresh database.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
/** The fake Resend API the app sends to during browser tests (tests read it back). */
export const RESEND_PORT = PORT + 1;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // The server stops its PostgreSQL cluster on SIGTERM (E2E_ENGINE=postgres).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      LOTSE_DEMO: "1",
      DATABASE_URL: "file:./data/e2e/lotse.db",
      E2E_ENGINE: process.env.E2E_ENGINE ?? "sqlite",
      E2E_RESEND_PORT: String(RESEND_PORT),
      RESEND_API_KEY: "re_e2e_test",
      RESEND_BASE_URL: `http://127.0.0.1:${RESEND_PORT}`,
    },
  },
});
