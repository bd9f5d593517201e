import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createUser } from "../../../tests/factories";
import { ageBand, esfSheet, pseudonym } from "./esf.server";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("ESF monitoring export", () => {
  it("lists entries and exits of the period, pseudonymised, with the monitoring fields", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: { name: "ESF", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    const mk = (data: Record<string, unknown>) =>
      db.participant.create({
        data: {
          projectId: project.id,
          firstName: "Mira",
          lastName: "Geheim",
          birthDate: day("2001-05-10"),
          coachId: coach.id,
          ...data,
        },
      });
    const left = await mk({
      entryDate: day("2025-02-01"),
      exitDate: day("2025-05-31"),
      gender: "w",
      labourStatus: "langzeitarbeitslos",
      schoolCertificate: "realschule",
    });
    await db.outcome.create({
      data: {
        participantId: left.id,
        type: "ausbildung",
        partTime: true,
        startDate: day("2025-08-01"),
      },
    });
    await mk({ entryDate: day("2025-04-15"), schoolCertificate: "abitur" });
    await mk({ entryDate: day("2025-07-01") });

    const sheet = await esfSheet(project.id, { from: day("2025-04-01"), to: day("2025-06-30") });
    expect(sheet.header).toEqual([
      "Kennung",
      "Eintritt",
      "Austritt",
      "Geschlecht",
      "Altersgruppe bei Eintritt",
      "Erwerbsstatus bei Eintritt",
      "Bildungsstand (ISCED)",
      "Verbleib bei Austritt",
    ]);
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0]).toEqual([
      pseudonym(left.id),
      day("2025-02-01"),
      day("2025-05-31"),
      "weiblich",
      "18–24",
      "langzeitarbeitslos (12 Monate und länger)",
      "ISCED 2",
      "Ausbildung (Teilzeit)",
    ]);
    expect(sheet.rows[1]![6]).toBe("ISCED 3");
    expect(sheet.rows[1]![7]).toBe("");
    const text = JSON.stringify(sheet);
    expect(text).not.toContain("Mira");
    expect(text).not.toContain("Geheim");
    expect(text).not.toContain("2001");
    expect(pseudonym(left.id)).toBe(pseudonym(left.id));
    expect(pseudonym(left.id)).toMatch(/^TN-[A-Z0-9]{10}$/);
    expect([17, 18, 24, 25, 29, 30].map(ageBand)).toEqual([
      "unter 18",
      "18–24",
      "18–24",
      "25–29",
      "25–29",
      "30 und älter",
    ]);
  });
});
