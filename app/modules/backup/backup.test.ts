import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { atTime, today } from "~/lib/day";
import { backupDatabase, dailyBackup, latestBackup, restoreDatabase } from "./backup.server";

const count = async (file: string, name: string) => {
  const client = createClient({ url: `file:${file}` });
  try {
    return Number(
      (await client.execute({ sql: "SELECT count(*) FROM Company WHERE name = ?", args: [name] }))
        .rows[0]?.[0],
    );
  } finally {
    client.close();
  }
};

describe("backup and restore", () => {
  it("a backup taken while the app runs restores the data as it was, and old copies rotate", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-backup-"));
    await db.company.create({ data: { name: "Gesichert GmbH", normalizedName: "gesichert" } });
    const manifest = await backupDatabase({ databaseUrl: env.DATABASE_URL, dir, keepDays: 30 });
    const backup = path.join(dir, manifest.file);
    expect(manifest.integrity).toBe("ok");
    expect(manifest.rows.Company).toBeGreaterThanOrEqual(1);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    // Afterwards the company is deleted in the live database …
    await db.company.deleteMany({ where: { name: "Gesichert GmbH" } });
    const live = env.DATABASE_URL.slice("file:".length);
    const target = path.join(dir, "wiederhergestellt.db");
    copyFileSync(live, target);
    expect(await count(target, "Gesichert GmbH")).toBe(0);
    // … and the restore brings it back, keeping the replaced file.
    await restoreDatabase({ databaseUrl: `file:${target}`, backup });
    expect(await count(target, "Gesichert GmbH")).toBe(1);
    expect(existsSync(`${target}.before-restore`)).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);

    // A copy older than the holding period is removed by the next backup; younger ones stay.
    const taken = new Date(manifest.createdAt);
    const day = 24 * 60 * 60 * 1000;
    const old = await backupDatabase({
      databaseUrl: env.DATABASE_URL,
      dir,
      keepDays: 30,
      now: new Date(taken.getTime() - 40 * day),
    });
    const next = await backupDatabase({
      databaseUrl: env.DATABASE_URL,
      dir,
      keepDays: 30,
      now: new Date(taken.getTime() + 1000),
    });
    const kept = readdirSync(dir).filter((n) => n.startsWith("lotse-"));
    expect(kept).not.toContain(old.file);
    expect(kept.sort()).toEqual(
      [manifest.file, `${manifest.file}.json`, next.file, `${next.file}.json`].sort(),
    );
  });

  it("refuses to restore a damaged file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-backup-"));
    const bad = path.join(dir, "kaputt.db");
    copyFileSync(path.resolve("package.json"), bad);
    await expect(
      restoreDatabase({ databaseUrl: `file:${path.join(dir, "ziel.db")}`, backup: bad }),
    ).rejects.toThrow();
    expect(existsSync(path.join(dir, "ziel.db"))).toBe(false);
  });

  it("takes the daily backup once a Berlin day from 02:00, and names the newest", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-daily-"));
    const settings = { enabled: true, databaseUrl: env.DATABASE_URL, dir, keepDays: 30 };
    expect(latestBackup(dir)).toBeNull();
    const day = today();
    expect(await dailyBackup(atTime(day, "01:30"), settings)).toBeNull();
    const first = await dailyBackup(atTime(day, "02:05"), settings);
    expect(first?.integrity).toBe("ok");
    expect(await dailyBackup(atTime(day, "23:50"), settings)).toBeNull();
    expect(latestBackup(dir)?.file).toBe(first?.file);
    expect(await dailyBackup(atTime(day, "03:00"), { ...settings, enabled: false })).toBeNull();
    expect(readdirSync(dir).filter((f) => f.endsWith(".db"))).toHaveLength(1);
  });
});
