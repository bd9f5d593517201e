import { spawnSync } from "node:child_process";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { engine } from "~/db.server";
import { readEnv } from "~/env.server";
import { engineOf } from "~/lib/database-url";
import { freePort } from "../../../scripts/pg-cluster";
import { createTestDatabase } from "../../../tests/postgres";
import { connectPostgres, migratePostgres, shippedMigrations } from "./migrations.server";

const SECRET = "x".repeat(32);

/** `npm start`'s first steps with a DATABASE_URL: the exit code and what it printed. */
function start(env: Record<string, string>) {
  const run = spawnSync("npx", ["tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("the database address", () => {
  it("names the engine, and refuses an unknown scheme in German", () => {
    expect(engineOf("file:./data/lotse.db")).toBe("sqlite");
    expect(engineOf("libsql://lotse.example.turso.io")).toBe("sqlite");
    expect(engineOf("postgresql://lotse@db/lotse")).toBe("postgres");
    expect(engineOf("postgres://lotse@db/lotse")).toBe("postgres");
    expect(() => engineOf("mysql://root@db/lotse")).toThrow(
      /unbekannte Datenbankadresse „mysql:…“/,
    );
  });

  it("needs LOTSE_SECRET when servers can share the database", () => {
    expect(() => readEnv({ DATABASE_URL: "postgresql://lotse@db/lotse" })).toThrow(
      /LOTSE_SECRET: fehlt – bei einer gemeinsam nutzbaren Datenbank/,
    );
    expect(
      readEnv({ DATABASE_URL: "postgresql://lotse@db/lotse", LOTSE_SECRET: SECRET }).DATABASE_URL,
    ).toBe("postgresql://lotse@db/lotse");
    expect(readEnv({ DATABASE_URL: "file:./x.db" }).LOTSE_SECRET).toBeUndefined();
  });

  it("an unreachable server is a German sentence without the password", async () => {
    const port = await freePort();
    await expect(
      connectPostgres(`postgresql://lotse:geheim@127.0.0.1:${port}/lotse`),
    ).rejects.toThrow(
      `Die Datenbank postgresql://lotse:***@127.0.0.1:${port}/lotse ist nicht erreichbar: der Server nimmt keine Verbindungen an.`,
    );
  });

  it("npm start stops with a clear message and a non-zero exit for a wrong or unreachable database", async () => {
    const unknown = start({ DATABASE_URL: "mysql://root@db/lotse" });
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain(
      "Lotse startet nicht: DATABASE_URL: unbekannte Datenbankadresse",
    );

    const port = await freePort();
    const unreachable = start({
      DATABASE_URL: `postgresql://lotse@127.0.0.1:${port}/lotse`,
      LOTSE_SECRET: SECRET,
    });
    expect(unreachable.status).toBe(1);
    expect(unreachable.output).toContain("Lotse startet nicht: Die Datenbank");
    expect(unreachable.output).toContain("ist nicht erreichbar");

    const noSecret = start({
      DATABASE_URL: `postgresql://lotse@127.0.0.1:${port}/lotse`,
      LOTSE_SECRET: "",
    });
    expect(noSecret.status).toBe(1);
    expect(noSecret.output).toContain("LOTSE_SECRET: fehlt");
  }, 90_000);
});

const emptyDatabase = () => createTestDatabase("migrate");

describe.runIf(engine === "postgres")("the PostgreSQL migration runner", () => {
  it("applies each migration once when several servers start at once on an empty database", async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all([1, 2, 3].map(() => migratePostgres(url, () => undefined)));
    const shipped = shippedMigrations("postgres")!;
    expect(runs.flat().sort()).toEqual(shipped);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations"`);
    await client.end();
    expect(rows.map((r) => r.migration_name).sort()).toEqual(shipped);
  }, 60_000);

  it("refuses a database a newer version migrated", async () => {
    const url = await emptyDatabase();
    await migratePostgres(url, () => undefined);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at)
      VALUES ('future', '', '29991231000000_from_the_future', now())`);
    await client.end();
    await expect(migratePostgres(url, () => undefined)).rejects.toThrow(
      /neueren Lotse-Version migriert \(29991231000000_from_the_future\)/,
    );
  }, 60_000);

  it("a failing migration changes nothing and is not recorded", async () => {
    const url = await emptyDatabase();
    await migratePostgres(url, () => undefined);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DELETE FROM "_prisma_migrations"`);
    await client.end();
    // The first migration's tables exist already: it fails, and nothing is recorded.
    await expect(migratePostgres(url, () => undefined)).rejects.toThrow(/fehlgeschlagen/);
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    const { rows } = await again.query(`SELECT count(*) AS n FROM "_prisma_migrations"`);
    await again.end();
    expect(Number(rows[0].n)).toBe(0);
  }, 60_000);
});
