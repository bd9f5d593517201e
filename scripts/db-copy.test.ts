import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { engine } from "~/db.server";
import { createTestDatabase } from "../tests/postgres";
import { copySqliteToPostgres } from "./db-copy";

describe.runIf(engine === "postgres")("copying a SQLite installation into PostgreSQL", () => {
  it("moves the demo database with every table's count the same, and only into an empty one", async () => {
    const from = `file:${path.join(mkdtempSync(path.join(tmpdir(), "lotse-copy-")), "demo.db")}`;
    execFileSync("npx", ["tsx", "scripts/db-reset.ts"], {
      env: { ...process.env, DATABASE_URL: from, LOTSE_DEMO: "1" },
      stdio: "pipe",
    });
    const to = await createTestDatabase("copy");
    const copied = await copySqliteToPostgres({ from, to, log: () => undefined });

    const source = createClient({ url: from, intMode: "number" });
    const target = new pg.Client({ connectionString: to });
    await target.connect();
    try {
      for (const { table, rows } of copied) {
        const inSource = (await source.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!;
        const inTarget = (await target.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0];
        expect([table, Number(inTarget.n)]).toEqual([table, Number(inSource.n)]);
        expect(rows).toBe(Number(inSource.n));
      }
      const rows = Object.fromEntries(copied.map((c) => [c.table, c.rows]));
      expect(rows.Company).toBeGreaterThan(20);
      expect(rows.Participant).toBeGreaterThan(10);
      expect(rows.User).toBeGreaterThanOrEqual(4);
      // Truth and instants arrive as PostgreSQL's types; the search index is filled by its triggers.
      const admin = await target.query(
        `SELECT active, "createdAt" FROM "User" ORDER BY email LIMIT 1`,
      );
      expect(admin.rows[0].active).toBe(true);
      expect(admin.rows[0].createdAt).toBeInstanceOf(Date);
      const live =
        await source.execute(`SELECT (SELECT count(*) FROM "Company" WHERE "archivedAt" IS NULL)
        + (SELECT count(*) FROM "ContactPerson" WHERE "archivedAt" IS NULL) AS n`);
      const indexed = await target.query(`SELECT count(*) AS n FROM "SearchEntry"`);
      expect(Number(indexed.rows[0].n)).toBe(Number(live.rows[0]!.n));
    } finally {
      source.close();
      await target.end();
    }
    await expect(copySqliteToPostgres({ from, to, log: () => undefined })).rejects.toThrow(
      /nicht leer/,
    );
    // A SQLite file not migrated to this version is not copied.
    const stale = `file:${path.join(mkdtempSync(path.join(tmpdir(), "lotse-copy-")), "alt.db")}`;
    await expect(
      copySqliteToPostgres({
        from: stale,
        to: await createTestDatabase("copy"),
        log: () => undefined,
      }),
    ).rejects.toThrow(/nicht auf dem Stand dieser Version/);
  }, 180_000);
});
