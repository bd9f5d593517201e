import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { formatDateTime } from "~/lib/day";
import { dayRangeParam, parseListParams } from "~/lib/list-params";
import type { SessionUser } from "~/modules/auth/session.server";
import { createParticipant, createUser } from "../../../tests/factories";
import { createEvent, eventsInMonth, getEvent, registrationsFor } from "./editing.server";
import { eventFormDefaults, eventFormSchema } from "./schema";
import { listEvents } from "./service.server";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("event list", () => {
  it("with the report's filters lists the project's events held in the period, by kind, with attending persons", async () => {
    const project = await db.project.create({
      data: { name: "Veranstaltungen", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    const other = await db.project.create({
      data: { name: "Anderes", startDate: day("2025-01-01"), endDate: day("2025-12-31") },
    });
    const event = (title: string, type: string, startsAt: string, more: object = {}) =>
      db.event.create({
        data: {
          projectId: project.id,
          title,
          type,
          startsAt: new Date(startsAt),
          publicSlug: title,
          ...more,
        },
      });
    const workshop = await event("w1", "workshop", "2025-04-01T08:00:00Z");
    await event("w2", "workshop", "2025-06-30T20:00:00Z");
    await event("s1", "stammtisch", "2025-05-05T17:00:00Z");
    await event("cancelled", "workshop", "2025-05-06T17:00:00Z", { cancelledAt: new Date() });
    await event("later", "workshop", "2025-07-01T08:00:00Z");
    await event("elsewhere", "workshop", "2025-05-07T08:00:00Z", { projectId: other.id });
    await db.eventRegistration.createMany({
      data: [
        { eventId: workshop.id, name: "a", source: "coach", attendance: "anwesend" },
        {
          eventId: workshop.id,
          name: "b",
          source: "oeffentlich",
          attendance: "anwesend",
          persons: 3,
        },
        { eventId: workshop.id, name: "c", source: "coach", attendance: "nicht_erschienen" },
      ],
    });
    const url = new URL(
      "http://x/veranstaltungen?durchgefuehrt_von=2025-04-01&durchgefuehrt_bis=2025-06-30",
    );
    const params = parseListParams(url, { sortable: [], defaultSort: "" });
    const list = (kind: "workshop" | "andere" | null) =>
      listEvents(params, "vergangen", day("2025-11-01"), {
        projectId: project.id,
        held: dayRangeParam(url, "durchgefuehrt"),
        kind,
      });
    const all = await list(null);
    expect(all.data.map((e) => e.title)).toEqual(["w2", "s1", "w1"]);
    expect(all.data.find((e) => e.title === "w1")!.attended).toBe(4);
    expect((await list("workshop")).data.map((e) => e.title)).toEqual(["w2", "w1"]);
    expect((await list("andere")).data.map((e) => e.title)).toEqual(["s1"]);
  });
});

describe("event times", () => {
  it("an event at 10:00 on the day after the change to summer time is stored, shown and filed at 10:00 that day", async () => {
    const lead = (await createUser("leitung")) as SessionUser;
    const input = (date: string, startTime: string, title: string) =>
      eventFormSchema.parse({
        type: "workshop",
        title,
        date,
        startTime,
        endTime: "",
        place: "Projektbüro",
        forParticipants: "on",
        registrationDeadline: "27.03.2027",
      });
    const created = await createEvent(
      lead,
      input("29.03.2027", "10:00", "Nach der Zeitumstellung"),
    );
    const stored = await db.event.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.startsAt.toISOString()).toBe("2027-03-29T08:00:00.000Z");
    // The deadline is the end of its day in Berlin (still winter time on 27 March).
    expect(stored.registrationDeadline?.toISOString()).toBe("2027-03-27T22:59:00.000Z");
    expect(eventFormDefaults(stored)).toMatchObject({ date: "29.03.2027", startTime: "10:00" });
    expect(formatDateTime(stored.startsAt)).toBe("29.03.2027, 10:00");

    // 00:30 on 1 April belongs to April's calendar page, not March's.
    const early = await createEvent(lead, input("01.04.2027", "00:30", "Mitternachtsrunde"));
    const titles = async (month: string) => (await eventsInMonth(month)).map((e) => e.title);
    expect(await titles("2027-03")).toContain("Nach der Zeitumstellung");
    expect(await titles("2027-03")).not.toContain("Mitternachtsrunde");
    expect(await titles("2027-04")).toContain("Mitternachtsrunde");
    expect(
      (await db.event.findUniqueOrThrow({ where: { id: early.id } })).startsAt.toISOString(),
    ).toBe("2027-03-31T22:30:00.000Z");
  });
});

describe("who a participant registration shows to", () => {
  it("names a participant only to those who may see her (shares count); others get no id of her", async () => {
    const owner = (await createUser("jobcoach")) as SessionUser;
    const colleague = (await createUser("jobcoach")) as SessionUser;
    const lead = (await createUser("leitung")) as SessionUser;
    const shared = await createParticipant({ coachId: owner.id, firstName: "Geteilt" });
    const own = await createParticipant({ coachId: owner.id, firstName: "Eigen" });
    await db.participantShare.create({ data: { participantId: shared.id, userId: colleague.id } });
    const e = await db.event.create({
      data: {
        title: "Workshop",
        type: "workshop",
        startsAt: day("2030-01-10"),
        publicSlug: "sichtbar",
      },
    });
    for (const p of [shared, own])
      await db.eventRegistration.create({
        data: { eventId: e.id, participantId: p.id, name: `Name ${p.id}`, source: "coach" },
      });
    const event = (await getEvent(e.id))!;
    const seen = async (user: SessionUser) =>
      (await registrationsFor(user, event.registrations, { withEmail: false })).map((r) => [
        r.name.startsWith("Name ") ? "named" : r.name,
        r.participantId,
      ]);
    expect(await seen(colleague)).toEqual([
      ["named", shared.id],
      ["Teilnehmende:r (anderer Coach)", null],
    ]);
    expect(await seen(owner)).toEqual([
      ["named", shared.id],
      ["named", own.id],
    ]);
    expect((await seen(lead)).map(([name]) => name)).toEqual(["named", "named"]);
  });
});
