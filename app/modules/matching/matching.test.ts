import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { normalizeCompanyName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { matchesForOffer, matchesForParticipant } from "./matching.server";

let coach: SessionUser;
let otherCoach: SessionUser;
let lenaId: string;
let offerStassfurt: string;

async function company(name: string, plz: string, districtAgs: string, extra = {}) {
  return db.company.create({
    data: { name, normalizedName: normalizeCompanyName(name), plz, districtAgs, ...extra },
  });
}

async function offer(companyId: string, occupationTitle: string, extra = {}) {
  const occupation = await db.occupation.findUniqueOrThrow({ where: { title: occupationTitle } });
  return db.trainingOffer.create({
    data: { companyId, occupationId: occupation.id, places: 1, ...extra },
  });
}

beforeAll(async () => {
  await ensureReferenceData();
  coach = (await createUser("jobcoach")) as SessionUser;
  otherCoach = (await createUser("jobcoach")) as SessionUser;
  const mfa = await db.occupation.findUniqueOrThrow({
    where: { title: "Medizinische/r Fachangestellte/r" },
  });
  const lena = await db.participant.create({
    data: {
      firstName: "Lena",
      lastName: "Bauer",
      birthDate: new Date("2001-03-04"),
      plz: "39418",
      districtAgs: "15089",
      weeklyHoursAvailable: 25,
      maxCommuteMinutes: 60,
      status: "aktiv",
      coachId: coach.id,
      wishes: { create: { occupationId: mfa.id, rank: 1 } },
    },
  });
  lenaId = lena.id;
  await db.participant.create({
    data: {
      firstName: "Mara",
      lastName: "Fremd",
      birthDate: new Date("2000-01-01"),
      status: "aktiv",
      coachId: otherCoach.id,
    },
  });
  const stassfurt = await company("Praxis am Markt", "39418", "15089", {
    partTimeReadiness: "ja",
    informedAt: new Date(),
  });
  const magdeburg = await company("Praxis Hasselbachplatz", "39104", "15003", {
    partTimeReadiness: "ja",
  });
  const refuses = await company("Praxis Nein", "39418", "15089", {
    outreachStatus: "kein_interesse",
  });
  const full = await company("Praxis Voll", "39418", "15089", { partTimeReadiness: "ja" });
  const hairdresser = await company("Salon Schnitt", "39418", "15089", { partTimeReadiness: "ja" });
  offerStassfurt = (await offer(stassfurt.id, mfa.title)).id;
  await offer(magdeburg.id, mfa.title);
  await offer(refuses.id, mfa.title);
  await offer(full.id, mfa.title, { placesFilled: 1 });
  await offer(hairdresser.id, "Friseur/in");
}, 60_000);

describe("matching from the database", () => {
  it("ranks a participant's offers with reasons, leaving out excluded and unrelated ones", async () => {
    const result = await matchesForParticipant(coach, "own", lenaId);
    expect(result?.matches.map((m) => m.companyName)).toEqual([
      "Praxis am Markt",
      "Praxis Hasselbachplatz",
    ]);
    expect(result?.matches[0]?.reasons.map((r) => r.text)).toEqual([
      "gleicher Beruf",
      "gleicher Landkreis, ca. 15 min mit ÖPNV",
      "Teilzeit möglich",
      "über Teilzeitausbildung informiert",
    ]);
    expect(result?.matches[1]?.reasons[1]?.text).toMatch(/^Nachbarkreis, ca\. \d+ min mit ÖPNV$/);
    expect(
      await db.auditLog.count({ where: { entityId: lenaId, action: "read", actorId: coach.id } }),
    ).toBe(1);
  });

  it("filters by district and part-time", async () => {
    const result = await matchesForParticipant(coach, "own", lenaId, { districtAgs: "15003" });
    expect(result?.matches.map((m) => m.companyName)).toEqual(["Praxis Hasselbachplatz"]);
  });

  it("does not show another coach's participant, nor them in an offer's ranking", async () => {
    expect(await matchesForParticipant(otherCoach, "own", lenaId)).toBeNull();
    const forOffer = await matchesForOffer(otherCoach, "own", offerStassfurt);
    expect(forOffer?.matches.map((m) => m.name)).toEqual(["Mara Fremd"]);
    const all = await matchesForOffer(coach, "any", offerStassfurt);
    expect(all?.matches.map((m) => m.name)).toEqual(["Lena Bauer", "Mara Fremd"]);
  });

  it("does not propose to an employer someone who withdrew sharing her profile", async () => {
    const before = await matchesForOffer(coach, "any", offerStassfurt);
    expect(before?.matches.find((m) => m.name === "Lena Bauer")?.profileShared).toBe(false);
    const given = await db.consent.create({
      data: {
        participantId: lenaId,
        purpose: "profil_weitergabe",
        givenAt: new Date(),
        method: "schriftlich",
      },
    });
    const shared = await matchesForOffer(coach, "any", offerStassfurt);
    expect(shared?.matches.find((m) => m.name === "Lena Bauer")?.profileShared).toBe(true);
    await db.consent.update({ where: { id: given.id }, data: { withdrawnAt: new Date() } });
    const after = await matchesForOffer(coach, "any", offerStassfurt);
    expect(after?.matches.map((m) => m.name)).toEqual(["Mara Fremd"]);
    expect(after?.withdrawn).toBe(1);
    await db.consent.delete({ where: { id: given.id } });
  });
});
