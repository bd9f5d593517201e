import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { parseListParams } from "~/lib/list-params";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser } from "../../../tests/factories";
import { ageOn, listParticipants } from "./service.server";
import { PARTICIPANT_SORTS } from "./values";

const params = parseListParams(new URL("http://x/teilnehmende"), {
  sortable: PARTICIPANT_SORTS,
  defaultSort: "name",
});
const asSession = (u: { id: string; email: string; name: string; role: string }) =>
  u as SessionUser;

async function participant(coachId: string, lastName: string) {
  return db.participant.create({
    data: { firstName: "Test", lastName, birthDate: new Date("2001-05-01"), coachId },
    select: { id: true },
  });
}

describe("participant access", () => {
  it("a coach sees own and shared participants only; placement sees all; every list read is audited", async () => {
    const coachA = asSession(await createUser("jobcoach"));
    const coachB = asSession(await createUser("jobcoach"));
    const placement = asSession(await createUser("vermittlung"));
    await participant(coachA.id, "Eigene");
    const other = await participant(coachB.id, "Fremde");
    await participant(coachB.id, "Geteilte").then((p) =>
      db.participantShare.create({ data: { participantId: p.id, userId: coachA.id } }),
    );

    const own = await listParticipants(coachA, "own", params);
    expect(own.data.map((p) => p.lastName)).toEqual(["Eigene", "Geteilte"]);
    expect(own.data.some((p) => p.id === other.id)).toBe(false);

    const all = await listParticipants(placement, "any", params);
    expect(all.count).toBe(3);
    expect(
      await db.auditLog.count({
        where: { action: "read", entityType: "participant", actorId: coachA.id },
      }),
    ).toBe(1);
  });

  it("computes the age on a given day", () => {
    expect(ageOn(new Date("2000-06-15"), new Date("2026-06-14"))).toBe(25);
    expect(ageOn(new Date("2000-06-15"), new Date("2026-06-15"))).toBe(26);
  });
});

describe("participant list search", () => {
  it("finds names and places regardless of case and umlaut spelling, within the user's scope", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const other = asSession(await createUser("jobcoach"));
    await participant(coach.id, "Müller");
    await participant(coach.id, "Schröder");
    await participant(other.id, "Mueller-Fremd");
    const names = async (q: string) => {
      const url = new URL(`http://x/teilnehmende?q=${encodeURIComponent(q)}`);
      const p = parseListParams(url, { sortable: PARTICIPANT_SORTS, defaultSort: "name" });
      return (await listParticipants(coach, "own", p)).data.map((r) => r.lastName);
    };
    expect(await names("müller")).toEqual(["Müller"]);
    expect(await names("MUELLER")).toEqual(["Müller"]);
    expect(await names("schroeder")).toEqual(["Schröder"]);
    expect(await names("test sch")).toEqual(["Schröder"]);
    expect(await names("xyz")).toEqual([]);
  });
});
