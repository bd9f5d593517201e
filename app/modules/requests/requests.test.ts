import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dateOnly } from "~/lib/day";
import type { SessionUser } from "~/modules/auth/session.server";
import { setHold } from "~/modules/retention/holds.server";
import { createParticipant, createUser } from "../../../tests/factories";
import { auskunftZip } from "./auskunft.server";
import { answerLetter } from "./letter";
import { answerRequest, checkIdentity, getRequest, recordRequest } from "./requests.server";

const session = (u: unknown) => u as SessionUser;

async function person(coachId: string, lastName: string) {
  const project = await db.project.create({
    data: {
      name: `Projekt ${lastName}`,
      startDate: dateOnly("2025-01-01"),
      endDate: dateOnly("2026-12-31"),
    },
    select: { id: true },
  });
  const p = await createParticipant(
    {
      coachId,
      projectId: project.id,
      firstName: "Rieke",
      lastName,
      email: `${lastName.toLowerCase()}@example.org`,
      phone: "0391 555",
      notes: "Beratungsnotiz",
    },
    [{ entry: "2025-02-01", exit: "2025-10-31" }],
  );
  await db.consent.create({
    data: {
      participantId: p.id,
      purpose: "fotos",
      givenAt: dateOnly("2025-02-01"),
      method: "schriftlich",
    },
  });
  return p.id;
}

describe("requests of data subjects", () => {
  it("records a request due in one month; another coach's participant is not found", async () => {
    const coach = session(await createUser("jobcoach"));
    const other = session(await createUser("jobcoach"));
    const id = await person(coach.id, "Fristig");
    const request = await recordRequest(
      coach,
      { kind: "participant", id },
      {
        kind: "auskunft",
        receivedOn: dateOnly("2026-01-31"),
      },
    );
    const stored = await db.subjectRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.dueOn.toISOString().slice(0, 10)).toBe("2026-02-28");
    await expect(getRequest(other, request.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      recordRequest(
        other,
        { kind: "participant", id },
        { kind: "auskunft", receivedOn: new Date() },
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("answers an Auskunft only after the identity check, with a ZIP of her data and nobody else's", async () => {
    const coach = session(await createUser("jobcoach"));
    const id = await person(coach.id, "Auskunftsreich");
    await person(coach.id, "Nebenperson");
    await db.interaction.create({
      data: {
        type: "anruf",
        occurredAt: new Date(),
        authorId: coach.id,
        participantId: id,
        notes: "Telefonat über Kita",
      },
    });
    const { id: requestId } = await recordRequest(
      coach,
      { kind: "participant", id },
      {
        kind: "auskunft",
        receivedOn: new Date(),
      },
    );
    await expect(answerRequest(coach, requestId, {})).rejects.toMatchObject({
      fieldErrors: {
        identityMethod: ["Bitte zuerst die Identität der antragstellenden Person prüfen."],
      },
    });

    const { zip, filename } = await auskunftZip(coach, requestId);
    expect(filename).toMatch(/^auskunft-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      [
        "LIESMICH.txt",
        "berufswuensche.csv",
        "beratungsnotizen.csv",
        "dokumente.csv",
        "beratungskontakte.csv",
        "daten.json",
        "einwilligungen.csv",
        "person.csv",
        "praktika.csv",
        "teilnahmen.csv",
        "veranstaltungen.csv",
        "verbleib.csv",
        "wiedervorlagen.csv",
      ].sort(),
    );
    const json = JSON.parse(strFromU8(files["daten.json"]!));
    expect(json).toMatchObject({ lastName: "Auskunftsreich", email: "auskunftsreich@example.org" });
    expect(json.stays).toHaveLength(1);
    expect(json.consents[0]).toMatchObject({ purpose: "fotos" });
    expect(strFromU8(files["beratungskontakte.csv"]!)).toContain("Telefonat über Kita");
    expect(strFromU8(files["einwilligungen.csv"]!)).toContain("Fotos");
    const readme = strFromU8(files["LIESMICH.txt"]!);
    expect(readme).toContain("Art. 82 VO (EU) 2021/1060");
    expect(readme).toContain("Beschwerde");
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    expect(everything).not.toContain("Nebenperson");
    expect(await db.auditLog.count({ where: { entityId: requestId, action: "export" } })).toBe(1);

    await checkIdentity(coach, requestId, "Personalausweis vorgelegt");
    await answerRequest(coach, requestId, {});
    const answered = await getRequest(coach, requestId);
    expect(answered.status).toBe("beantwortet");
    expect(answerLetter(answered)).toContain("Anbei erhalten Sie eine Kopie");
    await expect(answerRequest(coach, requestId, {})).rejects.toMatchObject({ status: 409 });
  });

  it("erases what may go, restricts the evidence, keeps a deletion record without values; a hold blocks it", async () => {
    const coach = session(await createUser("jobcoach"));
    const lead = session(await createUser("leitung"));
    const id = await person(coach.id, "Löschwunsch");
    const subject = { kind: "participant" as const, id };
    const { id: requestId } = await recordRequest(coach, subject, {
      kind: "loeschung",
      receivedOn: new Date(),
    });
    await checkIdentity(coach, requestId, "Rückruf unter bekannter Nummer");
    const all = (decision: string) => ({
      entscheidung_esf_nachweis: decision,
      entscheidung_tn_kontakt: "erase",
      entscheidung_tn_beratung: "erase",
      entscheidung_einwilligung: "erase",
      entscheidung_kontaktverlauf: "erase",
      entscheidung_veranstaltung_anmeldung: "erase",
    });
    // The coach records, the lead decides.
    await expect(answerRequest(coach, requestId, all("erase"))).rejects.toMatchObject({
      status: 403,
    });
    // The project has no last payment yet: its evidence must be kept.
    await expect(answerRequest(lead, requestId, all("erase"))).rejects.toMatchObject({
      fieldErrors: {
        entscheidung_esf_nachweis: [expect.stringContaining("Art. 17 Abs. 3 lit. b")],
      },
    });
    await expect(
      answerRequest(lead, requestId, { entscheidung_tn_kontakt: "erase" }),
    ).rejects.toMatchObject({
      fieldErrors: { entscheidung_esf_nachweis: ["Bitte für diese Datenart entscheiden."] },
    });
    // A legal hold blocks any erasure.
    const hold = await setHold(lead, { participantId: id }, { reason: "Prüfung", until: null });
    await expect(
      answerRequest(lead, requestId, {
        ...all("restrict"),
        bis_esf_nachweis: dateOnly("2031-12-31"),
        grund_esf_nachweis: "Aufbewahrungspflicht",
      }),
    ).rejects.toMatchObject({ status: 409 });
    await db.legalHold.update({ where: { id: hold.id }, data: { liftedAt: new Date() } });

    await answerRequest(lead, requestId, {
      ...all("restrict"),
      bis_esf_nachweis: dateOnly("2031-12-31"),
      grund_esf_nachweis: "Aufbewahrungspflicht für ESF-Nachweise",
    });
    const p = await db.participant.findUniqueOrThrow({ where: { id } });
    expect(p).toMatchObject({
      lastName: "Löschwunsch",
      email: null,
      phone: null,
      notes: null,
      anonymisedAt: null,
    });
    expect(p.archivedAt).not.toBeNull();
    expect(await db.consent.count({ where: { participantId: id } })).toBe(0);
    expect(await db.participantStay.count({ where: { participantId: id } })).toBe(1);
    const record = await db.erasureRecord.findFirstOrThrow({ where: { requestId } });
    expect(record.rule).toBe("antrag");
    expect(JSON.parse(record.counts)).toMatchObject({ Participant: 2, Consent: 1 });
    expect(JSON.stringify(record)).not.toMatch(/Löschwunsch|example\.org|0391/);
    const letter = answerLetter(await getRequest(lead, requestId));
    expect(letter).toContain("Folgende Daten haben wir gelöscht:");
    expect(letter).toContain("- Kontaktdaten der Teilnehmenden");
    expect(letter).toContain("bis 31.12.2031. Aufbewahrungspflicht für ESF-Nachweise");
    expect(letter).not.toContain("Löschwunsch");
  });
});
