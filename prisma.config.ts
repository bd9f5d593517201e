import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

// Prisma does not read .env when this file exists; the default matches app/env.server.ts.
// The schema's env("DATABASE_URL") must resolve too, or the CLI tries to download an engine.
process.env.DATABASE_URL ??= "file:./data/lotse.db";
const url = process.env.DATABASE_URL;
// SQLite creates the file but not its folder (data/ is not in git).
if (url.startsWith("file:"))
  mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
  },
});
