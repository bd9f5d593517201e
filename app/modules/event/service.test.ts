import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dayRangeParam, parseListParams } from "~/lib/list-params";
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
