import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db, engine, Prisma, queryRows, sqlCount } from "./db.server";
import { env } from "./env.server";

describe("typed raw rows", () => {
  it("read counts as numbers and fail on a misspelt column instead of reading 0", async () => {
    expect(await queryRows({ n: sqlCount }, Prisma.sql`SELECT count(*) AS n FROM "User"`)).toEqual([
      { n: 0 },
    ]);
    expect(await queryRows({ n: sqlCount }, Prisma.sql`SELECT sum(1) AS n FROM "User"`)).toEqual([
      { n: 0 },
    ]);
    await expect(
      queryRows({ n: sqlCount }, Prisma.sql`SELECT count(*) AS m FROM "User"`),
    ).rejects.toThrow();
  });
});

// SQLite's busy timeout; PostgreSQL has row locks and waits for another writer by itself.
describe.runIf(engine === "sqlite")("one SQLite file, several writers", () => {
  it("waits for another process's write instead of failing with 'database is locked'", async () => {
    // Another process takes the write lock and holds it for a moment.
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createClient } from "@libsql/client";
         const c = createClient({ url: process.env.URL });
         const tx = await c.transaction("write");
         await tx.execute("INSERT INTO Tag (id, name, updatedAt) VALUES ('lock-holder', 'lock-holder', CURRENT_TIMESTAMP)");
         console.log("locked");
         await new Promise((r) => setTimeout(r, 700));
         await tx.commit();`,
      ],
      { env: { ...process.env, URL: env.DATABASE_URL }, stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const started = Date.now();
    await db.tag.create({ data: { name: "waits-for-the-lock" } });
    expect(Date.now() - started).toBeGreaterThan(300);
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(await db.tag.count({ where: { name: { startsWith: "lock-holder" } } })).toBe(1);
  });
});

describe("the client", () => {
  it("is one per process, whichever copy of the module asks", () => {
    expect((globalThis as { lotseDb?: unknown }).lotseDb).toBe(db);
  });
});
