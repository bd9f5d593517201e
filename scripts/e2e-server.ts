// Starts the production build for browser tests on a fresh database (data/e2e is wiped first).
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
rmSync(path.join(root, "data/e2e"), { recursive: true, force: true });
await import("./start.ts");
