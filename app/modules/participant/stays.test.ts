import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dayParam, dayRangeParam, parseListParams } from "~/lib/list-params";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser, fieldErrorsOf } from "../../../tests/factories";
import {
  correctStay,
  createParticipant,
  recordOutcome,
  reenterParticipant,
  undoReentry,
  updateParticipant,
} from "./editing.server";
import {
  outcomeSchema,
  participantFormSchema,
  reentrySchema,
  stayCorrectionSchema,
} from "./schema";
import { listParticipants } from "./service.server";
import { PARTICIPANT_SORTS } from "./values";

beforeAll(() => ensureReferenceData(), 60_000);

const asSession = (u: { id: string; email: string; name: string; role: string }) =>
  u as SessionUser;

const valid = (over: Record<string, string> = {}) => {
  const parsed = participantFormSchema.safeParse({
    firstName: "Sina",
    lastName: "Wieder",
    birthDate: "02.02.2002",
    plz: "39418",
    childrenCount: "1",
    status: "aktiv",
    entryDate: "01.02.2026",
    labourStatus: "arbeitslos",
    ...over,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

const reentry = (entryDate: string, version: number, labourStatus = "nicht_erwerbstaetig") => {
  const parsed = reentrySchema.safeParse({ entryDate, labourStatus, version: String(version) });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

const staysOf = (participantId: string) =>
  db.participantStay.findMany({
    where: { participantId },
    orderBy: { entryDate: "asc" },
    select: {
      entryDate: true,
      exitDate: true,
      labourStatus: true,
      outcomes: { select: { type: true } },
    },
  });

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("stays (Teilnahmen)", () => {
  it("a participant who leaves and comes back keeps the first stay and its outcome", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    expect((await staysOf(id)).map((s) => iso(s.entryDate))).toEqual(["2026-02-01"]);

    // Leaves with an outcome: the stay gets the exit, the outcome belongs to it.
    const leave = { status: "ausgeschieden", exitDate: "30.04.2026", exitOutcome: "sonstiges" };
    await updateParticipant(coach, "own", id, { ...valid(leave), version: 1 });

    // Coming back on or before the exit day is refused at the field; nothing is written.
    const errors = await fieldErrorsOf(
      reenterParticipant(coach, "own", id, reentry("30.04.2026", 2)),
    );
    expect(errors.entryDate).toEqual([
      "Der Wiedereintritt muss nach dem letzten Austritt (30.04.2026) liegen.",
    ]);
    expect(await db.participantStay.count({ where: { participantId: id } })).toBe(1);

    await reenterParticipant(coach, "own", id, reentry("15.06.2026", 2));
    const p = await db.participant.findUniqueOrThrow({ where: { id } });
    expect([iso(p.entryDate), iso(p.exitDate), p.status, p.labourStatus]).toEqual([
      "2026-06-15",
      null,
      "aktiv",
      "nicht_erwerbstaetig",
    ]);
    expect(await staysOf(id)).toEqual([
      {
        entryDate: new Date("2026-02-01T00:00:00Z"),
        exitDate: new Date("2026-04-30T00:00:00Z"),
        labourStatus: "arbeitslos",
        outcomes: [{ type: "sonstiges" }],
      },
      {
        entryDate: new Date("2026-06-15T00:00:00Z"),
        exitDate: null,
        labourStatus: "nicht_erwerbstaetig",
        outcomes: [],
      },
    ]);

    // Leaving again needs an outcome of the second stay: the first stay's does not count.
    const again = {
      status: "ausgeschieden",
      entryDate: "15.06.2026",
      exitDate: "30.09.2026",
      labourStatus: "nicht_erwerbstaetig",
    };
    const exitErrors = await fieldErrorsOf(
      updateParticipant(coach, "own", id, { ...valid(again), version: 3 }),
    );
    expect(exitErrors.exitOutcome).toEqual(["Beim Austritt ist der Verbleib anzugeben."]);
    await updateParticipant(coach, "own", id, {
      ...valid({ ...again, exitOutcome: "ausbildung" }),
      version: 3,
    });
    expect(
      (await staysOf(id)).map((s) => [iso(s.exitDate), s.outcomes.map((o) => o.type)]),
    ).toEqual([
      ["2026-04-30", ["sonstiges"]],
      ["2026-09-30", ["ausbildung"]],
    ]);
  });

  it("compares calendar days as the team sees them, also for an exit stored with a time of day", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(
      coach,
      "own",
      valid({ status: "ausgeschieden", exitDate: "30.04.2026", exitOutcome: "arbeit" }),
    );
    // 23:30 UTC on 29 April is 30 April in Berlin, the day the page shows.
    const late = new Date("2026-04-29T23:30:00Z");
    await db.participant.update({ where: { id }, data: { exitDate: late } });
    await db.participantStay.updateMany({ where: { participantId: id }, data: { exitDate: late } });
    const errors = await fieldErrorsOf(
      reenterParticipant(coach, "own", id, reentry("30.04.2026", 1)),
    );
    expect(errors.entryDate).toEqual([
      "Der Wiedereintritt muss nach dem letzten Austritt (30.04.2026) liegen.",
    ]);
    await reenterParticipant(coach, "own", id, reentry("01.05.2026", 1));
    expect(await db.participantStay.count({ where: { participantId: id } })).toBe(2);
  });

  it("a re-entry recorded by mistake can be taken back while it is open and has no outcome", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(
      coach,
      "own",
      valid({ status: "ausgeschieden", exitDate: "31.03.2026", exitOutcome: "schule" }),
    );
    await reenterParticipant(coach, "own", id, reentry("02.05.2026", 1));
    await undoReentry(coach, "own", id, 2);
    const p = await db.participant.findUniqueOrThrow({ where: { id } });
    expect([iso(p.entryDate), iso(p.exitDate), p.status, p.labourStatus]).toEqual([
      "2026-02-01",
      "2026-03-31",
      "ausgeschieden",
      "arbeitslos",
    ]);
    expect((await staysOf(id)).map((s) => s.outcomes.map((o) => o.type))).toEqual([["schule"]]);
    // Nothing left to take back; a stay with an outcome is corrected, not taken back.
    await expect(undoReentry(coach, "own", id, 3)).rejects.toMatchObject({ status: 400 });
    await reenterParticipant(coach, "own", id, reentry("02.05.2026", 3));
    await recordOutcome(coach, "own", id, outcomeSchema.parse({ type: "sonstiges" }));
    const version = (await db.participant.findUniqueOrThrow({ where: { id } })).version;
    await expect(undoReentry(coach, "own", id, version)).rejects.toMatchObject({ status: 400 });
    expect(await db.participantStay.count({ where: { participantId: id } })).toBe(2);
  });

  it("an earlier stay is corrected in place and keeps its order; the latest is changed in the form", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(
      coach,
      "own",
      valid({ status: "ausgeschieden", exitDate: "31.03.2026", exitOutcome: "arbeit" }),
    );
    await reenterParticipant(coach, "own", id, reentry("04.05.2026", 1));
    const [first, second] = await db.participantStay.findMany({
      where: { participantId: id },
      orderBy: { entryDate: "asc" },
    });
    const fix = (entry: string, exit: string, version: number, stayId = first!.id) =>
      correctStay(
        coach,
        "own",
        id,
        stayCorrectionSchema.parse({
          stayId,
          entryDate: entry,
          exitDate: exit,
          labourStatus: "langzeitarbeitslos",
          version: String(version),
        }),
      );
    expect((await fieldErrorsOf(fix("01.02.2026", "04.05.2026", 2))).exitDate).toEqual([
      "Der Austritt muss vor dem Eintritt der nächsten Teilnahme (04.05.2026) liegen.",
    ]);
    expect((await fieldErrorsOf(fix("01.03.2026", "28.02.2026", 2))).exitDate).toEqual([
      "Der Austritt kann nicht vor dem Eintritt liegen.",
    ]);
    await expect(fix("01.02.2026", "30.04.2026", 2, second!.id)).rejects.toMatchObject({
      status: 400,
    });
    await fix("15.01.2026", "30.04.2026", 2);
    const stays = await staysOf(id);
    expect(stays.map((s) => [iso(s.entryDate), iso(s.exitDate), s.labourStatus])).toEqual([
      ["2026-01-15", "2026-04-30", "langzeitarbeitslos"],
      ["2026-05-04", null, "nicht_erwerbstaetig"],
    ]);
    // The participant's own dates are the latest stay's and stay so.
    const p = await db.participant.findUniqueOrThrow({ where: { id } });
    expect([iso(p.entryDate), p.version]).toEqual(["2026-05-04", 3]);
  });

  it("each stay belongs to the project running on its entry day", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const project = (name: string, start: string, end: string) =>
      db.project.create({
        data: {
          name,
          startDate: new Date(`${start}T00:00:00Z`),
          endDate: new Date(`${end}T00:00:00Z`),
        },
      });
    const earlier = await project("Vorgänger", "2019-05-01", "2019-12-31");
    const later = await project("Nachfolger", "2020-01-01", "2020-12-31");
    await project("Künftig", "2099-01-01", "2099-12-31");
    const { id } = await createParticipant(
      coach,
      "own",
      valid({
        entryDate: "01.06.2019",
        status: "ausgeschieden",
        exitDate: "30.11.2019",
        exitOutcome: "sonstiges",
      }),
    );
    await reenterParticipant(coach, "own", id, reentry("03.02.2020", 1));
    const stays = await db.participantStay.findMany({
      where: { participantId: id },
      orderBy: { entryDate: "asc" },
      select: { projectId: true },
    });
    expect(stays.map((s) => s.projectId)).toEqual([earlier.id, later.id]);
    expect((await db.participant.findUniqueOrThrow({ where: { id } })).projectId).toBe(later.id);
  });

  it("a new entry date after the exit, typed in the form, opens a new stay; corrections may not overlap", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(
      coach,
      "own",
      valid({ status: "ausgeschieden", exitDate: "31.03.2026", exitOutcome: "arbeit" }),
    );
    await updateParticipant(coach, "own", id, {
      ...valid({ entryDate: "04.05.2026" }),
      version: 1,
    });
    expect((await staysOf(id)).map((s) => [iso(s.entryDate), iso(s.exitDate)])).toEqual([
      ["2026-02-01", "2026-03-31"],
      ["2026-05-04", null],
    ]);
    // Moving the current stay's entry back into the earlier stay is refused.
    const errors = await fieldErrorsOf(
      updateParticipant(coach, "own", id, { ...valid({ entryDate: "15.03.2026" }), version: 2 }),
    );
    expect(errors.entryDate).toEqual([
      "Der Eintritt muss nach dem Austritt der vorherigen Teilnahme (31.03.2026) liegen.",
    ]);
    // Correcting it within its own time is fine.
    await updateParticipant(coach, "own", id, {
      ...valid({ entryDate: "05.05.2026" }),
      version: 2,
    });
    expect((await staysOf(id)).map((s) => iso(s.entryDate))).toEqual(["2026-02-01", "2026-05-05"]);
  });

  it("the list filters count first entries, re-entries, exits and who is in a stay on a day", async () => {
    const lead = asSession(await createUser("leitung"));
    const coach = asSession(await createUser("jobcoach"));
    const project = await db.project.create({
      data: {
        name: "Filter",
        startDate: new Date("2026-01-01T00:00:00Z"),
        endDate: new Date("2027-12-31T00:00:00Z"),
      },
    });
    const first = await createParticipant(
      coach,
      "own",
      valid({
        lastName: "Erst",
        status: "ausgeschieden",
        exitDate: "31.03.2026",
        exitOutcome: "arbeit",
      }),
    );
    await reenterParticipant(coach, "own", first.id, reentry("01.05.2026", 1));
    const second = await createParticipant(
      coach,
      "own",
      valid({ lastName: "Zweit", entryDate: "10.05.2026" }),
    );
    await db.participantStay.updateMany({
      where: { participantId: { in: [first.id, second.id] } },
      data: { projectId: project.id },
    });
    const names = async (query: string) => {
      const url = new URL(`http://x/teilnehmende?${query}`);
      const params = parseListParams(url, { sortable: PARTICIPANT_SORTS, defaultSort: "name" });
      const page = await listParticipants(lead, "any", params, {
        projectId: project.id,
        entry: dayRangeParam(url, "eintritt"),
        reentry: dayRangeParam(url, "wiedereintritt"),
        exit: dayRangeParam(url, "austritt"),
        activeAt: dayParam(url, "aktiv_am"),
      });
      return page.data.map((p) => p.lastName);
    };
    expect(await names("eintritt_von=2026-05-01&eintritt_bis=2026-05-31")).toEqual(["Zweit"]);
    expect(await names("eintritt_von=2026-01-01&eintritt_bis=2026-05-31")).toEqual([
      "Erst",
      "Zweit",
    ]);
    expect(await names("wiedereintritt_von=2026-05-01&wiedereintritt_bis=2026-05-31")).toEqual([
      "Erst",
    ]);
    expect(await names("austritt_von=2026-03-31&austritt_bis=2026-03-31")).toEqual(["Erst"]);
    expect(await names("aktiv_am=2026-04-15")).toEqual([]);
    expect(await names("aktiv_am=2026-05-10")).toEqual(["Erst", "Zweit"]);
  });
});
