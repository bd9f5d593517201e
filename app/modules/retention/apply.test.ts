import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, engine } from "~/db.server";
import { env } from "~/env.server";
import { addDays, addMonthsToDay, dateOnly, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { createParticipant as createThroughForm } from "~/modules/participant/editing.server";
import { participantFormSchema } from "~/modules/participant/schema";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { esfSheet } from "~/modules/reporting/esf.server";
import { computeKpis, kpisByDistrict, kpisByMonth } from "~/modules/reporting/kpis.server";
import { createOutcome, createParticipant, createUser } from "../../../tests/factories";
import { anonymiseContact, anonymiseParticipant, generalisedBirthDate } from "./anonymise.server";
import { applyPlan, draftPlan, openPlan, retentionJob, setRetentionSwitch } from "./apply.server";
import { setHold } from "./holds.server";

beforeAll(() => ensureReferenceData(), 60_000);

const day0 = today();
const monthsAgo = (n: number) => dateOnly(addDays(addMonthsToDay(day0, -n), -1));

/** A project whose ESF evidence period ended (last payment seven years ago). */
const endedProject = (name: string) =>
  db.project.create({
    data: {
      name,
      startDate: monthsAgo(110),
      endDate: monthsAgo(90),
      lastPaymentOn: monthsAgo(86),
    },
    select: { id: true },
  });

/** A participant who left `monthsAgo` months ago, with contact and coaching data. */
async function leaver(lastName: string, exitMonthsAgo: number, projectId: string, coachId: string) {
  const exit = monthsAgo(exitMonthsAgo);
  const p = await db.participant.create({
    data: {
      firstName: "Mia",
      lastName,
      birthDate: dateOnly("2001-05-04"),
      street: "Gartenweg 3",
      phone: "0391 123456",
      email: `${lastName.toLowerCase()}@example.org`,
      childcare: "kita",
      notes: "Beratungsnotiz",
      coachId,
      projectId,
      status: "ausgeschieden",
      entryDate: monthsAgo(exitMonthsAgo + 6),
      exitDate: exit,
      stays: { create: { projectId, entryDate: monthsAgo(exitMonthsAgo + 6), exitDate: exit } },
    },
    select: { id: true },
  });
  return p.id;
}

describe("applying a retention plan", () => {
  it("changes exactly the plan's records, once; a stale, foreign or paused apply is refused", async () => {
    const admin = (await createUser("admin")) as SessionUser;
    const lead = (await createUser("leitung")) as SessionUser;
    const coach = await createUser("jobcoach");
    const old = await endedProject("Abgerechnet");
    const unpaid = await db.project.create({
      data: { name: "Noch nicht abgerechnet", startDate: monthsAgo(30), endDate: monthsAgo(6) },
      select: { id: true },
    });
    const gone = await leaver("Fertig", 90, old.id, coach.id);
    // Left 13 months ago, project not yet paid: her contact data goes, her name stays.
    const contactOnly = await leaver("Umgezogen", 13, unpaid.id, coach.id);
    const later = await leaver("Gehalten", 90, old.id, coach.id);

    const plan = await draftPlan(admin);
    const line = (key: string) => plan.lines.find((l) => l.key === key);
    expect(line("esf_nachweis")?.due).toBeGreaterThanOrEqual(2);
    expect(line("tn_kontakt")?.due).toBeGreaterThanOrEqual(3);
    // A hold set after the plan was drawn up still keeps its person.
    await setHold(lead, { participantId: later }, { reason: "Prüfung", until: null });
    // A record that becomes due after the plan is not in it.
    const newcomer = await leaver("Nachzügler", 90, old.id, coach.id);

    await expect(applyPlan("gibt-es-nicht", admin)).rejects.toMatchObject({ status: 404 });
    await setRetentionSwitch(admin, "retention.paused", true);
    await expect(applyPlan(plan.id, admin)).rejects.toMatchObject({ status: 409 });
    await setRetentionSwitch(admin, "retention.paused", false);
    await expect(
      applyPlan(plan.id, admin, { now: addDaysTo(new Date(), 2) }),
    ).rejects.toMatchObject({
      status: 409,
    });

    const report = await applyPlan(plan.id, admin);
    expect(report.remaining).toBe(0);
    expect(report.held).toBeGreaterThanOrEqual(1);
    const person = (id: string) =>
      db.participant.findUniqueOrThrow({
        where: { id },
        select: {
          firstName: true,
          lastName: true,
          email: true,
          street: true,
          notes: true,
          childcare: true,
          anonymisedAt: true,
        },
      });
    expect(await person(gone)).toMatchObject({
      firstName: "Anonymisiert",
      lastName: "",
      email: null,
      street: null,
      notes: null,
      childcare: null,
    });
    expect((await person(gone)).anonymisedAt).not.toBeNull();
    expect(await person(contactOnly)).toMatchObject({
      lastName: "Umgezogen",
      email: null,
      street: null,
      childcare: null,
      notes: null,
      anonymisedAt: null,
    });
    expect(await person(later)).toMatchObject({
      lastName: "Gehalten",
      email: "gehalten@example.org",
    });
    expect(await person(newcomer)).toMatchObject({
      lastName: "Nachzügler",
      notes: "Beratungsnotiz",
    });
    // The deletion log holds counts per table, no values.
    const log = await db.erasureRecord.findMany({ where: { planId: plan.id } });
    expect(log.map((r) => r.rule)).toContain("esf_nachweis");
    expect(JSON.stringify(log)).not.toMatch(/Fertig|fertig@|Gartenweg/);
    expect(
      JSON.parse(log.find((r) => r.rule === "esf_nachweis")!.counts).Participant,
    ).toBeGreaterThanOrEqual(1);

    // A second application of the same plan changes nothing.
    const again = await applyPlan(plan.id, admin);
    expect(again).toEqual({ applied: 0, held: 0, remaining: 0, counts: {} });
    // A newer plan replaces an open one: the older id is stale.
    const first = await draftPlan(admin);
    await draftPlan(admin);
    await expect(applyPlan(first.id, admin)).rejects.toMatchObject({ status: 409 });
  });

  it("stops at the cap and the next run goes on; a failing batch changes nothing of itself", async () => {
    const admin = (await createUser("admin")) as SessionUser;
    const coach = await createUser("jobcoach");
    const old = await endedProject("Gestückelt");
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await leaver(`Teil${i}`, 90, old.id, coach.id));
    const plan = await draftPlan(admin);
    const inPlan = await db.retentionPlanItem.count({ where: { planId: plan.id } });

    const part = await applyPlan(plan.id, admin, { cap: 2 });
    expect(part.applied).toBe(2);
    expect(part.remaining).toBe(inPlan - 2);
    expect((await openPlan())?.remaining).toBe(inPlan - 2);

    // A crash in the middle of a batch: the batch is all or nothing, the rest waits.
    const pending = await db.retentionPlanItem.findMany({
      where: { planId: plan.id, doneAt: null, entity: "participant" },
      select: { recordId: true },
    });
    const victim = pending.at(-1)!.recordId;
    if (engine === "postgres") {
      await db.$executeRawUnsafe(`CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'Absturz'; END $$`);
      await db.$executeRawUnsafe(`CREATE TRIGGER fail_once BEFORE UPDATE ON "Participant"
        FOR EACH ROW WHEN (OLD.id = '${victim}') EXECUTE FUNCTION fail_once()`);
    } else
      await db.$executeRawUnsafe(
        `CREATE TRIGGER fail_once BEFORE UPDATE ON Participant WHEN OLD.id = '${victim}'
       BEGIN SELECT RAISE(ABORT, 'Absturz'); END`,
      );
    const beforeCrash = await db.retentionPlanItem.count({
      where: { planId: plan.id, doneAt: null },
    });
    await expect(applyPlan(plan.id, admin, { cap: 1000 })).rejects.toThrow();
    const afterCrash = await db.retentionPlanItem.count({
      where: { planId: plan.id, doneAt: null },
    });
    await db.$executeRawUnsafe(
      engine === "postgres" ? 'DROP TRIGGER fail_once ON "Participant"' : "DROP TRIGGER fail_once",
    );
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThanOrEqual(beforeCrash);
    expect(
      (await db.participant.findUniqueOrThrow({ where: { id: victim } })).anonymisedAt,
    ).toBeNull();

    const rest = await applyPlan(plan.id, admin, { cap: 1000 });
    expect(rest.remaining).toBe(0);
    const left = await db.participant.count({ where: { id: { in: ids }, anonymisedAt: null } });
    expect(left).toBe(0);
  });

  it("draws up and applies a plan of thousands of records", async () => {
    const admin = (await createUser("admin")) as SessionUser;
    const old = monthsAgo(30);
    await db.auditLog.createMany({
      data: Array.from({ length: 150 }, () => ({
        action: "read",
        entityType: "participant",
        createdAt: old,
      })),
    });
    for (let i = 0; i < 20; i++)
      await db.auditLog.createMany({
        data: Array.from({ length: 150 }, () => ({
          action: "read",
          entityType: "participant",
          createdAt: old,
        })),
      });
    const plan = await draftPlan(admin);
    expect(plan.lines.find((l) => l.key === "protokoll")?.due).toBeGreaterThanOrEqual(3150);
    expect(await db.retentionPlanItem.count({ where: { planId: plan.id } })).toBeGreaterThanOrEqual(
      3150,
    );
    const report = await applyPlan(plan.id, admin, { cap: 100_000 });
    expect(report.remaining).toBe(0);
    expect(await db.auditLog.count({ where: { createdAt: old } })).toBe(0);
  });

  it("runs from the job runner only when switched on and not paused, once a day", async () => {
    const admin = (await createUser("admin")) as SessionUser;
    const coach = await createUser("jobcoach");
    const old = await endedProject("Automatisch");
    const id = await leaver("Automatik", 90, old.id, coach.id);
    const at = new Date(`${addDays(day0, 3)}T05:00:00Z`);
    expect(await retentionJob(at)).toBeNull();
    await setRetentionSwitch(admin, "retention.auto", true);
    await setRetentionSwitch(admin, "retention.paused", true);
    expect(await retentionJob(at)).toBeNull();
    await setRetentionSwitch(admin, "retention.paused", false);
    const report = await retentionJob(at);
    expect(report?.applied).toBeGreaterThanOrEqual(1);
    expect(await retentionJob(at)).toBeNull();
    expect((await db.participant.findUniqueOrThrow({ where: { id } })).anonymisedAt).not.toBeNull();
    await setRetentionSwitch(admin, "retention.auto", false);
  });
});

function addDaysTo(d: Date, n: number) {
  return new Date(d.getTime() + n * 86_400_000);
}

describe("anonymisation keeps the figures", () => {
  it("the birth date goes to 1 July of its year unless an ESF age band at entry would change", () => {
    expect(generalisedBirthDate("2001-05-04", ["2020-01-10"])).toBe("2001-07-01");
    // 17 at entry on 2019-06-10 with the real date (born 2001-11-30); 1 July would make her 17 too.
    expect(generalisedBirthDate("2001-11-30", ["2019-06-10"])).toBe("2001-07-01");
    // Born 2001-03-01, entry 2019-05-01: 18. With 1 July she would be 17: moved to 1 May.
    expect(generalisedBirthDate("2001-03-01", ["2019-05-01"])).toBe("2001-05-01");
  });

  it("dashboard figures and the ESF export of a period are the same before and after (property)", async () => {
    const coach = await createUser("jobcoach");
    const occupation = await db.occupation.findFirstOrThrow({ select: { id: true } });
    const company = await db.company.create({
      data: { name: "Zahlenbetrieb", normalizedName: "zahlenbetrieb" },
      select: { id: true },
    });
    const districts = ["15003", "15083", "15086", "15089"];
    const personArb = fc.record({
      birth: fc.date({
        min: new Date("1992-01-01"),
        max: new Date("2008-12-31"),
        noInvalidDate: true,
      }),
      district: fc.constantFrom(...districts),
      gender: fc.constantFrom("w", "m", "d", null),
      entryOffset: fc.integer({ min: 0, max: 300 }),
      length: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
      outcome: fc.option(fc.constantFrom("ausbildung", "arbeit", "schule", "sonstiges"), {
        nil: null,
      }),
      internship: fc.option(fc.constantFrom("laeuft", "abgeschlossen", "abgebrochen"), {
        nil: null,
      }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(personArb, { minLength: 1, maxLength: 8 }), async (people) => {
        run++;
        const project = await db.project.create({
          data: {
            name: `Eigenschaft ${run}`,
            startDate: dateOnly("2024-01-01"),
            endDate: dateOnly("2025-12-31"),
          },
          select: { id: true },
        });
        const ids: string[] = [];
        for (const p of people) {
          const entry = addDays("2024-01-01", p.entryOffset);
          const exit = p.length === null ? undefined : addDays(entry, p.length);
          const who = await createParticipant(
            {
              coachId: coach.id,
              projectId: project.id,
              birthDate: dateOnly(p.birth.toISOString().slice(0, 10)),
              districtAgs: p.district,
              gender: p.gender,
              email: `eigenschaft-${run}-${ids.length}@example.org`,
              notes: "vertraulich",
            },
            [{ entry, exit }],
          );
          ids.push(who.id);
          if (p.outcome && exit) await createOutcome(who, 0, p.outcome, exit);
          if (p.internship)
            await db.internship.create({
              data: {
                projectId: project.id,
                participantId: who.id,
                companyId: company.id,
                occupationId: occupation.id,
                status: p.internship,
                startDate: dateOnly(addDays(entry, 5)),
                endDate: dateOnly(addDays(entry, 19)),
                participantFeedback: "gut",
              },
            });
        }
        const period = { from: "2024-01-01", to: "2025-06-30" };
        const now = new Date("2025-07-01T10:00:00Z");
        const figures = async () => ({
          kpis: await computeKpis(project.id, period, now),
          districts: await kpisByDistrict(project.id, period),
          months: await kpisByMonth(project.id, period),
          esf: (await esfSheet(project.id, period)).rows,
        });
        const before = await figures();
        for (const id of ids) await db.$transaction((tx) => anonymiseParticipant(tx, id, now));
        expect(await figures()).toEqual(before);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  // The SQLite file as written to disk (secure delete, log truncated). On PostgreSQL, erased rows
  // leave the files when VACUUM reuses their space (autovacuum; see the README).
  it.runIf(engine === "sqlite")(
    "leaves none of the person's values anywhere in the database file",
    async () => {
      const coach = (await createUser("jobcoach")) as SessionUser;
      const input = participantFormSchema.parse({
        firstName: "Quirinia",
        lastName: "Zweigelthaler",
        birthDate: "14.03.2001",
        street: "Holunderstieg 77",
        plz: "39418",
        city: "Staßfurt",
        phone: "0391 9876543",
        email: "quirinia.zweigelthaler@example.org",
        childrenCount: "1",
        strengths: "Backt Marillenknödel",
        notes: "Therapie bei Dr. Kernbeisser",
        status: "aktiv",
        entryDate: "01.09.2025",
      });
      const { id } = await createThroughForm(coach, "own", input);
      await db.consent.create({
        data: {
          participantId: id,
          purpose: "fotos",
          givenAt: new Date(),
          method: "schriftlich",
          note: "Zweigelthaler unterschrieb",
        },
      });
      await db.interaction.create({
        data: {
          type: "anruf",
          occurredAt: new Date(),
          authorId: coach.id,
          participantId: id,
          notes: "Marillenknödel besprochen",
        },
      });
      await db.emailOutbox.create({
        data: {
          kind: "test",
          toEmail: "quirinia.zweigelthaler@example.org",
          toName: "Quirinia Zweigelthaler",
          subject: "Hallo",
          html: "<p>Hallo Quirinia Zweigelthaler</p>",
          text: "Hallo Quirinia Zweigelthaler",
          idempotencyKey: `test:${id}`,
        },
      });
      const contact = await db.contactPerson.create({
        data: {
          firstName: "Ottokar",
          lastName: "Brennesselbaum",
          email: "ottokar@brennessel.example",
          notes: "Stammtisch",
        },
        select: { id: true },
      });
      await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = env.DATABASE_URL.replace(/^file:/, "");
      const values = [
        "Zweigelthaler",
        "Holunderstieg",
        "0391 9876543",
        "quirinia.zweigelthaler@example.org",
        "Marillenknödel",
        "Kernbeisser",
        "Brennesselbaum",
        "ottokar@brennessel.example",
      ];
      const found = () => {
        const bytes = readFileSync(file);
        return values.filter((v) => bytes.includes(Buffer.from(v, "utf8")));
      };
      expect(found()).toEqual(values);

      await db.$transaction((tx) => anonymiseParticipant(tx, id, new Date()));
      await db.$transaction((tx) => anonymiseContact(tx, contact.id, new Date()));
      await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      expect(found()).toEqual([]);
    },
  );
});
