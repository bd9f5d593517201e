import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

// The Prisma CLI for the PostgreSQL schema (generated from prisma/schema.prisma): it only
// generates the client and diffs datamodels offline, so it never connects to a database. The
// adapter is an in-memory SQLite one because the JavaScript engine needs some adapter and
// @prisma/adapter-pg would try to connect. PostgreSQL migrations are applied by Lotse's own
// runner (app/modules/health/migrations.server.ts).
// The schema's env("DATABASE_URL") must be a PostgreSQL address for the CLI.
process.env.DATABASE_URL = "postgresql://localhost/lotse";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() {
    return new PrismaLibSQL({ url: ":memory:" });
  },
});
