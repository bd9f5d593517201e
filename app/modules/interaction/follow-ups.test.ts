import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, atTime, dateOnly, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import {
  completeFollowUp,
  createParticipantFollowUp,
  followUpGroup,
  listFollowUps,
  listMyFollowUps,
  reassignFollowUps,
  reopenFollowUp,
  snoozeFollowUp,
} from "./follow-ups.server";

const mk = (assigneeId: string, title: string, offsetDays: number, extra = {}) =>
  db.followUp.create({
    data: {
      title,
      assigneeId,
      createdById: assigneeId,
      dueDate: dateOnly(addDays(today(), offsetDays)),
      ...extra,
    },
  });

describe("follow-ups", () => {
  it("lists only the user's open ones, overdue first, and completes them once", async () => {
    const me = (await createUser("jobcoach")) as SessionUser;
    const other = await createUser("jobcoach");
    await mk(me.id, "später", 5);
    const overdue = await mk(me.id, "überfällig", -3);
    const foreign = await mk(other.id, "fremd", -1);

    expect((await listMyFollowUps(me)).map((f) => f.title)).toEqual(["überfällig", "später"]);

    expect(await completeFollowUp(me, { id: foreign.id, version: 1 })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await completeFollowUp(me, { id: overdue.id, version: 1, result: "Termin am Montag" }),
    ).toEqual({
      ok: true,
      title: "überfällig",
      about: null,
    });
    expect((await db.followUp.findUniqueOrThrow({ where: { id: overdue.id } })).result).toBe(
      "Termin am Montag",
    );
    // The same click again (stale version) changes nothing.
    expect(await completeFollowUp(me, { id: overdue.id, version: 1 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect((await listMyFollowUps(me)).map((f) => f.title)).toEqual(["später"]);
    expect((await db.followUp.findUniqueOrThrow({ where: { id: foreign.id } })).doneAt).toBeNull();
  });

  it("groups by the Berlin day: overdue, today, this week (to Sunday), later", () => {
    // Wednesday 3 June 2026, 23:30 in Berlin (21:30 UTC).
    const now = atTime("2026-06-03", "23:30");
    const due = (day: string) => dateOnly(day);
    expect(followUpGroup(due("2026-06-02"), now)).toBe("overdue");
    expect(followUpGroup(due("2026-06-03"), now)).toBe("today");
    expect(followUpGroup(due("2026-06-04"), now)).toBe("week");
    expect(followUpGroup(due("2026-06-07"), now)).toBe("week");
    expect(followUpGroup(due("2026-06-08"), now)).toBe("later");
  });

  it("says what it is about with the number to call, and names a participant only to who may read her", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const stranger = (await createUser("jobcoach")) as SessionUser;
    const company = await db.company.create({
      data: { name: "Praxis Ruf", normalizedName: "praxis ruf", phone: "0391 123456" },
    });
    const participant = await db.participant.create({
      data: {
        firstName: "Lea",
        lastName: "Anruf",
        birthDate: new Date("2003-03-03"),
        coachId: coach.id,
        phone: "0170 555",
      },
    });
    await mk(coach.id, "Praxis anrufen", 0, { companyId: company.id });
    await mk(coach.id, "Lea fragen", 1, { participantId: participant.id });
    await mk(stranger.id, "Fremde Akte", 1, { participantId: participant.id });
    const mine = await listFollowUps(coach, { participantScope: "own" });
    expect(mine.map((f) => [f.title, f.phone, f.participant?.name ?? null])).toEqual([
      ["Praxis anrufen", "0391 123456", null],
      ["Lea fragen", "0170 555", "Lea Anruf"],
    ]);
    const theirs = await listFollowUps(stranger, { participantScope: "own" });
    expect(theirs.map((f) => [f.title, f.participant, f.phone])).toEqual([
      ["Fremde Akte", null, null],
    ]);
  });

  it("snoozes by a day, a week or to a date; never into the past, never a done one", async () => {
    const me = (await createUser("jobcoach")) as SessionUser;
    const f = await mk(me.id, "schieben", -2);
    const day = today();
    expect((await snoozeFollowUp(me, { id: f.id, version: 1, um: "tag", bis: null })).due).toBe(
      addDays(day, 1),
    );
    expect((await snoozeFollowUp(me, { id: f.id, version: 2, um: "woche", bis: null })).due).toBe(
      addDays(day, 8),
    );
    const in10 = dateOnly(addDays(day, 10));
    expect((await snoozeFollowUp(me, { id: f.id, version: 3, bis: in10 })).due).toBe(
      addDays(day, 10),
    );
    await expect(
      snoozeFollowUp(me, { id: f.id, version: 4, bis: dateOnly(addDays(day, -1)) }),
    ).rejects.toMatchObject({ status: 400, fieldErrors: { bis: [expect.any(String)] } });
    await expect(
      snoozeFollowUp(me, { id: f.id, version: 3, um: "tag", bis: null }),
    ).rejects.toMatchObject({ status: 409 });
    await completeFollowUp(me, { id: f.id, version: 4 });
    await expect(
      snoozeFollowUp(me, { id: f.id, version: 5, um: "tag", bis: null }),
    ).rejects.toMatchObject({ status: 409 });
    const other = (await createUser("jobcoach")) as SessionUser;
    await expect(
      snoozeFollowUp(other, { id: f.id, version: 5, um: "tag", bis: null }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("'Erledigt' can be undone for a short while, then not", async () => {
    const me = (await createUser("jobcoach")) as SessionUser;
    const f = await mk(me.id, "zurück", 0);
    await completeFollowUp(me, { id: f.id, version: 1, result: "erledigt" });
    await reopenFollowUp(me, f.id);
    const open = await db.followUp.findUniqueOrThrow({ where: { id: f.id } });
    expect([open.doneAt, open.result]).toEqual([null, null]);
    await completeFollowUp(me, { id: f.id, version: open.version });
    const later = new Date(Date.now() + 5 * 60 * 1000);
    await expect(reopenFollowUp(me, f.id, undefined, later)).rejects.toMatchObject({ status: 409 });
    const other = (await createUser("jobcoach")) as SessionUser;
    await expect(reopenFollowUp(other, f.id)).rejects.toMatchObject({ status: 409 });
  });

  it("the lead hands open follow-ups to a colleague in one go; done ones stay, an inactive account is refused", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const away = await createUser("jobcoach");
    const stand = await createUser("jobcoach");
    const gone = await db.user.create({
      data: {
        email: `weg-${Date.now()}@lotse.example`,
        name: "Weg",
        role: "jobcoach",
        passwordHash: "x",
        active: false,
      },
    });
    const a = await mk(away.id, "eins", 1);
    const b = await mk(away.id, "zwei", 2);
    const done = await mk(away.id, "fertig", 0, { doneAt: new Date() });
    await expect(
      reassignFollowUps(lead, { ids: [a.id], assigneeId: gone.id }),
    ).rejects.toMatchObject({ fieldErrors: { assigneeId: [expect.any(String)] } });
    const result = await reassignFollowUps(lead, {
      ids: [a.id, b.id, done.id],
      assigneeId: stand.id,
    });
    expect(result).toMatchObject({ count: 2, skipped: 1 });
    const after = await db.followUp.findMany({
      where: { id: { in: [a.id, b.id, done.id] } },
      orderBy: { title: "asc" },
      select: { title: true, assigneeId: true },
    });
    expect(after).toEqual([
      { title: "eins", assigneeId: stand.id },
      { title: "fertig", assigneeId: away.id },
      { title: "zwei", assigneeId: stand.id },
    ]);
    expect(
      await db.auditLog.count({
        where: { entityType: "followup", entityId: { in: [a.id, b.id] } },
      }),
    ).toBe(2);
    const team = await listFollowUps(lead, { team: true, participantScope: "any" });
    expect(team.filter((f) => f.assignee.id === stand.id).map((f) => f.title)).toEqual(
      expect.arrayContaining(["eins", "zwei"]),
    );
  });

  it("a coach adds a follow-up about her own participant, not about another's, not in the past", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    const participant = await db.participant.create({
      data: {
        firstName: "Mia",
        lastName: "Akte",
        birthDate: new Date("2004-04-04"),
        coachId: coach.id,
      },
    });
    const input = {
      title: "Zeugnis anfordern",
      dueDate: dateOnly(addDays(today(), 3)),
      notes: null,
    };
    await createParticipantFollowUp(coach, "own", participant.id, input);
    await expect(
      createParticipantFollowUp(other, "own", participant.id, input),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      createParticipantFollowUp(coach, "own", participant.id, {
        ...input,
        dueDate: dateOnly(addDays(today(), -1)),
      }),
    ).rejects.toMatchObject({ fieldErrors: { dueDate: [expect.any(String)] } });
    const mine = await listFollowUps(coach, { participantScope: "own" });
    expect(mine.map((f) => [f.title, f.participant?.name, f.group])).toEqual([
      ["Zeugnis anfordern", "Mia Akte", expect.stringMatching(/^(week|later)$/)],
    ]);
  });
});
