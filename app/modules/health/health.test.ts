import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, engine } from "~/db.server";
import { loader } from "~/routes/healthz";
import { migrationState } from "./health.server";
import { shippedMigrations } from "./migrations.server";

const shipped = shippedMigrations(engine) ?? [];
const recordApplied = (name: string) =>
  db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at)
    VALUES (${randomUUID()}, '', ${name}, current_timestamp)`;

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
    // A SQLite test database is built from the migration files without Prisma's table; a
    // PostgreSQL one by Lotse's runner, whose records are taken away here.
    if (engine === "postgres") await db.$executeRaw`DELETE FROM _prisma_migrations`;
    expect((await migrationState()).current).toBe(false);
    expect((await health()).status).toBe(503);

    if (engine === "sqlite")
      await db.$executeRawUnsafe(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL DEFAULT '', "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    for (const name of shipped.slice(0, -1)) await recordApplied(name);
    expect(await migrationState()).toEqual({
      current: false,
      pending: [shipped.at(-1)],
      unknown: [],
    });
    expect(await health()).toEqual({
      status: 503,
      body: "migrations not current: 1 pending, 0 unknown",
    });

    await recordApplied(shipped.at(-1)!);
    expect(await health()).toEqual({ status: 200, body: "ok" });
    expect((await health(true)).body).toEqual({
      ok: true,
      database: true,
      migrations: { current: true, pending: [], unknown: [] },
    });

    // A database a newer version migrated: this version must not serve it.
    await recordApplied("29991231000000_from_the_future");
    expect((await health(true)).body).toMatchObject({
      ok: false,
      migrations: { current: false, unknown: ["29991231000000_from_the_future"] },
    });
  });
});
