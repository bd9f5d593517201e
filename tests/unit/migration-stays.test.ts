// An installation that recorded participants before stays existed: the migration gives each
// participant with an entry date one stay with their dates, and hangs their outcomes on it.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";

const DIR = "prisma/migrations";
const STAYS = readdirSync(DIR).find((d) => d.endsWith("_participant_stays"))!;

describe("migration participant_stays", () => {
  it("backfills one stay per participant with an entry date and links the outcomes", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lotse-mig-")), "db.sqlite");
    const db = createClient({ url: `file:${file}` });
    const migrations = readdirSync(DIR)
      .filter((d) => /^\d{14}_/.test(d))
      .sort();
    for (const m of migrations.filter((d) => d < STAYS))
      await db.executeMultiple(readFileSync(join(DIR, m, "migration.sql"), "utf8"));
    const now = "2025-06-01T00:00:00.000+00:00";
    await db.executeMultiple(`
      INSERT INTO User (id, email, name, role, passwordHash, createdAt, updatedAt)
        VALUES ('u1', 'c@x.de', 'C', 'jobcoach', 'x', '${now}', '${now}');
      INSERT INTO Project (id, name, startDate, endDate, createdAt, updatedAt)
        VALUES ('p1', 'P', '2025-01-01T00:00:00.000+00:00', '2026-12-31T00:00:00.000+00:00', '${now}', '${now}');
      INSERT INTO Participant (id, projectId, firstName, lastName, birthDate, coachId, entryDate, exitDate, labourStatus, status, createdAt, updatedAt)
        VALUES ('a', 'p1', 'A', 'T', '2002-01-01T00:00:00.000+00:00', 'u1', '2025-02-01T00:00:00.000+00:00', '2025-05-31T00:00:00.000+00:00', 'arbeitslos', 'ausgeschieden', '${now}', '${now}'),
               ('b', 'p1', 'B', 'T', '2002-01-01T00:00:00.000+00:00', 'u1', NULL, NULL, NULL, 'interessiert', '${now}', '${now}');
      INSERT INTO Outcome (id, participantId, type, createdAt, updatedAt)
        VALUES ('o1', 'a', 'arbeit', '${now}', '${now}');
    `);
    for (const m of migrations.filter((d) => d >= STAYS))
      await db.executeMultiple(readFileSync(join(DIR, m, "migration.sql"), "utf8"));
    const stays = await db.execute(
      "SELECT participantId, projectId, entryDate, exitDate, labourStatus FROM ParticipantStay",
    );
    expect(stays.rows.map((r) => ({ ...r }))).toEqual([
      {
        participantId: "a",
        projectId: "p1",
        entryDate: "2025-02-01T00:00:00.000+00:00",
        exitDate: "2025-05-31T00:00:00.000+00:00",
        labourStatus: "arbeitslos",
      },
    ]);
    const outcome = await db.execute("SELECT stayId FROM Outcome WHERE id = 'o1'");
    expect(outcome.rows[0]!.stayId).toBe("stay_a");
    db.close();
  });
});
