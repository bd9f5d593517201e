import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createParticipant, createUser } from "../../../tests/factories";
import { ageBand, esfDataQuality, esfSheet, pseudonym } from "./esf.server";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("ESF monitoring export", () => {
  it("lists entries and exits of the period, pseudonymised, with the monitoring fields", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: { name: "ESF", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    const mk = (
      data: Record<string, unknown>,
      ...stays: NonNullable<Parameters<typeof createParticipant>[1]>
    ) =>
      createParticipant(
        {
          projectId: project.id,
          firstName: "Mira",
          lastName: "Geheim",
          coachId: coach.id,
          ...data,
        },
        stays,
      );
    const person = { birthDate: day("2001-05-10"), gender: "w", schoolCertificate: "realschule" };
    const left = await mk(person, {
      entry: "2025-02-01",
      exit: "2025-05-31",
      labourStatus: "langzeitarbeitslos",
    });
    await db.outcome.create({
      data: {
        participantId: left.id,
        stayId: left.stays[0],
        type: "ausbildung",
        partTime: true,
        startDate: day("2025-08-01"),
      },
    });
    await mk({ schoolCertificate: "abitur" }, { entry: "2025-04-15" });
    await mk({}, { entry: "2025-07-01" });
    // Left in April without a result, came back in June: two rows, numbered, each with its own
    // labour status at entry and outcome at exit.
    const back = await mk(
      person,
      { entry: "2025-01-10", exit: "2025-04-30", labourStatus: "arbeitslos" },
      { entry: "2025-06-02", labourStatus: "nicht_erwerbstaetig" },
    );
    await db.outcome.create({
      data: { participantId: back.id, stayId: back.stays[0], type: "sonstiges" },
    });

    const sheet = await esfSheet(project.id, { from: "2025-04-01", to: "2025-06-30" });
    expect(sheet.header).toEqual([
      "Kennung",
      "Teilnahme-Nr.",
      "Eintritt",
      "Austritt",
      "Geschlecht",
      "Altersgruppe bei Eintritt",
      "Erwerbsstatus bei Eintritt",
      "Bildungsstand (ISCED)",
      "Verbleib bei Austritt",
      "Fehlende Pflichtangaben",
    ]);
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.rows[0]).toEqual([
      pseudonym(back.id),
      1,
      day("2025-01-10"),
      day("2025-04-30"),
      "weiblich",
      "18–24",
      "arbeitslos",
      "ISCED 2",
      "Sonstiges",
      "",
    ]);
    expect(sheet.rows[1]).toEqual([
      pseudonym(left.id),
      1,
      day("2025-02-01"),
      day("2025-05-31"),
      "weiblich",
      "18–24",
      "langzeitarbeitslos (12 Monate und länger)",
      "ISCED 2",
      "Ausbildung (Teilzeit)",
      "",
    ]);
    expect(sheet.rows[2]![7]).toBe("ISCED 3");
    expect(sheet.rows[2]![8]).toBe("");
    expect(sheet.rows[3]).toEqual([
      pseudonym(back.id),
      2,
      day("2025-06-02"),
      null,
      "weiblich",
      "18–24",
      "nicht erwerbstätig (z. B. Elternzeit)",
      "ISCED 2",
      "",
      "",
    ]);
    expect(sheet.rows[2]![9]).toBe("Geschlecht, Erwerbsstatus bei Eintritt");

    // Before the export: the same incomplete row, named with a link target, counted per field.
    const quality = await esfDataQuality(project.id, { from: "2025-04-01", to: "2025-06-30" });
    expect(quality.rows).toBe(4);
    expect(quality.incomplete.map((r) => [r.name, r.missing])).toEqual([
      ["Mira Geheim", ["gender", "labourStatus"]],
    ]);
    expect(quality.byField).toEqual([
      { field: "gender", count: 1 },
      { field: "labourStatus", count: 1 },
      { field: "education", count: 0 },
      { field: "outcome", count: 0 },
    ]);
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
