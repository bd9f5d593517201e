import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, dateOnly, formatDay, today } from "~/lib/day";
import { AppError } from "~/lib/errors";
import type { SessionUser } from "~/modules/auth/session.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { eraseParticipantCoaching } from "~/modules/retention/anonymise.server";
import { createParticipant, createUser } from "../../../tests/factories";
import { addCaseNote, caseFileFor } from "./case-file.server";
import { caseNoteSchema } from "./schema";

const note = (v: Record<string, unknown>) =>
  caseNoteSchema.parse({
    type: "beratung",
    occurredOn: formatDay(today()),
    text: "Gespräch",
    ...v,
  });

beforeAll(() => ensureReferenceData(), 60_000);

describe("the case file", () => {
  it("keeps dated notes with their author and merges stays, internships, events and follow-ups, newest first", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const p = await createParticipant({ coachId: coach.id }, [{ entry: addDays(today(), -60) }]);
    const company = await db.company.create({
      data: { name: "Pflegeheim Abendrot", normalizedName: "pflegeheim abendrot" },
    });
    const occupation = await db.occupation.findFirstOrThrow({ select: { id: true } });
    const internship = await db.internship.create({
      data: { participantId: p.id, companyId: company.id, occupationId: occupation.id },
    });
    await db.internshipStatusChange.create({
      data: {
        internshipId: internship.id,
        toStatus: "vereinbart",
        changedById: coach.id,
        createdAt: dateOnly(addDays(today(), -20)),
      },
    });
    const event = await db.event.create({
      data: {
        type: "info_teilzeit",
        title: "Elterncafé",
        startsAt: dateOnly(addDays(today(), -10)),
        place: "Stendal",
        publicSlug: "elterncafe-akte",
      },
    });
    await db.eventRegistration.create({
      data: {
        eventId: event.id,
        participantId: p.id,
        name: "TN",
        source: "intern",
        attendance: "anwesend",
      },
    });
    await addCaseNote(
      coach,
      "own",
      p.id,
      note({
        occurredOn: formatDay(addDays(today(), -3)),
        text: "Kita-Platz ab März zugesagt",
        type: "kinderbetreuung",
      }),
    );
    await addCaseNote(
      coach,
      "own",
      p.id,
      note({
        text: "Bewerbung Pflegefachfrau besprochen",
        followUpDue: formatDay(addDays(today(), 7)),
      }),
    );

    const items = await caseFileFor(p.id);
    expect(items.map((i) => i.kind)).toEqual([
      "followup",
      "note",
      "note",
      "event",
      "internship",
      "stay",
    ]);
    expect(items[1]).toMatchObject({
      kind: "note",
      text: "Bewerbung Pflegefachfrau besprochen",
      author: coach.name,
    });
    expect(items[2]).toMatchObject({ type: "kinderbetreuung" });
    expect(items[4]).toMatchObject({ company: "Pflegeheim Abendrot", status: "vereinbart" });
    expect(items[0]).toMatchObject({ title: "Nachfassen: Beratungsgespräch", done: false });

    // The note's text is not copied into the audit log.
    const logged = await db.auditLog.findMany({ where: { entityType: "case_note" } });
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(logged)).not.toContain("Kita-Platz");
  });

  it("refuses a future note, a past follow-up and another coach's participant", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    const p = await createParticipant({ coachId: coach.id });
    const refused = caseNoteSchema.safeParse({
      type: "beratung",
      occurredOn: formatDay(addDays(today(), 1)),
      text: "x",
      followUpDue: formatDay(addDays(today(), -1)),
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["occurredOn", "Eine Notiz kann nicht in der Zukunft liegen."],
      ["followUpDue", "Das Datum darf nicht in der Vergangenheit liegen."],
    ]);
    expect(
      caseNoteSchema.safeParse({ type: "beratung", occurredOn: "01.12.2026", text: " " }).error
        ?.issues[0]?.path,
    ).toEqual(["text"]);
    const denied = await addCaseNote(other, "own", p.id, note({})).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AppError);
    expect((denied as AppError).status).toBe(404);
    expect(await db.caseNote.count({ where: { participantId: p.id } })).toBe(0);
  });

  it("goes with her counselling data under the retention rule", async () => {
    const coach = (await createUser("jobcoach")) as SessionUser;
    const p = await createParticipant({ coachId: coach.id });
    await addCaseNote(coach, "own", p.id, note({}));
    const counts = await db.$transaction((tx) => eraseParticipantCoaching(tx, p.id));
    expect(counts.CaseNote).toBe(1);
    expect(await db.caseNote.count({ where: { participantId: p.id } })).toBe(0);
  });
});
