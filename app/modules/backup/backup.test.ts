import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { db, engine, openDatabase } from "~/db.server";
import { env } from "~/env.server";
import { atTime, dateOnly, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { answerRequest, checkIdentity, recordRequest } from "~/modules/requests/requests.server";
import { applyPlan, draftPlan } from "~/modules/retention/apply.server";
import { createUser } from "../../../tests/factories";
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

// The backup command copies the SQLite file; PostgreSQL is backed up with pg_dump or the
// operator's own tooling (README, "Betrieb mit PostgreSQL").
describe.runIf(engine === "sqlite")("backup and restore of the SQLite file", () => {
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

  it("an erasure made after the backup is applied again when that backup is restored", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lotse-replay-"));
    const admin = (await createUser("admin")) as SessionUser;
    const lead = (await createUser("leitung")) as SessionUser;
    const coach = await createUser("jobcoach");
    const paid = await db.project.create({
      data: {
        name: "Lange abgerechnet",
        startDate: dateOnly("2015-01-01"),
        endDate: dateOnly("2015-12-31"),
        lastPaymentOn: dateOnly("2016-03-12"),
      },
    });
    const person = (lastName: string) =>
      db.participant.create({
        data: {
          firstName: "Wiebke",
          lastName,
          birthDate: dateOnly("1995-04-02"),
          email: `${lastName.toLowerCase()}@example.org`,
          coachId: coach.id,
          projectId: paid.id,
          stays: {
            create: {
              projectId: paid.id,
              entryDate: dateOnly("2015-02-01"),
              exitDate: dateOnly("2015-09-30"),
            },
          },
        },
        select: { id: true },
      });
    const old = await person("Zurückgekehrt");
    const asked = await db.participant.create({
      data: {
        firstName: "Wiebke",
        lastName: "Antragstellerin",
        birthDate: dateOnly("2000-01-01"),
        email: "antrag@example.org",
        coachId: coach.id,
      },
      select: { id: true },
    });
    const kept = await db.participant.create({
      data: {
        firstName: "Wiebke",
        lastName: "Bleibt",
        birthDate: dateOnly("2000-01-01"),
        email: "bleibt@example.org",
        coachId: coach.id,
      },
      select: { id: true },
    });
    const manifest = await backupDatabase({ databaseUrl: env.DATABASE_URL, dir, keepDays: 30 });

    // After the backup: the retention rules anonymise one person, a request erases another's contact data.
    const later = new Date(Date.parse(manifest.createdAt) + 1000);
    const plan = await draftPlan(admin, later);
    await applyPlan(plan.id, admin, { now: later });
    const request = await recordRequest(
      lead,
      { kind: "participant", id: asked.id },
      { kind: "loeschung", receivedOn: new Date() },
    );
    await checkIdentity(lead, request.id, "Personalausweis");
    await answerRequest(lead, request.id, {
      entscheidung_esf_nachweis: "refuse",
      grund_esf_nachweis: "Nachweis",
      entscheidung_tn_kontakt: "erase",
      entscheidung_tn_beratung: "erase",
      entscheidung_einwilligung: "erase",
      entscheidung_kontaktverlauf: "erase",
      entscheidung_veranstaltung_anmeldung: "erase",
    });
    expect(
      (await db.participant.findUniqueOrThrow({ where: { id: old.id } })).anonymisedAt,
    ).not.toBeNull();

    // Restoring the backup brings the old state back – and the journal erases them again.
    const target = path.join(dir, "wiederhergestellt.db");
    copyFileSync(env.DATABASE_URL.slice("file:".length), target);
    const { replayed } = await restoreDatabase({
      databaseUrl: `file:${target}`,
      backup: path.join(dir, manifest.file),
      journalDir: env.BACKUP_DIR,
    });
    expect(replayed.entries).toBeGreaterThanOrEqual(3);
    const restored = openDatabase(`file:${target}`);
    try {
      const get = (id: string) =>
        restored.participant.findUniqueOrThrow({
          where: { id },
          select: { lastName: true, email: true, anonymisedAt: true },
        });
      expect(await get(old.id)).toMatchObject({ lastName: "", email: null });
      expect((await get(old.id)).anonymisedAt).not.toBeNull();
      expect(await get(asked.id)).toMatchObject({ lastName: "Antragstellerin", email: null });
      expect(await get(kept.id)).toMatchObject({ lastName: "Bleibt", email: "bleibt@example.org" });
    } finally {
      await restored.$disconnect();
    }
    const bytes = readFileSync(target);
    expect(bytes.includes(Buffer.from("Zurückgekehrt"))).toBe(false);
    expect(bytes.includes(Buffer.from("antrag@example.org"))).toBe(false);
    // The journal holds steps and ids, no values.
    const journal = readFileSync(path.join(env.BACKUP_DIR, "loeschjournal.jsonl"), "utf8");
    expect(journal).not.toMatch(/Zurückgekehrt|example\.org|Wiebke/);
  });
});
