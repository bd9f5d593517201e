import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, addMonthsToDay, dateOnly, startOfDay, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { setHold } from "./holds.server";
import { retentionPlan } from "./plan.server";

const monthsAgo = (n: number) => dateOnly(addDays(addMonthsToDay(today(), -n), -1));

async function participant(lastName: string, exitMonthsAgo: number | null, projectId?: string) {
  const exitDate = exitMonthsAgo === null ? null : monthsAgo(exitMonthsAgo);
  const p = await db.participant.create({
    data: {
      firstName: "Mia",
      lastName,
      birthDate: new Date("2001-05-04T00:00:00Z"),
      phone: "0391 1",
      notes: "Beratung",
      exitDate,
      status: exitDate ? "ausgeschieden" : "aktiv",
    },
    select: { id: true },
  });
  if (projectId)
    await db.participantStay.create({
      data: { participantId: p.id, projectId, entryDate: monthsAgo(90), exitDate },
    });
  return p.id;
}

describe("retention plan", () => {
  it("counts per rule what is due today and what a hold keeps, and changes nothing", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    // Paid long ago: the evidence period ended last year.
    const old = await db.project.create({
      data: {
        name: "Alt",
        startDate: monthsAgo(100),
        endDate: monthsAgo(80),
        lastPaymentOn: monthsAgo(80),
      },
      select: { id: true },
    });
    const running = await db.project.create({
      data: { name: "Läuft", startDate: monthsAgo(20), endDate: startOfDay(addDays(today(), 300)) },
      select: { id: true },
    });
    await participant("LangeWeg", 13, old.id);
    const held = await participant("Gesperrt", 13, old.id);
    await participant("KürzlichWeg", 8, running.id);
    await participant("Aktiv", null, running.id);
    await setHold(lead, { participantId: held }, { reason: "Prüfung", until: null });
    await db.contactPerson.create({
      data: { firstName: "Alt", lastName: "Kontakt", lastContactAt: monthsAgo(25) },
    });
    await db.contactPerson.create({
      data: { firstName: "Neu", lastName: "Kontakt", lastContactAt: monthsAgo(2) },
    });
    await db.auditLog.create({
      data: { action: "read", entityType: "x", createdAt: monthsAgo(25) },
    });

    const before = await db.participant.count();
    const plan = Object.fromEntries((await retentionPlan()).map((l) => [l.key, l]));
    expect(plan.esf_nachweis).toMatchObject({ due: 1, held: 1 });
    expect(plan.tn_kontakt).toMatchObject({ due: 1, held: 1 });
    expect(plan.tn_beratung).toMatchObject({ due: 2, held: 1 });
    expect(plan.ansprechperson).toMatchObject({ due: 1, held: 0 });
    expect(plan.protokoll?.due).toBeGreaterThanOrEqual(1);
    expect(plan.tn_kontakt?.before).toBe(addMonthsToDay(today(), -12));
    // Rules that go with their person, and data without a person, have no line of their own.
    expect(plan.einwilligung).toBeUndefined();
    expect(plan.referenz).toBeUndefined();
    expect(await db.participant.count()).toBe(before);
    expect(await db.participant.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
  });
});
