import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { createCompany } from "~/modules/company/editing.server";
import { companyFormSchema } from "~/modules/company/schema";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { logInteraction } from "./log.server";
import { logInteractionSchema } from "./schema";
import { timelineFor } from "./timeline.server";

// These tests reuse names on purpose; duplicate detection has its own test.
const createAllowingDuplicates: typeof createCompany = (user, input, meta = {}) =>
  createCompany(user, input, { ...meta, allowDuplicate: true });

beforeAll(() => ensureReferenceData(), 60_000);

async function setup() {
  const user = (await createUser("jobcoach")) as SessionUser;
  const company = await createAllowingDuplicates(
    user,
    companyFormSchema.parse({
      name: "Praxis Dr. Weber",
      plz: "39104",
      outreachStatus: "neu",
      partTimeReadiness: "offen",
    }),
  );
  const contact = await db.contactPerson.create({
    data: { firstName: "Ina", lastName: "Weber", companyId: company.id },
    select: { id: true },
  });
  return { user, company, contact };
}
const entry = (v: Record<string, unknown>) =>
  logInteractionSchema.parse({
    type: "anruf",
    occurredAt: "24.11.2026",
    topics: [],
    notes: "kurz gesprochen",
    ...v,
  });

describe("logging a contact", () => {
  it("records the call with topics and a follow-up, and moves the company to informed", async () => {
    const { user, company, contact } = await setup();
    const result = await logInteraction(
      user,
      company.id,
      entry({
        contactId: contact.id,
        topics: ["tz_informiert", "praktikumsplatz_angefragt"],
        outcome: "Interesse",
        followUpDue: "2026-12-01",
      }),
    );
    const c = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(c.outreachStatus).toBe("informiert");
    expect(c.informedAt?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(c.lastContactAt?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    const followUp = await db.followUp.findUniqueOrThrow({ where: { id: result.followUpId! } });
    expect(followUp).toMatchObject({
      assigneeId: user.id,
      title: "Nachfassen: Praxis Dr. Weber",
      contactId: contact.id,
    });
    expect(
      (await db.interactionTopic.findMany({ where: { interactionId: result.interactionId } }))
        .map((t) => t.topic)
        .sort(),
    ).toEqual(["praktikumsplatz_angefragt", "tz_informiert"]);
    expect(
      (await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id } })).lastContactAt,
    ).not.toBeNull();

    // A second "informed" contact does not move the first-informed date.
    await logInteraction(
      user,
      company.id,
      entry({ occurredAt: "25.11.2026", topics: ["tz_informiert"] }),
    );
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: company.id } })).informedAt?.toISOString(),
    ).toBe("2026-11-24T00:00:00.000Z");
  });

  it("a plain first call moves a new company to contacted", async () => {
    const { user, company } = await setup();
    await logInteraction(user, company.id, entry({}));
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).outreachStatus).toBe(
      "kontaktiert",
    );
  });

  it("refuses a contact person of another company and writes nothing", async () => {
    const a = await setup();
    const b = await setup();
    await expect(
      logInteraction(
        a.user,
        a.company.id,
        entry({ contactId: b.contact.id, followUpDue: "01.12.2026" }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { contactId: ["Diese Person gehört nicht zu diesem Unternehmen."] },
    });
    expect(await db.interaction.count({ where: { companyId: a.company.id } })).toBe(0);
    expect(await db.followUp.count({ where: { companyId: a.company.id } })).toBe(0);
  });

  it("refuses dates in the future and impossible dates with German messages", () => {
    expect(
      logInteractionSchema.safeParse({ type: "anruf", occurredAt: "01.01.2099" }).error?.issues[0]
        ?.message,
    ).toBe("Ein Kontakt kann nicht in der Zukunft liegen.");
    expect(
      logInteractionSchema.safeParse({ type: "anruf", occurredAt: "31.02.2025" }).error?.issues[0]
        ?.message,
    ).toBe("Bitte geben Sie ein gültiges Datum ein.");
  });

  it("refuses an entry without topic, outcome or note, at the note", () => {
    const refused = logInteractionSchema.safeParse({
      type: "anruf",
      occurredAt: "24.11.2026",
      notes: "  ",
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["notes", "Bitte ein Thema ankreuzen oder kurz notieren, worum es ging."],
    ]);
    expect(entry({ notes: "", topics: ["tz_informiert"] }).topics).toEqual(["tz_informiert"]);
    expect(entry({ notes: "", outcome: "Rückruf erbeten" }).outcome).toBe("Rückruf erbeten");
  });

  it("refuses a follow-up title without its day, which would otherwise be dropped", () => {
    const refused = logInteractionSchema.safeParse({
      type: "anruf",
      occurredAt: "24.11.2026",
      notes: "Flyer gewünscht",
      followUpTitle: "Unterlagen schicken",
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["followUpDue", "Bitte das Datum der Wiedervorlage angeben."],
    ]);
    expect(entry({ followUpTitle: "", followUpDue: "" }).followUpDue).toBeNull();
  });
});

describe("timeline", () => {
  it("merges interactions, follow-ups and status changes newest first, and pages exactly", async () => {
    const { user, company } = await setup();
    for (let d = 1; d <= 12; d++) {
      await logInteraction(
        user,
        company.id,
        entry({ occurredAt: `${String(d).padStart(2, "0")}.11.2026` }),
      );
    }
    const first = await timelineFor({ companyId: company.id }, 1, 5);
    expect(first.items).toHaveLength(5);
    expect(first.hasMore).toBe(true);
    const all = [];
    for (let p = 1; ; p++) {
      const page = await timelineFor({ companyId: company.id }, p, 5);
      all.push(...page.items);
      if (!page.hasMore) break;
    }
    // 12 interactions + 1 status change (neu → kontaktiert)
    expect(all).toHaveLength(13);
    expect(new Set(all.map((i) => i.id)).size).toBe(13);
    const times = all.map((i) => i.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("shows internships, event registrations and follow-ups with their details", async () => {
    const { user, company } = await setup();
    await ensureReferenceData();
    const occupation = await db.occupation.findFirstOrThrow();
    const contact = await db.contactPerson.create({
      data: {
        firstName: "Eva",
        lastName: "Kern",
        normalizedName: "eva kern",
        companyId: company.id,
      },
    });
    const participant = await db.participant.create({
      data: { firstName: "Lena", lastName: "Bauer", birthDate: new Date("2001-03-04") },
    });
    await db.internship.create({
      data: {
        participantId: participant.id,
        companyId: company.id,
        occupationId: occupation.id,
        supervisorId: contact.id,
        startDate: new Date("2026-10-01T00:00:00Z"),
        status: "laeuft",
      },
    });
    const event = await db.event.create({
      data: {
        type: "infoveranstaltung",
        title: "Infoabend Teilzeitausbildung",
        startsAt: new Date("2026-09-15T16:00:00Z"),
        publicSlug: "infoabend-test",
      },
    });
    await db.eventRegistration.create({
      data: {
        eventId: event.id,
        name: "Eva Kern",
        source: "einladung",
        companyId: company.id,
        contactId: contact.id,
        attendance: "teilgenommen",
      },
    });
    await db.followUp.create({
      data: {
        title: "Zurückrufen",
        dueDate: new Date("2026-12-01T00:00:00Z"),
        assigneeId: user.id,
        createdById: user.id,
        companyId: company.id,
        contactId: contact.id,
      },
    });
    const { items } = await timelineFor({ companyId: company.id }, 1);
    expect(items.find((i) => i.kind === "internship")).toMatchObject({
      occupation: occupation.title,
      participantId: participant.id,
      status: "laeuft",
      at: new Date("2026-10-01T00:00:00Z"),
    });
    expect(items.find((i) => i.kind === "event")).toMatchObject({
      title: "Infoabend Teilzeitausbildung",
      attendance: "teilgenommen",
      at: new Date("2026-09-15T16:00:00Z"),
    });
    expect(items.find((i) => i.kind === "followup")).toMatchObject({
      title: "Zurückrufen",
      assignee: user.name,
      due: new Date("2026-12-01T00:00:00Z"),
      done: false,
    });
    // The contact's timeline: what involved them, and the internship they supervise.
    const kinds = (await timelineFor({ contactId: contact.id }, 1)).items.map((i) => i.kind);
    expect(kinds.sort()).toEqual(["event", "followup", "internship"]);
  });
});
