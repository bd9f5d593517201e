import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { parseFormData } from "~/lib/forms.server";
import { normalizeCompanyName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { matchesForOffer, matchesForParticipant } from "./matching.server";
import { travelTimeSchema } from "./schema";
import { recordTravelTime } from "./travel.server";

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
    expect(result?.matches[1]?.reasons[1]?.text).toMatch(
      /^Nachbarkreis, ca\. \d+ min mit ÖPNV( \(Bahn .+\))?$/,
    );
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

  it("says why the offers of her wished occupation that cannot take her are not proposed", async () => {
    const result = await matchesForParticipant(coach, "own", lenaId);
    expect(result?.notProposed.map((o) => [o.companyName, o.reason])).toEqual([
      ["Praxis Nein", "Betrieb hat kein Interesse"],
      ["Praxis Voll", "keine freien Plätze"],
    ]);
  });
});

describe("the acceptable commute and known travel times", () => {
  it("a known time beyond her limit hides the offer by default, with a count, and ranks it last when shown", async () => {
    const before = await matchesForParticipant(coach, "own", lenaId);
    expect(before?.far).toBe(0);
    const magdeburgOffer = await db.trainingOffer.findFirstOrThrow({
      where: { company: { name: "Praxis Hasselbachplatz" } },
    });
    const saved = await recordTravelTime(coach, "own", lenaId, {
      offerId: magdeburgOffer.id,
      minutes: 95,
    });
    expect(saved).toMatchObject({ fromPlz: "39418", toPlz: "39104", mode: "oepnv", minutes: 95 });
    const hidden = await matchesForParticipant(coach, "own", lenaId);
    expect(hidden?.matches.map((m) => m.companyName)).toEqual(["Praxis am Markt"]);
    expect(hidden?.far).toBe(1);
    const shown = await matchesForParticipant(coach, "own", lenaId, {}, { includeFar: true });
    expect(shown?.matches.map((m) => [m.companyName, m.beyondLimit])).toEqual([
      ["Praxis am Markt", false],
      ["Praxis Hasselbachplatz", true],
    ]);
    expect(shown?.matches[1]?.reasons.map((r) => r.text)).toContain(
      "Nachbarkreis, 95 min mit ÖPNV (bekannt)",
    );
    // The offer's view: Lena is beyond her limit for Magdeburg, so she is left out there too.
    const forOffer = await matchesForOffer(coach, "any", magdeburgOffer.id);
    expect(forOffer?.matches.map((m) => m.name)).not.toContain("Lena Bauer");
    expect(forOffer?.far).toBe(1);
    // A second entry for the same way replaces the first: still one row.
    await recordTravelTime(coach, "own", lenaId, { offerId: magdeburgOffer.id, minutes: 50 });
    expect(await db.travelTime.count({ where: { fromPlz: "39418", toPlz: "39104" } })).toBe(1);
    const back = await matchesForParticipant(coach, "own", lenaId);
    expect(back?.far).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "travel_time" } })).toBe(2);
  });

  it("refuses a time for someone else's participant, and minutes out of range at the field", async () => {
    const any = await db.trainingOffer.findFirstOrThrow();
    await expect(
      recordTravelTime(otherCoach, "own", lenaId, { offerId: any.id, minutes: 30 }),
    ).rejects.toMatchObject({ status: 404 });
    for (const minutes of ["0", "301", "zehn", ""]) {
      const form = new FormData();
      form.set("offerId", any.id);
      form.set("minutes", minutes);
      const parsed = parseFormData(form, travelTimeSchema);
      expect(parsed.ok, minutes).toBe(false);
      if (!parsed.ok) expect(parsed.errors.minutes?.length, minutes).toBeGreaterThan(0);
    }
  });
});
