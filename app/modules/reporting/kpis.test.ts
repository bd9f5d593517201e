import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { projectKpis } from "./kpis.server";

beforeAll(() => ensureReferenceData(), 60_000);

describe("project KPIs", () => {
  it("counts a hand-made dataset exactly as the stated definitions say", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: {
        name: "Test",
        startDate: new Date("2025-01-01"),
        endDate: new Date("2025-12-31"),
        targets: {
          create: [
            { kpi: "participants", value: 4 },
            { kpi: "apprenticeship_rate", value: 0.5 },
          ],
        },
      },
    });
    const occupation = await db.occupation.findFirstOrThrow();
    const company = await db.company.create({
      data: { name: "A", normalizedName: "a", informedAt: new Date("2025-03-01") },
    });
    await db.company.create({
      data: { name: "B", normalizedName: "b", informedAt: new Date("2024-12-31") },
    });
    const mk = (entry: Date | null) =>
      db.participant.create({
        data: {
          projectId: project.id,
          firstName: "T",
          lastName: "N",
          birthDate: new Date("2002-01-01"),
          coachId: coach.id,
          entryDate: entry,
        },
      });
    const [p1, p2] = await Promise.all([
      mk(new Date("2025-02-01")),
      mk(new Date("2025-03-01")),
      mk(new Date("2025-04-01")),
      mk(null),
    ]);
    await db.outcome.create({ data: { participantId: p1!.id, type: "ausbildung" } });
    await db.outcome.create({ data: { participantId: p2!.id, type: "arbeit" } });
    for (const status of ["vorgeschlagen", "laeuft", "abgeschlossen", "abgebrochen"]) {
      await db.internship.create({
        data: {
          projectId: project.id,
          participantId: p1!.id,
          companyId: company.id,
          occupationId: occupation.id,
          status,
        },
      });
    }
    await db.event.create({
      data: {
        projectId: project.id,
        type: "workshop",
        title: "W1",
        startsAt: new Date("2025-05-01"),
        publicSlug: "w1",
      },
    });
    await db.event.create({
      data: {
        projectId: project.id,
        type: "workshop",
        title: "W2",
        startsAt: new Date("2025-06-01"),
        publicSlug: "w2",
        cancelledAt: new Date(),
      },
    });
    await db.event.create({
      data: {
        projectId: project.id,
        type: "workshop",
        title: "W3",
        startsAt: new Date("2025-11-01"),
        publicSlug: "w3",
      },
    });

    const kpis = Object.fromEntries(
      (await projectKpis(project.id, new Date("2025-07-01"))).map((k) => [k.kpi, k]),
    );
    expect(kpis.participants).toMatchObject({ actual: 3, target: 4 });
    expect(kpis.apprenticeship_rate!.actual).toBeCloseTo(1 / 3);
    expect(kpis.internships!.actual).toBe(3);
    expect(kpis.workshops!.actual).toBe(1);
    expect(kpis.employers_informed!.actual).toBe(1);
    expect(kpis.internships!.target).toBeNull();
  });
});
