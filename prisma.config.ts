import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

// Prisma does not read .env when this file exists; the default matches app/env.server.ts.
// The schema's env("DATABASE_URL") must resolve too, or the CLI tries to download an engine.
process.env.DATABASE_URL ??= "file:./data/lotse.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
  },
});
