import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser, fieldErrorsOf } from "../../../tests/factories";
import {
  createParticipant,
  recordOutcome,
  recordParticipantConsent,
  setParticipantShare,
  updateParticipant,
  withdrawParticipantConsent,
} from "./editing.server";
import { outcomeSchema, participantFormDefaults, participantFormSchema } from "./schema";
import { getParticipant, getParticipantProfile, participantAuditTrail } from "./service.server";

beforeAll(() => ensureReferenceData(), 60_000);

const asSession = (u: { id: string; email: string; name: string; role: string }) =>
  u as SessionUser;

const form = (over: Record<string, string> = {}) =>
  participantFormSchema.safeParse({
    firstName: "Jana",
    lastName: "Beispiel",
    birthDate: "14.03.2001",
    plz: "39418",
    city: "Staßfurt",
    childrenCount: "1",
    weeklyHoursAvailable: "25",
    usesPublicTransport: "on",
    maxCommuteMinutes: "45",
    status: "aktiv",
    entryDate: "01.09.2025",
    wish1: "Medizinische/r Fachangestellte/r (81102)",
    wish2: "81112",
    ...over,
  });

const valid = (over: Record<string, string> = {}) => {
  const parsed = form(over);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

describe("participant form rules", () => {
  it("refuses a birth date in the future, exit before entry and hours outside 0–40", () => {
    const errors = (over: Record<string, string>) => {
      const r = form(over);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
    };
    expect(errors({ birthDate: "01.01.2099" }).birthDate).toBe(
      "Das Geburtsdatum darf nicht in der Zukunft liegen.",
    );
    expect(
      errors({ status: "ausgeschieden", entryDate: "01.09.2025", exitDate: "01.08.2025" }).exitDate,
    ).toBe("Der Austritt kann nicht vor dem Eintritt liegen.");
    expect(errors({ weeklyHoursAvailable: "41" }).weeklyHoursAvailable).toBeTruthy();
    expect(errors({ weeklyHoursAvailable: "-1" }).weeklyHoursAvailable).toBeTruthy();
    expect(errors({ birthDate: "31.02.2001" }).birthDate).toBeTruthy();
    expect(errors({ status: "ausgeschieden" }).exitDate).toBe("Bitte das Austrittsdatum angeben.");
    expect(form().success).toBe(true);
  });
});

describe("participant editing", () => {
  it("creates a participant with district from the PLZ, ranked wishes and an audit entry", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const created = await createParticipant(coach, "own", valid());
    const p = await getParticipant(coach, "own", created.id);
    expect(p?.districtAgs).toBe("15089");
    expect(p?.coachId).toBe(coach.id);
    expect(p?.wishes.map((w) => w.occupation.kldbCode)).toEqual(["81102", "81112"]);
    expect(await db.auditLog.count({ where: { entityId: created.id, action: "create" } })).toBe(1);
  });

  it("the edit form shows every stored field, and saving it unchanged keeps the record as it was", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid({ hasCar: "on", notes: "Notiz" }));
    const stored = await getParticipant(coach, "own", id);
    const defaults = participantFormDefaults(stored!);
    expect(defaults).toMatchObject({
      firstName: "Jana",
      birthDate: "14.03.2001",
      hasCar: true,
      drivingLicence: false,
      notes: "Notiz",
      wish1: "Medizinische/r Fachangestellte/r (81102)",
    });
    // The form posts checkboxes as "on" and leaves unchecked ones out, as a browser does.
    const posted = Object.fromEntries(
      Object.entries(defaults)
        .filter(([, v]) => v !== false)
        .map(([k, v]) => [k, v === true ? "on" : v]),
    );
    await updateParticipant(coach, "own", id, {
      ...participantFormSchema.parse(posted),
      version: stored!.version,
    });
    const again = await getParticipant(coach, "own", id);
    expect(participantFormDefaults(again!)).toEqual(defaults);
  });

  it("refuses an unknown occupation at its field and writes nothing", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const before = await db.participant.count();
    const errors = await fieldErrorsOf(
      createParticipant(coach, "own", valid({ wish2: "Astronaut/in (99999)" })),
    );
    expect(errors.wish2).toEqual(["Diesen Beruf gibt es in der Berufsliste nicht."]);
    expect(await db.participant.count()).toBe(before);
  });

  it("needs an outcome when the participant leaves, and records it with the exit", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    const leaving = { status: "ausgeschieden", exitDate: "31.10.2026" };
    const errors = await fieldErrorsOf(
      updateParticipant(coach, "own", id, { ...valid(leaving), version: 1 }),
    );
    expect(errors.exitOutcome).toEqual(["Beim Austritt ist der Verbleib anzugeben."]);
    expect((await db.participant.findUniqueOrThrow({ where: { id } })).status).toBe("aktiv");

    await updateParticipant(coach, "own", id, {
      ...valid({ ...leaving, exitOutcome: "arbeit" }),
      version: 1,
    });
    const outcomes = await db.outcome.findMany({ where: { participantId: id } });
    expect(outcomes.map((o) => o.type)).toEqual(["arbeit"]);
  });

  it("refuses a stale save and a foreign coach's record", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const other = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    await updateParticipant(coach, "own", id, { ...valid({ city: "Staßfurt-Nord" }), version: 1 });
    await expect(
      updateParticipant(coach, "own", id, { ...valid({ city: "Alt" }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      updateParticipant(other, "own", id, { ...valid(), version: 2 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await getParticipant(other, "own", id)).toBeNull();
    expect((await db.participant.findUniqueOrThrow({ where: { id } })).city).toBe("Staßfurt-Nord");
  });

  it("records consents with date and method, and their withdrawal", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    const input = { givenAt: new Date("2026-09-01"), method: "schriftlich", note: null };
    await recordParticipantConsent(coach, "own", id, "profil_weitergabe", input);
    await expect(
      recordParticipantConsent(coach, "own", id, "profil_weitergabe", input),
    ).rejects.toMatchObject({ status: 400 });
    const consent = await db.consent.findFirstOrThrow({ where: { participantId: id } });
    await expect(
      withdrawParticipantConsent(coach, "own", id, consent.id, new Date("2026-08-01")),
    ).rejects.toMatchObject({ status: 400 });
    // The withdrawal says what it stops.
    expect(
      (await withdrawParticipantConsent(coach, "own", id, consent.id, new Date("2026-10-01")))
        .notice,
    ).toBe("Widerruf ist erfasst. Das Kurzprofil wird nicht mehr an Betriebe weitergegeben.");
    const after = await db.consent.findUniqueOrThrow({ where: { id: consent.id } });
    expect(after.withdrawnAt?.toISOString().slice(0, 10)).toBe("2026-10-01");
    const trail = await participantAuditTrail(id);
    expect(trail.map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        "Einwilligung erfasst: Weitergabe des Kurzprofils an Betriebe",
        "Einwilligung widerrufen: Weitergabe des Kurzprofils an Betriebe",
      ]),
    );
  });

  it("records an apprenticeship contract and moves the participant into apprenticeship", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    const company = await db.company.create({
      data: {
        name: "Praxis Dr. Vertrag",
        normalizedName: "praxis dr vertrag",
        plz: "39418",
        districtAgs: "15089",
      },
    });
    const contract = outcomeSchema.parse({
      type: "ausbildung",
      companyName: "Praxis Dr. Vertrag",
      occupation: "Medizinische/r Fachangestellte/r (81102)",
      partTime: "on",
      weeklyHours: "30",
      startDate: "01.08.2027",
    });
    await recordOutcome(coach, "own", id, contract);
    const outcome = await db.outcome.findFirstOrThrow({
      where: { participantId: id },
      select: { companyId: true, partTime: true, weeklyHours: true },
    });
    expect(outcome).toEqual({ companyId: company.id, partTime: true, weeklyHours: 30 });
    expect((await db.participant.findUniqueOrThrow({ where: { id } })).status).toBe(
      "in_ausbildung",
    );
    const errors = await fieldErrorsOf(
      recordOutcome(coach, "own", id, { ...contract, companyName: "Gibt es nicht GmbH" }),
    );
    expect(errors.companyName).toBeTruthy();
  });
});

describe("anonymised short profile", () => {
  it("exists only with a current consent and holds no name, birth date or children", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(
      coach,
      "own",
      valid({ strengths: "pünktlich, freundlich", youngestChildBirthDate: "01.02.2024" }),
    );
    expect((await getParticipantProfile(coach, "own", id))?.profile).toBeNull();
    await recordParticipantConsent(coach, "own", id, "profil_weitergabe", {
      givenAt: new Date("2026-09-01"),
      method: "schriftlich",
      note: null,
    });
    const found = await getParticipantProfile(coach, "own", id);
    expect(found?.profile?.strengths).toBe("pünktlich, freundlich");
    expect(found?.profile?.district?.name).toBe("Salzlandkreis");
    const text = JSON.stringify(found);
    for (const secret of ["Jana", "Beispiel", "2001", "2024", "childrenCount", "birthDate"])
      expect(text).not.toContain(secret);
    expect(
      await getParticipantProfile(asSession(await createUser("jobcoach")), "own", id),
    ).toBeNull();
  });
});

describe("sharing", () => {
  it("the own coach shares with another coach, who then sees the participant until it ends", async () => {
    const coach = asSession(await createUser("jobcoach"));
    const cover = asSession(await createUser("jobcoach"));
    const { id } = await createParticipant(coach, "own", valid());
    expect(await getParticipant(cover, "own", id)).toBeNull();
    await expect(setParticipantShare(cover, "own", id, cover.id, true)).rejects.toMatchObject({
      status: 404,
    });
    await setParticipantShare(coach, "own", id, cover.id, true);
    expect((await getParticipant(cover, "own", id))?.id).toBe(id);
    await setParticipantShare(coach, "own", id, cover.id, false);
    expect(await getParticipant(cover, "own", id)).toBeNull();
  });
});
