import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, dayOf, startOfDay, today } from "~/lib/day";
import { parseListParams } from "~/lib/list-params";
import { listCompanies, parseCompanyFilters } from "~/modules/company/service.server";
import { COMPANY_SORTS } from "~/modules/company/values";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createOutcome, createParticipant, createUser } from "../../../tests/factories";
import { computeKpis, kpisByDistrict, kpisByMonth, projectKpis, targetStatus } from "./kpis.server";
import { projectToDate, runningProject } from "./period";

beforeAll(() => ensureReferenceData(), 60_000);

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// A hand-made project; each expected number below is counted by hand from these records
// (see docs/kpi-definitions.md). The period is the second quarter of 2025.
describe("KPIs for a period", () => {
  it("counts exactly what the definitions say, including the first and last day", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: {
        name: "Testprojekt",
        startDate: day("2025-01-01"),
        endDate: day("2025-12-31"),
        targets: {
          create: [
            { kpi: "participants", value: 8 },
            { kpi: "apprenticeship_rate", value: 0.5 },
          ],
        },
      },
    });
    const other = await db.project.create({
      data: { name: "Anderes", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    type Stay = { entry: string; exit?: string | null; projectId?: string };
    const mk = (name: string, ...stays: Stay[]) =>
      createParticipant({ projectId: project.id, firstName: name, coachId: coach.id }, stays);
    const a = await mk("A", { entry: "2025-03-31", exit: "2025-04-01" }); // left on the first day
    const b = await mk("B", { entry: "2025-04-01" }); // entered on the first day
    await mk("C", { entry: "2025-06-30", exit: "2025-07-01" }); // entered on the last day, left after
    await mk("D", { entry: "2025-07-01" }); // after the period
    await mk("E"); // no entry yet
    const f = await mk("F", { entry: "2025-02-01", exit: "2025-03-15" }); // before the period
    await mk("G", { entry: "2025-05-01", projectId: other.id }); // another project
    // Re-entries: H left before the period and came back in it; I entered, left, came back and
    // left again, all in the period; J was in the other project first, then entered this one.
    const h = await mk("H", { entry: "2025-01-10", exit: "2025-02-28" }, { entry: "2025-05-02" });
    const i = await mk(
      "I",
      { entry: "2025-04-10", exit: "2025-05-10" },
      { entry: "2025-06-01", exit: "2025-06-20" },
    );
    const j = await mk(
      "J",
      { entry: "2025-01-05", exit: "2025-03-01", projectId: other.id },
      { entry: "2025-04-20" },
    );
    const outcome = createOutcome;
    await outcome(a, 0, "ausbildung", "2025-04-01", true);
    await outcome(b, 0, "arbeit", "2025-06-30");
    await outcome(f, 0, "schule", "2025-03-15");
    await outcome(h, 0, "sonstiges", "2025-02-28");
    await outcome(i, 1, "ausbildung", "2025-06-20");
    await outcome(j, 0, "arbeit", "2025-02-20"); // in the other project: not counted here
    const occupation = await db.occupation.findFirstOrThrow();
    const company = await db.company.create({ data: { name: "Praxis", normalizedName: "praxis" } });
    const internship = (status: string, start: string, end: string | null, ledToOffer = false) =>
      db.internship.create({
        data: {
          projectId: project.id,
          participantId: a.id,
          companyId: company.id,
          occupationId: occupation.id,
          status,
          startDate: day(start),
          endDate: end ? day(end) : null,
          ledToOffer,
        },
      });
    await internship("laeuft", "2025-04-10", "2025-04-24");
    await internship("abgeschlossen", "2025-03-01", "2025-04-05", true);
    await internship("vorgeschlagen", "2025-05-01", null);
    await internship("abgeschlossen", "2025-06-01", "2025-07-02");
    const event = async (type: string, startsAt: string, cancelled = false) =>
      db.event.create({
        data: {
          projectId: project.id,
          type,
          title: `${type} ${startsAt}`,
          startsAt: new Date(startsAt),
          publicSlug: `${type}-${startsAt}`,
          cancelledAt: cancelled ? new Date() : null,
        },
      });
    const w1 = await event("workshop", "2025-04-15T14:00:00Z");
    await event("workshop", "2025-05-01T14:00:00Z", true);
    const s1 = await event("stammtisch", "2025-06-30T18:00:00Z");
    await event("workshop", "2025-07-10T14:00:00Z");
    await db.eventRegistration.createMany({
      data: [
        { eventId: w1.id, name: "x", source: "coach", attendance: "anwesend" },
        { eventId: w1.id, name: "y", source: "coach", attendance: "anwesend" },
        { eventId: w1.id, name: "z", source: "coach", attendance: "nicht_erschienen" },
        { eventId: s1.id, name: "v", source: "oeffentlich", attendance: "anwesend", persons: 3 },
      ],
    });
    const informed = (name: string, at: string, multiplierType: string | null = null) =>
      db.company.create({
        data: {
          name,
          normalizedName: name.toLowerCase(),
          informedAt: new Date(at),
          multiplierType,
        },
      });
    // Berlin days (summer time, UTC+2): the period runs from 1 April 00:00 to 30 June 24:00.
    const ihk = await informed("IHK", "2025-03-31T22:00:00Z", "ihk"); // 1 April, 00:00
    await informed("Spät", "2025-06-30T21:59:00Z"); // 30 June, 23:59
    await informed("Früh", "2025-03-31T21:59:00Z"); // 31 March, 23:59
    await informed("Danach", "2025-06-30T22:00:00Z"); // 1 July, 00:00
    const jobcenterContact = await db.contactPerson.create({
      data: {
        firstName: "J",
        lastName: "C",
        normalizedName: "j c",
        companyId: company.id,
        multiplierType: "jobcenter",
      },
    });
    const interaction = (
      companyId: string,
      at: string,
      contactId: string | null = null,
      deleted = false,
    ) =>
      db.interaction.create({
        data: {
          type: "anruf",
          occurredAt: new Date(at),
          authorId: coach.id,
          companyId,
          contactId,
          deletedAt: deleted ? new Date() : null,
        },
      });
    await interaction(ihk.id, "2025-05-05T10:00:00Z");
    await interaction(company.id, "2025-06-01T10:00:00Z", jobcenterContact.id);
    await interaction(ihk.id, "2025-03-01T10:00:00Z");
    await interaction(ihk.id, "2025-05-06T10:00:00Z", null, true);
    await interaction(company.id, "2025-05-07T10:00:00Z");

    const k = await computeKpis(
      project.id,
      { from: "2025-04-01", to: "2025-06-30" },
      new Date("2025-07-15T00:00:00Z"),
    );
    // Entered (first stay in the project): B, C, I, J. Re-entered: H, I. In a stay at the end
    // of 30 June: B, C (left 1 July), H, J. Left in the period: A, I (twice, one person).
    expect(k.participants).toEqual({ entered: 4, reentered: 2, active: 4, exited: 2 });
    // In the period: A apprenticeship (part-time), I apprenticeship (second stay), B job.
    // Base: everyone with a stay in the project before 1 July: A, B, C, F, H, I, J = 7.
    // Integrated so far: A, B, F, I = 4; apprenticeship so far: A, I = 2.
    expect(k.outcomes).toEqual({
      apprenticeship: 2,
      apprenticeshipPartTime: 1,
      job: 1,
      school: 0,
      integrated: 3,
      base: 7,
      integrationRate: 4 / 7,
      apprenticeshipRate: 2 / 7,
    });
    expect(k.internships).toEqual({ total: 2, completed: 1, ledToOffer: 1 });
    expect(k.events).toEqual({ workshops: 1, other: 1, attendance: 5 });
    expect(k.employersInformed).toBe(2);
    expect(k.multiplierContacts.total).toBe(2);
    expect(k.multiplierContacts.byType).toMatchObject({ ihk: 1, jobcenter: 1, hwk: 0 });

    // Against targets, for the project so far (1 Jan – 1 Jul, about half its duration).
    const rows = Object.fromEntries(
      (await projectKpis(project.id, new Date("2025-07-01T12:00:00Z"))).map((r) => [r.kpi, r]),
    );
    // Entered 1 Jan – 1 Jul: A, B, C, D, F, H, I, J = 8 (H and I once each);
    // forecast 8 ÷ 0.4986 ≈ 16.
    expect(rows.participants).toMatchObject({
      actual: 8,
      target: 8,
      forecast: 16,
      status: "reached",
    });
    expect(rows.apprenticeship_rate).toMatchObject({
      actual: 2 / 8,
      target: 0.5,
      status: "at_risk",
    });
    expect(rows.internships!.target).toBeNull();
    expect(rows.internships!.status).toBeNull();
  });
});

describe("target status", () => {
  it("reached, on track by the forecast, at risk, or not yet to tell", () => {
    expect(targetStatus(10, 10, 20)).toBe("reached");
    expect(targetStatus(4, 10, 12)).toBe("on_track");
    expect(targetStatus(4, 10, 9)).toBe("at_risk");
    expect(targetStatus(1, 10, null)).toBeNull();
    expect(targetStatus(5, null, 12)).toBeNull();
  });
});

describe("breakdowns", () => {
  it("spreads a period's figures over its months and the served districts", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: { name: "Aufteilung", startDate: day("2024-01-01"), endDate: day("2024-12-31") },
    });
    const mk = (districtAgs: string, ...stays: { entry: string; exit?: string }[]) =>
      createParticipant({ projectId: project.id, coachId: coach.id, districtAgs }, stays);
    const a = await mk("15089", { entry: "2024-04-01", exit: "2024-06-30" });
    await mk("15089", { entry: "2024-04-30" });
    await mk("15003", { entry: "2024-06-15" });
    await mk("15003", { entry: "2024-07-01" });
    // Left in April, back in May: one entry (April) and one exit; the re-entry is no new entry.
    await mk("15003", { entry: "2024-04-03", exit: "2024-04-20" }, { entry: "2024-05-10" });
    await db.outcome.create({
      data: {
        participantId: a.id,
        stayId: a.stays[0],
        type: "ausbildung",
        startDate: day("2024-06-01"),
      },
    });
    await db.company.create({
      data: {
        name: "Informiert",
        normalizedName: "informiert-breakdown",
        districtAgs: "15090",
        informedAt: new Date("2024-05-20T10:00:00Z"),
      },
    });
    const period = { from: "2024-04-01", to: "2024-06-30" };
    expect(await kpisByMonth(project.id, period)).toEqual([
      { month: "2024-04", entered: 3, exited: 1, internships: 0, employersInformed: 0 },
      { month: "2024-05", entered: 0, exited: 0, internships: 0, employersInformed: 1 },
      { month: "2024-06", entered: 1, exited: 1, internships: 0, employersInformed: 0 },
    ]);
    const districts = Object.fromEntries(
      (await kpisByDistrict(project.id, period)).map((d) => [d.ags, d]),
    );
    expect(Object.keys(districts).sort()).toEqual(["15003", "15083", "15086", "15089", "15090"]);
    expect(districts["15089"]).toMatchObject({ entered: 2, apprenticeship: 1 });
    expect(districts["15003"]).toMatchObject({ entered: 2, apprenticeship: 0 });
    expect(districts["15090"]).toMatchObject({ entered: 0, employersInformed: 1 });
  });
});

describe("a coach's own numbers", () => {
  it("count only the participants the coach looks after; companies and events stay the project's", async () => {
    const [mine, theirs] = [await createUser("jobcoach"), await createUser("jobcoach")];
    const project = await db.project.create({
      data: { name: "Eigene Zahlen", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    const mk = (coachId: string, ...stays: { entry: string; exit?: string }[]) =>
      createParticipant({ projectId: project.id, coachId }, stays);
    const a = await mk(
      mine.id,
      { entry: "2025-02-01", exit: "2025-03-01" },
      { entry: "2025-04-01" },
    );
    await mk(mine.id, { entry: "2025-05-01" });
    const c = await mk(theirs.id, { entry: "2025-02-10", exit: "2025-06-01" });
    await db.outcome.createMany({
      data: [
        {
          participantId: a.id,
          stayId: a.stays[0],
          type: "ausbildung",
          startDate: day("2025-03-01"),
        },
        { participantId: c.id, stayId: c.stays[0], type: "arbeit", startDate: day("2025-06-01") },
      ],
    });
    const occupation = await db.occupation.findFirstOrThrow();
    const company = await db.company.create({
      data: {
        name: "Eigene",
        normalizedName: "eigene",
        informedAt: new Date("2025-03-03T10:00:00Z"),
      },
    });
    await db.internship.create({
      data: {
        projectId: project.id,
        participantId: c.id,
        companyId: company.id,
        occupationId: occupation.id,
        status: "laeuft",
        startDate: day("2025-03-10"),
      },
    });
    const period = { from: "2025-01-01", to: "2025-06-30" };
    const now = new Date("2025-07-01T00:00:00Z");
    const own = await computeKpis(project.id, period, now, mine.id);
    expect(own.participants).toEqual({ entered: 2, reentered: 1, active: 2, exited: 1 });
    expect(own.outcomes).toMatchObject({
      apprenticeship: 1,
      job: 0,
      base: 2,
      integrationRate: 1 / 2,
    });
    expect(own.internships.total).toBe(0);
    const all = await computeKpis(project.id, period, now);
    expect(own.employersInformed).toBe(all.employersInformed);
    expect(all.participants).toEqual({ entered: 3, reentered: 1, active: 2, exited: 2 });
    expect(all.outcomes).toMatchObject({ apprenticeship: 1, job: 1, base: 3 });
    expect(all.internships.total).toBe(1);
  });
});

// Days are Berlin days: SQLite stores instants in UTC, so the boundaries must come from the day
// module. Each case below fails if periods are cut at UTC midnight or end a day early.
describe("days of a report are the team's days", () => {
  it("counts an employer informed at 00:30 on 1 March (Berlin) in March, in its list too", async () => {
    const project = await db.project.create({
      data: { name: "Märztest", startDate: day("2027-01-01"), endDate: day("2027-12-31") },
    });
    const informed = (name: string, at: string) =>
      db.company.create({
        data: {
          name,
          normalizedName: name.toLowerCase(),
          districtAgs: "15003",
          informedAt: new Date(at),
        },
      });
    await informed("Kurz nach Mitternacht", "2027-02-28T23:30:00Z"); // 1 March, 00:30 in Berlin
    await informed("Letzter Februarabend", "2027-02-28T22:30:00Z"); // 28 February, 23:30
    await informed("Letzter Märztag", "2027-03-31T21:30:00Z"); // 31 March, 23:30 (summer time)

    const march = { from: "2027-03-01", to: "2027-03-31" };
    const february = { from: "2027-02-01", to: "2027-02-28" };
    expect((await computeKpis(project.id, march)).employersInformed).toBe(2);
    expect((await computeKpis(project.id, february)).employersInformed).toBe(1);
    expect(
      (await kpisByMonth(project.id, { from: "2027-02-01", to: "2027-03-31" })).map((m) => [
        m.month,
        m.employersInformed,
      ]),
    ).toEqual([
      ["2027-02", 1],
      ["2027-03", 2],
    ]);
    const marchList = await listCompanies(
      parseListParams(new URL("http://x/?sort=name"), {
        sortable: COMPANY_SORTS,
        defaultSort: "name",
      }),
      parseCompanyFilters(
        new URL("http://x/unternehmen?informiert_von=2027-03-01&informiert_bis=2027-03-31"),
        ["15003"],
      ),
    );
    expect(marchList.data.map((c) => c.name)).toEqual(["Kurz nach Mitternacht", "Letzter Märztag"]);
  });

  it("includes the last day of a period that ends on the last day of a month", async () => {
    const coach = await createUser("jobcoach");
    const project = await db.project.create({
      data: { name: "Monatsende", startDate: day("2027-01-01"), endDate: day("2027-12-31") },
    });
    await createParticipant({ projectId: project.id, coachId: coach.id }, [
      { entry: "2027-04-30", exit: "2027-06-30" },
    ]);
    const april = await computeKpis(project.id, { from: "2027-04-01", to: "2027-04-30" });
    expect(april.participants.entered).toBe(1);
    const june = await computeKpis(project.id, { from: "2027-06-01", to: "2027-06-30" });
    expect(june.participants).toMatchObject({ exited: 1, active: 0 });
    const may = await computeKpis(project.id, { from: "2027-05-01", to: "2027-05-31" });
    expect(may.participants).toMatchObject({ entered: 0, exited: 0, active: 1 });
  });
});

describe("a project that has not begun", () => {
  it("has a one-day period, empty figures and months, and the running project opens the reports", async () => {
    const now = new Date();
    const start = startOfDay(addDays(today(now), 400));
    const future = await db.project.create({
      data: { name: "Später", startDate: start, endDate: startOfDay(addDays(today(now), 1200)) },
    });
    const running = await db.project.create({
      data: {
        name: "Jetzt",
        startDate: startOfDay(addDays(today(now), -100)),
        endDate: startOfDay(addDays(today(now), 100)),
      },
    });
    const period = projectToDate(future, now);
    expect(period).toEqual({ from: dayOf(start), to: dayOf(start) });
    expect(await kpisByMonth(future.id, period)).toEqual(
      expect.arrayContaining([expect.objectContaining({ entered: 0 })]),
    );
    expect((await computeKpis(future.id, period, now)).participants.entered).toBe(0);
    expect(runningProject([future, running], now)?.id).toBe(running.id);
    expect(runningProject([future], now)?.id).toBe(future.id);
  });
});
