import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, formatDay, today } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { proposeInternship, updateInternship } from "./editing.server";
import { internshipSchema } from "./schema";

beforeAll(() => ensureReferenceData(), 60_000);

/** A day relative to the test's today, as a user types it. */
const D = (offset: number) => formatDay(addDays(today(), offset));

const asSession = (u: { id: string; email: string; name: string; role: string }) =>
  u as SessionUser;
let n = 0;

async function setup() {
  n++;
  const coach = asSession(await createUser("jobcoach"));
  const occupation = await db.occupation.findFirstOrThrow({ where: { kldbCode: "81102" } });
  const company = await db.company.create({
    data: { name: `Praxis ${n}`, normalizedName: `praxis ${n}`, districtAgs: "15089" },
  });
  const supervisor = await db.contactPerson.create({
    data: { firstName: "Erika", lastName: "Betreuerin", companyId: company.id },
  });
  const offer = await db.trainingOffer.create({
    data: { companyId: company.id, occupationId: occupation.id, places: 2 },
  });
  const participant = await db.participant.create({
    data: {
      firstName: "Lena",
      lastName: `Praktikum ${n}`,
      birthDate: new Date("2002-02-02"),
      coachId: coach.id,
      status: "aktiv",
      weeklyHoursAvailable: 25,
    },
  });
  return { coach, company, supervisor, offer, participant };
}

const form = (over: Record<string, string>) =>
  internshipSchema.parse({
    status: "vorgeschlagen",
    startDate: "",
    endDate: "",
    hoursPerWeek: "25",
    supervisorId: "",
    version: "1",
    ...over,
  });

describe("trial internships", () => {
  it("one click proposes an internship once, with the offer's company and occupation", async () => {
    const { coach, offer, participant, company } = await setup();
    const first = await proposeInternship(coach, "own", participant.id, offer.id);
    const again = await proposeInternship(coach, "own", participant.id, offer.id);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const stored = await db.internship.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({
      status: "vorgeschlagen",
      companyId: company.id,
      hoursPerWeek: 25,
    });
  });

  it("a coach cannot propose for another coach's participant", async () => {
    const { offer, participant } = await setup();
    const stranger = asSession(await createUser("jobcoach"));
    await expect(
      proposeInternship(stranger, "own", participant.id, offer.id),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db.internship.count({ where: { participantId: participant.id } })).toBe(0);
  });

  it("follows the lifecycle, moves the participant's status and refuses skipped steps", async () => {
    const { coach, offer, participant, supervisor } = await setup();
    const { id } = await proposeInternship(coach, "own", participant.id, offer.id);
    await expect(
      updateInternship(coach, "own", id, form({ status: "laeuft" })),
    ).rejects.toMatchObject({ fieldErrors: { status: [expect.stringContaining("nicht direkt")] } });
    await expect(
      updateInternship(coach, "own", id, form({ status: "vereinbart" })),
    ).rejects.toMatchObject({ fieldErrors: { startDate: [expect.any(String)] } });
    const dates = { startDate: D(-29), endDate: D(-18) };
    await updateInternship(
      coach,
      "own",
      id,
      form({ status: "vereinbart", supervisorId: supervisor.id, ...dates }),
    );
    await updateInternship(coach, "own", id, form({ status: "laeuft", version: "2", ...dates }));
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe(
      "im_praktikum",
    );
    await updateInternship(
      coach,
      "own",
      id,
      form({
        status: "abgeschlossen",
        version: "3",
        ...dates,
        companyFeedback: "zuverlässig, freundlich",
        ledToOffer: "on",
      }),
    );
    const done = await db.internship.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "abgeschlossen", ledToOffer: true, supervisorId: null });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe(
      "aktiv",
    );
    await expect(
      updateInternship(coach, "own", id, form({ status: "laeuft", version: "4", ...dates })),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("audits the participant's status as the internship starts and ends", async () => {
    const { coach, offer, participant } = await setup();
    const { id } = await proposeInternship(coach, "own", participant.id, offer.id);
    const dates = { startDate: D(-29), endDate: D(-18) };
    await updateInternship(coach, "own", id, form({ status: "vereinbart", ...dates }));
    await updateInternship(coach, "own", id, form({ status: "laeuft", version: "2", ...dates }));
    await updateInternship(
      coach,
      "own",
      id,
      form({ status: "abgebrochen", version: "3", endReason: "gesundheit", ...dates }),
    );
    const trail = await db.auditLog.findMany({
      where: { entityType: "participant", entityId: participant.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { actorId: true, before: true, after: true },
    });
    expect(trail.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [coach.id, JSON.stringify({ status: "aktiv" }), JSON.stringify({ status: "im_praktikum" })],
      [coach.id, JSON.stringify({ status: "im_praktikum" }), JSON.stringify({ status: "aktiv" })],
    ]);
  });

  it("refuses overlapping internships, an end before the start and a foreign supervisor", async () => {
    const { coach, offer, participant } = await setup();
    const other = await setup();
    const a = await proposeInternship(coach, "own", participant.id, offer.id);
    await updateInternship(
      coach,
      "own",
      a.id,
      form({ status: "vereinbart", startDate: D(-29), endDate: D(-18) }),
    );
    const b = await proposeInternship(coach, "own", participant.id, other.offer.id);
    const before = await db.internship.findUniqueOrThrow({ where: { id: b.id } });
    await expect(
      updateInternship(
        coach,
        "own",
        b.id,
        form({ status: "vereinbart", startDate: D(-21), endDate: D(-11) }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { startDate: [expect.stringContaining("Überschneidet sich")] },
    });
    await expect(
      updateInternship(
        coach,
        "own",
        b.id,
        form({ startDate: D(-15), endDate: D(-11), supervisorId: other.supervisor.id }),
      ),
    ).resolves.toBeUndefined();
    await expect(
      updateInternship(
        coach,
        "own",
        b.id,
        form({ version: "2", supervisorId: (await setup()).supervisor.id }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { supervisorId: [expect.any(String)] } });
    expect(
      internshipSchema.safeParse({
        status: "vorgeschlagen",
        startDate: D(-11),
        endDate: D(-15),
        version: "1",
      }).success,
    ).toBe(false);
    expect(before.status).toBe("vorgeschlagen");
  });

  it("runs only from its start day, ends only from its end day or early with a reason, and keeps its history", async () => {
    const { coach, offer, participant } = await setup();
    const { id } = await proposeInternship(coach, "own", participant.id, offer.id);
    const nextWeek = { startDate: D(7), endDate: D(18) };
    await updateInternship(coach, "own", id, form({ status: "vereinbart", ...nextWeek }));
    await expect(
      updateInternship(coach, "own", id, form({ status: "laeuft", version: "2", ...nextWeek })),
    ).rejects.toMatchObject({
      fieldErrors: { status: [expect.stringContaining(`erst ab dem Beginn am ${D(7)}`)] },
    });
    // Moved to start today: it runs; ending it today, before its end day, needs a reason.
    const fromToday = { startDate: D(0), endDate: D(11) };
    await updateInternship(
      coach,
      "own",
      id,
      form({ status: "laeuft", version: "2", ...fromToday }),
    );
    await expect(
      updateInternship(
        coach,
        "own",
        id,
        form({ status: "abgeschlossen", version: "3", ...fromToday }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { endReason: [expect.any(String)] } });
    await updateInternship(
      coach,
      "own",
      id,
      form({
        status: "abgeschlossen",
        version: "3",
        endReason: "ausbildungsvertrag",
        ...fromToday,
      }),
    );
    const history = await db.internshipStatusChange.findMany({
      where: { internshipId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { fromStatus: true, toStatus: true, reason: true, changedById: true },
    });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      [null, "vorgeschlagen", null],
      ["vorgeschlagen", "vereinbart", null],
      ["vereinbart", "laeuft", null],
      ["laeuft", "abgeschlossen", "ausbildungsvertrag"],
    ]);
    expect(new Set(history.map((h) => h.changedById))).toEqual(new Set([coach.id]));
    // Starting it left a reminder for its last day: collect both sides' feedback.
    const reminder = await db.followUp.findFirstOrThrow({
      where: { participantId: participant.id, assigneeId: coach.id },
    });
    expect(reminder.title).toMatch(/^Rückmeldung zum Praktikum bei Praxis \d+ einholen$/);
    expect(formatDay(reminder.dueDate.toISOString().slice(0, 10))).toBe(D(11));
  });

  it("a break-off needs its reason", async () => {
    const { coach, offer, participant } = await setup();
    const { id } = await proposeInternship(coach, "own", participant.id, offer.id);
    await expect(
      updateInternship(coach, "own", id, form({ status: "abgebrochen" })),
    ).rejects.toMatchObject({ fieldErrors: { endReason: [expect.any(String)] } });
    await updateInternship(coach, "own", id, form({ status: "abgebrochen", endReason: "betrieb" }));
    expect(await db.internship.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "abgebrochen",
      endReason: "betrieb",
    });
  });
});
