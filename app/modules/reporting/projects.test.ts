import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, formatDay, today } from "~/lib/day";
import { personSearchName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { listMultipliers, multiplierCoverage } from "./multipliers.server";
import { projectSchema } from "./project-schema";
import { listProjects, saveProject } from "./projects.server";

beforeAll(() => ensureReferenceData(), 60_000);

const form = (over: Record<string, unknown> = {}) =>
  projectSchema.parse({
    name: "MiKA-plus III",
    startDate: "01.01.2028",
    endDate: "31.12.2030",
    districts: ["15003", "15089"],
    target_participants: "114",
    target_apprenticeship_rate: "50",
    ...over,
  });

describe("projects and targets", () => {
  it("saves period, districts and targets (rates in percent), and refuses a stale save", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const { id } = await saveProject(lead, null, form());
    const stored = await db.project.findUniqueOrThrow({
      where: { id },
      include: { targets: true, districts: true },
    });
    expect(Object.fromEntries(stored.targets.map((t) => [t.kpi, t.value]))).toEqual({
      participants: 114,
      apprenticeship_rate: 0.5,
    });
    expect(stored.districts.map((d) => d.districtAgs).sort()).toEqual(["15003", "15089"]);

    await saveProject(lead, id, {
      ...form({ target_participants: "", target_workshops: "40" }),
      version: 1,
    });
    const after = await db.target.findMany({ where: { projectId: id }, orderBy: { kpi: "asc" } });
    expect(after.map((t) => [t.kpi, t.value])).toEqual([
      ["apprenticeship_rate", 0.5],
      ["workshops", 40],
    ]);
    await expect(saveProject(lead, id, { ...form(), version: 1 })).rejects.toMatchObject({
      status: 409,
    });
    expect(projectSchema.safeParse({ ...form(), startDate: "01.01.2031" }).success).toBe(false);
  });
});

describe("retention of a project's evidence", () => {
  it("runs from the funder's last payment: kept until 31 December five years later", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const { id } = await saveProject(lead, null, form());
    expect((await listProjects()).find((p) => p.id === id)?.evidenceKeptUntil).toBeNull();

    const paid = addDays(today(), -40);
    await saveProject(lead, id, { ...form({ lastPaymentOn: formatDay(paid) }), version: 1 });
    const listed = (await listProjects()).find((p) => p.id === id);
    expect(listed?.evidenceKeptUntil).toBe(`${Number(paid.slice(0, 4)) + 5}-12-31`);

    const refused = projectSchema.safeParse({
      name: "X",
      startDate: "01.01.2028",
      endDate: "31.12.2030",
      lastPaymentOn: formatDay(addDays(today(), 1)),
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["lastPaymentOn", "Die letzte Zahlung kann nicht in der Zukunft liegen."],
    ]);
  });
});

describe("multiplier outreach", () => {
  it("lists flagged companies and contact persons with the next follow-up, and counts them per district", async () => {
    const coach = await createUser("jobcoach");
    const ihk = await db.company.create({
      data: {
        name: "IHK Magdeburg",
        normalizedName: "ihk magdeburg",
        multiplierType: "ihk",
        districtAgs: "15003",
        ownerId: coach.id,
      },
    });
    const firm = await db.company.create({
      data: { name: "Bäckerei", normalizedName: "baeckerei", districtAgs: "15089" },
    });
    await db.contactPerson.create({
      data: {
        firstName: "Jana",
        lastName: "Jobcenter",
        normalizedName: personSearchName("Jana", "Jobcenter"),
        multiplierType: "jobcenter",
        companyId: firm.id,
      },
    });
    await db.followUp.create({
      data: {
        title: "Nachfassen",
        dueDate: new Date("2027-01-10T00:00:00Z"),
        assigneeId: coach.id,
        createdById: coach.id,
        companyId: ihk.id,
      },
    });
    const rows = await listMultipliers();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["IHK Magdeburg"]).toMatchObject({
      kind: "company",
      type: "ihk",
      districtName: "Magdeburg",
      owner: coach.name,
    });
    expect(String(byName["IHK Magdeburg"]!.nextFollowUp)).toContain("2027-01-10");
    expect(byName["Jana Jobcenter (Bäckerei)"]).toMatchObject({
      kind: "contact",
      type: "jobcenter",
      districtAgs: "15089",
    });
    expect(byName.Bäckerei).toBeUndefined();
    const coverage = Object.fromEntries(multiplierCoverage(rows).map((c) => [c.ags, c.counts]));
    expect(coverage["15003"]).toMatchObject({ ihk: 1 });
    expect(coverage["15089"]).toMatchObject({ jobcenter: 1 });
  });
});
