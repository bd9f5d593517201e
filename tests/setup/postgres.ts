// `npm run test:pg`: the module tests against a real PostgreSQL. One throwaway cluster for the
// run, one template database with the real PostgreSQL migrations; every test file then gets a
// fresh copy of it (tests/setup/test-env.ts), as each gets a fresh SQLite file otherwise.
import pg from "pg";
import { migratePostgres } from "~/modules/health/migrations.server";
import { startCluster } from "../../scripts/pg-cluster";
import { TEMPLATE } from "../postgres";

export default async function setup() {
  if (process.env.LOTSE_TEST_ENGINE !== "postgres") return;
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  await migratePostgres(cluster.url(TEMPLATE), () => undefined);
  process.env.LOTSE_TEST_PG = cluster.url("postgres");
  return () => cluster.stop();
}
