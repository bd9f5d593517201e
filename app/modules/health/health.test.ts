import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader } from "~/routes/healthz";
import { migrationState } from "./health.server";

const shipped = readdirSync(path.resolve("prisma/migrations"))
  .filter((d) => /^\d+_/.test(d))
  .sort();

async function health(details = false) {
  const res = await loader({
    request: new Request(`http://localhost/healthz${details ? "?details=1" : ""}`),
    params: {},
    context: { clientIp: "127.0.0.1", cspNonce: "x" },
  });
  return { status: res.status, body: details ? await res.json() : await res.text() };
}

describe("the health check", () => {
  it("says whether the database's migrations are this version's", async () => {
    // The test database is built from the migration files without Prisma's table.
    expect((await migrationState()).current).toBe(false);
    expect((await health()).status).toBe(503);

    await db.$executeRawUnsafe(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL DEFAULT '', "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    for (const name of shipped.slice(0, -1))
      await db.$executeRaw`INSERT INTO _prisma_migrations (id, migration_name, finished_at)
        VALUES (${name}, ${name}, current_timestamp)`;
    expect(await migrationState()).toEqual({
      current: false,
      pending: [shipped.at(-1)],
      unknown: [],
    });
    expect(await health()).toEqual({
      status: 503,
      body: "migrations not current: 1 pending, 0 unknown",
    });

    const last = shipped.at(-1)!;
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, migration_name, finished_at)
      VALUES (${last}, ${last}, current_timestamp)`;
    expect(await health()).toEqual({ status: 200, body: "ok" });
    expect((await health(true)).body).toEqual({
      ok: true,
      database: true,
      migrations: { current: true, pending: [], unknown: [] },
    });

    // A database a newer version migrated: this version must not serve it.
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, migration_name, finished_at)
      VALUES ('x', '29991231000000_from_the_future', current_timestamp)`;
    expect((await health(true)).body).toMatchObject({
      ok: false,
      migrations: { current: false, unknown: ["29991231000000_from_the_future"] },
    });
  });
});
