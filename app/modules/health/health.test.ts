import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, engine } from "~/db.server";
import { env } from "~/env.server";
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
      documents: true,
    });

    // A database a newer version migrated: this version must not serve it.
    await recordApplied("29991231000000_from_the_future");
    expect((await health(true)).body).toMatchObject({
      ok: false,
      migrations: { current: false, unknown: ["29991231000000_from_the_future"] },
    });
  });

  it("says when the documents' directory cannot be written (a shared mount missing)", async () => {
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name LIKE '2999%'`;
    const dir = env.DOCUMENTS_DIR;
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), "lotse-health-")), "not-a-directory");
    try {
      // A file where the directory should be: nothing can be kept there.
      writeFileSync(blocked, "");
      env.DOCUMENTS_DIR = path.join(blocked, "documents");
      expect(await health()).toEqual({ status: 503, body: "documents directory unavailable" });
      expect((await health(true)).body).toMatchObject({ ok: false, documents: false });
    } finally {
      env.DOCUMENTS_DIR = dir;
      rmSync(blocked, { force: true });
    }
    expect((await health()).status).toBe(200);
  });
});
