import { createHmac } from "node:crypto";
import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { AppError } from "~/lib/errors";
import { normalizeCompanyName, personSearchName } from "~/lib/text";
import type { SessionUser } from "~/modules/auth/session.server";
import { deliverOutbox } from "~/modules/email/email.server";
import { applyResendEvent, verifyWebhookSignature } from "~/modules/email/webhook.server";
import { queueDigests, queueReminders } from "~/modules/jobs/jobs.server";
import { ensureReferenceData } from "~/modules/reference/reference-data.server";
import { createUser } from "../../../tests/factories";
import { type FakeResend, startFakeResend } from "../../../tests/fake-resend";
import { cancelEvent, checkInRows, createEvent, getEvent } from "./editing.server";
import { confirmInvitations, previewRecipients, sendInvitations } from "./invitations.server";
import {
  addWalkIn,
  cancelRegistration,
  cancelWithToken,
  registerForEvent,
  registerParticipant,
  setAttendance,
} from "./registration.server";
import { eventFormSchema, type RegistrationInput, registrationSchema } from "./schema";

let fake: FakeResend;
let lead: SessionUser;
beforeAll(async () => {
  await ensureReferenceData();
  fake = await startFakeResend();
  lead = (await createUser("leitung")) as SessionUser;
}, 60_000);
afterAll(() => fake.close());

let n = 0;
async function event(over: Record<string, string> = {}) {
  n++;
  const input = eventFormSchema.parse({
    type: "info_teilzeit",
    title: `Infoabend Teilzeitausbildung ${n}`,
    date: "15.12.2099",
    startTime: "17:00",
    endTime: "19:00",
    place: "IHK Magdeburg",
    capacity: "3",
    forCompanies: "on",
    publicRegistration: "on",
    ...over,
  });
  const created = await createEvent(lead, input);
  return db.event.findUniqueOrThrow({ where: { id: created.id } });
}

const form = (over: Record<string, string> = {}): RegistrationInput =>
  registrationSchema.parse({
    name: "Petra Personal",
    email: `petra${++n}@betrieb.example`,
    companyName: "Autohaus Beispiel",
    plz: "39104",
    consent: "on",
    ...over,
  });

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const cancelLinkIn = (text: string) => /https?:\/\/\S+\/abmelden\/\S+/.exec(text)![0];

describe("event form", () => {
  it("stores times in Berlin time and refuses an end before the start", async () => {
    const e = await event();
    expect(e.startsAt.toISOString()).toBe("2099-12-15T16:00:00.000Z");
    const bad = eventFormSchema.safeParse({
      type: "workshop",
      title: "x",
      date: "15.07.2099",
      startTime: "18:00",
      endTime: "17:00",
      place: "",
    });
    expect(bad.success).toBe(false);
    const fields = bad.success ? [] : bad.error.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["endTime", "place", "forCompanies"]));
  });
});

describe("public registration", () => {
  it("fills the places, then the waiting list, and moves up on cancellation", async () => {
    const e = await event({ capacity: "3" });
    const a = form({ persons: "2" });
    const b = form();
    const c = form({ persons: "1" });
    expect((await registerForEvent(e.publicSlug, a)).status).toBe("angemeldet");
    expect((await registerForEvent(e.publicSlug, b)).status).toBe("angemeldet");
    expect((await registerForEvent(e.publicSlug, c)).status).toBe("warteliste");
    const mails = await db.emailOutbox.findMany({
      where: { toEmail: { in: [a.email!, c.email!] } },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.kind)).toEqual(["registration-confirmed", "registration-waiting"]);
    expect(JSON.parse(mails[0]!.attachments!)[0].filename).toBe("termin.ics");

    // A cancels through the link in the confirmation: C moves up and is told so.
    const link = cancelLinkIn(mails[0]!.text);
    const result = await cancelWithToken(e.publicSlug, tokenOf(link));
    expect(result.names).toEqual(["Petra Personal"]);
    const moved = await db.eventRegistration.findFirstOrThrow({ where: { email: c.email } });
    expect(moved.status).toBe("angemeldet");
    expect(
      await db.emailOutbox.count({ where: { toEmail: c.email!, kind: "registration-movedUp" } }),
    ).toBe(1);
    // The link works once; a tampered one never.
    await expect(cancelWithToken(e.publicSlug, tokenOf(link))).rejects.toMatchObject({
      status: 404,
    });
    await expect(cancelWithToken(e.publicSlug, `${tokenOf(link)}x`)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("registers an email address once; a second registration is told to the mailbox only, once a day", async () => {
    const e = await event();
    const a = form();
    await registerForEvent(e.publicSlug, a);
    const again = await registerForEvent(e.publicSlug, { ...a, name: "Noch mal" });
    expect(again.status).toBe("already");
    expect(again.outboxIds).toHaveLength(1);
    expect((await registerForEvent(e.publicSlug, a)).outboxIds).toEqual([]);
    expect(await db.eventRegistration.count({ where: { eventId: e.id } })).toBe(1);
    const mails = await db.emailOutbox.findMany({
      where: { toEmail: a.email! },
      orderBy: { createdAt: "asc" },
      select: { kind: true, subject: true },
    });
    expect(mails.map((m) => m.kind)).toEqual(["registration-confirmed", "registration-already"]);
    expect(mails[1]!.subject).toBe(`Sie sind bereits angemeldet: ${e.title}`);
  });

  it("refuses after the deadline, for past and cancelled events, and without a public link", async () => {
    const late = await event({ registrationDeadline: "01.12.2099" });
    await expect(
      registerForEvent(late.publicSlug, form(), { now: new Date("2099-12-02T10:00:00Z") }),
    ).rejects.toMatchObject({ status: 410, message: expect.stringContaining("geschlossen") });
    const closed = await event({ publicRegistration: "" });
    await expect(registerForEvent(closed.publicSlug, form())).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      registerForEvent(closed.publicSlug, form(), { token: "gefaelscht" }),
    ).rejects.toBeInstanceOf(AppError);
    expect(
      await db.eventRegistration.count({ where: { eventId: { in: [late.id, closed.id] } } }),
    ).toBe(0);
  });

  it("matches a known contact by email, else creates contact and company for review", async () => {
    const e = await event({ capacity: "" });
    const company = await db.company.create({
      data: {
        name: "Bäckerei Korn",
        normalizedName: normalizeCompanyName("Bäckerei Korn"),
        plz: "39104",
      },
    });
    const known = await db.contactPerson.create({
      data: {
        firstName: "Karl",
        lastName: "Korn",
        normalizedName: personSearchName("Karl", "Korn"),
        email: "karl@korn.example",
        companyId: company.id,
      },
    });
    await registerForEvent(e.publicSlug, form({ email: "KARL@korn.example", name: "Karl Korn" }));
    const r1 = await db.eventRegistration.findFirstOrThrow({
      where: { email: "karl@korn.example" },
    });
    expect(r1).toMatchObject({ contactId: known.id, companyId: company.id });

    await registerForEvent(
      e.publicSlug,
      form({
        email: "neu@firma.example",
        name: "Nora Neu",
        companyName: "Firma Neu GmbH",
        plz: "39418",
      }),
    );
    const r2 = await db.eventRegistration.findFirstOrThrow({
      where: { email: "neu@firma.example" },
      select: { contact: { select: { firstName: true, lastName: true } }, company: true },
    });
    expect(r2.contact).toEqual({ firstName: "Nora", lastName: "Neu" });
    expect(r2.company).toMatchObject({
      name: "Firma Neu GmbH",
      needsReview: true,
      districtAgs: "15089",
    });
    // The company came through the company module: audited, with its initial outreach state.
    const created = await db.auditLog.findFirst({
      where: { entityType: "company", entityId: r2.company!.id, action: "create" },
    });
    expect(created).not.toBeNull();
  });

  it("finds the company by the company module's duplicate rule: same PLZ, similar name; never across postcodes", async () => {
    const e = await event({ capacity: "" });
    const known = await db.company.create({
      data: {
        name: "Gärtnerei Blümel GmbH",
        normalizedName: normalizeCompanyName("Gärtnerei Blümel GmbH"),
        plz: "39576",
      },
    });
    await registerForEvent(
      e.publicSlug,
      form({ email: "g1@bluemel.example", companyName: "Gaertnerei Bluemel", plz: "39576" }),
    );
    await registerForEvent(
      e.publicSlug,
      form({ email: "g2@bluemel.example", companyName: "Gärtnerei Blümel GmbH", plz: "" }),
    );
    const companyOf = async (email: string) =>
      (await db.eventRegistration.findFirstOrThrow({ where: { email } })).companyId;
    expect(await companyOf("g1@bluemel.example")).toBe(known.id);
    const other = await companyOf("g2@bluemel.example");
    expect(other).not.toBe(known.id);
    expect(await db.company.findUniqueOrThrow({ where: { id: other! } })).toMatchObject({
      needsReview: true,
    });
  });
});

describe("invitations", () => {
  it("invites only consenting contacts with valid addresses, once, through the outbox", async () => {
    const e = await event({ capacity: "" });
    const company = await db.company.create({
      data: {
        name: "Stendaler Pflege",
        normalizedName: normalizeCompanyName("Stendaler Pflege"),
        districtAgs: "15090",
        outreachStatus: "interessiert",
      },
    });
    const make = async (first: string, email: string | null, consent: boolean, invalid = false) => {
      const c = await db.contactPerson.create({
        data: {
          firstName: first,
          lastName: "Stendal",
          normalizedName: personSearchName(first, "Stendal"),
          email,
          companyId: company.id,
          emailInvalidAt: invalid ? new Date() : null,
        },
      });
      if (consent)
        await db.consent.create({
          data: {
            contactId: c.id,
            purpose: "email_einladungen",
            givenAt: new Date("2026-01-01"),
            method: "schriftlich",
          },
        });
      return c;
    };
    await make("Ja", "ja@pflege.example", true);
    await make("Ohne", null, true);
    await make("Nein", "nein@pflege.example", false);
    await make("Bounce", "bounce@pflege.example", true, true);
    const filter = {
      kreis: "15090",
      status: "interessiert",
      branche: null,
      multiplikator: null,
      tag: null,
    } as const;
    const preview = await previewRecipients(e.id, filter);
    expect(preview.eligible.map((r) => r.email)).toEqual(["ja@pflege.example"]);
    expect(preview.leftOut).toEqual({ noEmail: 1, invalid: 1, noConsent: 1, already: 0 });
    // Contacts ticked on the contact list narrow the same filter to just them.
    const chosen = await db.contactPerson.findMany({
      where: { email: { in: ["nein@pflege.example", "bounce@pflege.example"] } },
      select: { id: true },
    });
    const narrowed = await previewRecipients(e.id, {
      ...filter,
      kontakte: chosen.map((c) => c.id),
    });
    expect(narrowed.eligible).toEqual([]);
    expect(narrowed.leftOut).toEqual({ noEmail: 0, invalid: 1, noConsent: 1, already: 0 });

    const everyone = { include: preview.eligible.map((r) => r.id), personalText: null };
    const sent = await sendInvitations(lead, e.id, filter, { ...everyone, confirmedCount: 1 });
    expect(sent.count).toBe(1);
    // A second click: everyone is invited already, nothing more is sent.
    await expect(
      sendInvitations(lead, e.id, filter, { ...everyone, confirmedCount: 1 }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await previewRecipients(e.id, filter)).leftOut.already).toBe(1);

    // The real SDK against the fake API: recipient, subject, idempotency key.
    env.RESEND_API_KEY = "re_test_key";
    await db.emailOutbox.updateMany({
      where: { id: { in: sent.outboxIds } },
      data: { status: "pending" },
    });
    const resend = new Resend("re_test_key", { baseUrl: fake.baseUrl });
    const before = fake.requests.length;
    await deliverOutbox({ resend, ids: sent.outboxIds, intervalMs: 0 });
    const request = fake.requests.slice(before)[0]!;
    expect(request.body.to).toEqual(["Ja Stendal <ja@pflege.example>"]);
    expect(request.body.subject).toBe(`Einladung: ${e.title}`);
    const invitation = await db.eventInvitation.findFirstOrThrow({ where: { eventId: e.id } });
    expect(request.headers["idempotency-key"]).toBe(`event-invitation:${invitation.id}`);
    const link = /https?:\/\/\S+\?t=\S+/.exec(String(request.body.text))![0];
    const token = new URL(link).searchParams.get("t");

    // The personal link registers the invited contact, even where public registration is off.
    await db.event.update({ where: { id: e.id }, data: { publicRegistration: false } });
    const result = await registerForEvent(
      e.publicSlug,
      form({ email: "ja@pflege.example", name: "Ja Stendal" }),
      { token },
    );
    expect(result.status).toBe("angemeldet");
    const registration = await db.eventRegistration.findFirstOrThrow({ where: { eventId: e.id } });
    expect(registration.source).toBe("einladung");
    env.RESEND_API_KEY = undefined;
  });
});

describe("invitations without accidents", () => {
  it("one recipient taken out, a personal text, the greeting from the salutation, and a confirmed count", async () => {
    const e = await event();
    const company = await db.company.create({
      data: {
        name: "Praxis Anrede",
        normalizedName: normalizeCompanyName("Praxis Anrede"),
        districtAgs: "15086",
      },
    });
    const contact = async (salutation: string | null, first: string, last: string) => {
      const c = await db.contactPerson.create({
        data: {
          salutation,
          firstName: first,
          lastName: last,
          normalizedName: personSearchName(first, last),
          email: `${first.toLowerCase()}@anrede.example`,
          companyId: company.id,
        },
      });
      await db.consent.create({
        data: {
          contactId: c.id,
          purpose: "email_einladungen",
          givenAt: new Date(),
          method: "schriftlich",
        },
      });
      return c;
    };
    const schulze = await contact("Frau", "Anke", "Schulze");
    const meier = await contact("Herr", "Bernd", "Meier");
    const out = await contact(null, "Carla", "Raus");
    const filter = { kreis: "15086", status: null, branche: null, multiplikator: null, tag: null };
    const choice = {
      include: [schulze.id, meier.id, "fremde-id"],
      personalText: "Wir freuen uns besonders auf Ihre Fragen zur Teilzeit.",
    };
    const confirm = await confirmInvitations(e.id, filter, choice);
    expect(confirm.count).toBe(2);
    expect(confirm.recipients.map((r) => r.name)).toEqual(["Bernd Meier", "Anke Schulze"]);
    expect(confirm.preview?.text).toContain("Sehr geehrter Herr Meier,");
    expect(confirm.preview?.text).toContain("Wir freuen uns besonders auf Ihre Fragen");
    // Nothing is sent by the confirmation, and a count that no longer fits sends nothing.
    expect(await db.eventInvitation.count({ where: { eventId: e.id } })).toBe(0);
    await expect(
      sendInvitations(lead, e.id, filter, { ...choice, confirmedCount: 3 }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await db.eventInvitation.count({ where: { eventId: e.id } })).toBe(0);
    const sent = await sendInvitations(lead, e.id, filter, { ...choice, confirmedCount: 2 });
    expect(sent.count).toBe(2);
    const mails = await db.emailOutbox.findMany({
      where: { id: { in: sent.outboxIds } },
      select: { toEmail: true, text: true },
      orderBy: { toEmail: "asc" },
    });
    expect(mails.map((m) => m.text.split("\n")[0])).toEqual([
      "Sehr geehrte Frau Schulze,",
      "Sehr geehrter Herr Meier,",
    ]);
    expect(mails.every((m) => m.text.includes("Ihre Fragen zur Teilzeit"))).toBe(true);
    const invited = await db.eventInvitation.findMany({ where: { eventId: e.id } });
    expect(invited.map((i) => i.contactId)).not.toContain(out.id);
    await expect(
      confirmInvitations(e.id, filter, { include: [], personalText: null }),
    ).rejects.toMatchObject({ fieldErrors: { an: [expect.any(String)] } });
  });
});

describe("attendance", () => {
  it("counts the company as informed once when someone attends an information event", async () => {
    const e = await event({ capacity: "", date: "01.02.2026", registrationDeadline: "" });
    const company = await db.company.create({
      data: {
        name: "Tischlerei Span",
        normalizedName: normalizeCompanyName("Tischlerei Span"),
        outreachStatus: "kontaktiert",
      },
    });
    const make = async (name: string) =>
      db.eventRegistration.create({
        data: {
          eventId: e.id,
          companyId: company.id,
          name,
          source: "oeffentlich",
          status: "angemeldet",
        },
      });
    const r1 = await make("Erste");
    const r2 = await make("Zweite");
    await setAttendance(lead, e.id, r1.id, "anwesend");
    await setAttendance(lead, e.id, r2.id, "anwesend");
    await setAttendance(lead, e.id, r1.id, "anwesend");
    const interactions = await db.interaction.findMany({
      where: { companyId: company.id },
      select: { type: true, eventId: true, topics: { select: { topic: true } } },
    });
    expect(interactions).toEqual([
      { type: "veranstaltung", eventId: e.id, topics: [{ topic: "tz_informiert" }] },
    ]);
    const after = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after.outreachStatus).toBe("informiert");
    expect(after.informedAt?.toISOString()).toBe(e.startsAt.toISOString());
  });

  it("is recorded from the event's day on; someone who came unregistered is added on the day", async () => {
    const e = await event({ capacity: "" });
    const company = await db.company.create({
      data: { name: "Bäckerei Korn", normalizedName: normalizeCompanyName("Bäckerei Korn") },
    });
    const contact = await db.contactPerson.create({
      data: {
        firstName: "Kim",
        lastName: "Korn",
        normalizedName: personSearchName("Kim", "Korn"),
        function: "Inhaberin",
        companyId: company.id,
      },
    });
    const invited = await db.eventRegistration.create({
      data: {
        eventId: e.id,
        contactId: contact.id,
        name: "Kim Korn",
        source: "einladung",
        status: "angemeldet",
      },
    });
    // Before the day (the event is in 2099): neither attendance nor a walk-in.
    await expect(setAttendance(lead, e.id, invited.id, "anwesend")).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      addWalkIn(lead, e.id, { name: "Vera Vorort", companyName: null, function: null }),
    ).rejects.toMatchObject({ status: 409 });
    // On the day itself (evening event, morning check): both.
    const morning = new Date(e.startsAt.getTime() - 8 * 60 * 60 * 1000);
    await setAttendance(lead, e.id, invited.id, "anwesend", { now: morning });
    await addWalkIn(
      lead,
      e.id,
      { name: "Vera Vorort", companyName: "Kita Sonnenschein", function: "Leitung" },
      { now: morning },
    );
    const stored = (await getEvent(e.id))!;
    // The check-in list: the invited contact's company and function from her record.
    const rows = await checkInRows(lead, stored.registrations);
    expect(rows.map((r) => [r.name, r.companyName, r.function, r.attended])).toEqual([
      ["Kim Korn", "Bäckerei Korn", "Inhaberin", true],
      ["Vera Vorort", "Kita Sonnenschein", "Leitung", true],
    ]);
  });

  it("lets a coach register own participants for a workshop, not others'", async () => {
    const e = await event({
      type: "workshop",
      forCompanies: "",
      forParticipants: "on",
      capacity: "1",
    });
    const coach = (await createUser("jobcoach")) as SessionUser;
    const other = (await createUser("jobcoach")) as SessionUser;
    const mk = (coachId: string, lastName: string) =>
      db.participant.create({
        data: { firstName: "Tn", lastName, birthDate: new Date("2002-01-01"), coachId },
      });
    const own = await mk(coach.id, "Eigen");
    const second = await mk(coach.id, "Zweit");
    const foreign = await mk(other.id, "Fremd");
    expect((await registerParticipant(coach, "own", e.id, own.id)).status).toBe("angemeldet");
    await expect(registerParticipant(coach, "own", e.id, own.id)).rejects.toMatchObject({
      status: 400,
    });
    expect((await registerParticipant(coach, "own", e.id, second.id)).status).toBe("warteliste");
    await expect(registerParticipant(coach, "own", e.id, foreign.id)).rejects.toMatchObject({
      status: 404,
    });
    const first = await db.eventRegistration.findFirstOrThrow({ where: { participantId: own.id } });
    await cancelRegistration(lead, e.id, first.id);
    expect(
      (await db.eventRegistration.findFirstOrThrow({ where: { participantId: second.id } })).status,
    ).toBe("angemeldet");
  });
});

describe("scheduled jobs", () => {
  it("sends one reminder two days before, however often the job runs", async () => {
    const e = await event({ capacity: "" });
    const a = form();
    await registerForEvent(e.publicSlug, a);
    const now = new Date(e.startsAt.getTime() - 36 * 60 * 60 * 1000);
    expect(await queueReminders(new Date(e.startsAt.getTime() - 3 * 24 * 60 * 60 * 1000))).toBe(0);
    await Promise.all([queueReminders(now), queueReminders(now)]);
    await queueReminders(now);
    expect(
      await db.emailOutbox.count({ where: { toEmail: a.email!, kind: "event-reminder" } }),
    ).toBe(1);
  });

  it("sends each coach one digest a day of follow-ups due today and overdue", async () => {
    const coach = await createUser("jobcoach");
    const mk = (title: string, dueDate: string) =>
      db.followUp.create({
        data: { title, dueDate: new Date(dueDate), assigneeId: coach.id, createdById: coach.id },
      });
    await mk("Überfällig", "2026-11-20T00:00:00Z");
    await mk("Heute", "2026-11-25T00:00:00Z");
    await mk("Später", "2026-11-30T00:00:00Z");
    const now = new Date("2026-11-25T07:00:00Z");
    await queueDigests(now);
    await queueDigests(now);
    const digests = await db.emailOutbox.findMany({
      where: { toEmail: coach.email, kind: "followup-digest" },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain("Überfällig – überfällig seit 20.11.2026");
    expect(digests[0]!.text).toContain("Heute – heute fällig");
    expect(digests[0]!.text).not.toContain("Später");
  });
});

describe("delivery webhook", () => {
  const secret = `whsec_${Buffer.from("geheimer-schluessel-fuer-tests").toString("base64")}`;
  const sign = (id: string, ts: string, body: string) =>
    `v1,${createHmac("sha256", Buffer.from(secret.slice(6), "base64"))
      .update(`${id}.${ts}.${body}`)
      .digest("base64")}`;

  it("accepts a correctly signed call and refuses a wrong or stale signature", () => {
    const body = JSON.stringify({ type: "email.bounced" });
    const now = new Date("2026-11-25T10:00:00Z");
    const ts = String(Math.floor(now.getTime() / 1000));
    const headers = { id: "msg_1", timestamp: ts, signature: sign("msg_1", ts, body) };
    expect(verifyWebhookSignature(secret, headers, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, headers, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { ...headers, signature: "v1,AAAA" }, body, now)).toBe(
      false,
    );
    expect(
      verifyWebhookSignature(secret, headers, body, new Date(now.getTime() + 10 * 60_000)),
    ).toBe(false);
  });

  it("marks the contact's address invalid on a bounce", async () => {
    const c = await db.contactPerson.create({
      data: {
        firstName: "B",
        lastName: "Ounce",
        normalizedName: "b ounce",
        email: "weg@nirgends.example",
      },
    });
    await applyResendEvent({
      type: "email.bounced",
      created_at: "2026-11-25T09:00:00Z",
      data: { email_id: "x", to: ["Weg@nirgends.example"] },
    });
    const after = await db.contactPerson.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.emailInvalidAt?.toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });
});

describe("cancelling an event", () => {
  it("tells everyone registered or waiting once, takes no more registrations and cannot be repeated", async () => {
    const e = await event({ capacity: "1" });
    const [a, b, c] = [form(), form(), form()];
    await registerForEvent(e.publicSlug, a);
    await registerForEvent(e.publicSlug, b); // waiting list
    await registerForEvent(e.publicSlug, c);
    const withdrawn = await db.eventRegistration.findFirstOrThrow({
      where: { eventId: e.id, email: c.email },
    });
    await cancelRegistration(lead, e.id, withdrawn.id);
    const version = (await db.event.findUniqueOrThrow({ where: { id: e.id } })).version;

    const result = await cancelEvent(lead, e.id, {
      reason: "Der Saal ist wegen eines Wasserschadens gesperrt.",
      version,
    });
    expect(result.notified).toBe(2);
    const mails = await db.emailOutbox.findMany({
      where: { kind: "event-cancelled", toEmail: { in: [a.email!, b.email!, c.email!] } },
    });
    expect(mails.map((m) => m.toEmail).sort()).toEqual([a.email, b.email].sort());
    expect(mails[0]!.subject).toBe(`Abgesagt: ${e.title}`);
    expect(mails[0]!.text).toContain("Wasserschadens");
    expect(mails[0]!.text).toContain("15.12.2099");
    expect(mails[0]!.text).not.toContain("/abmelden/");

    // No more registrations; a second cancellation is refused and sends nothing.
    await expect(registerForEvent(e.publicSlug, form())).rejects.toBeInstanceOf(AppError);
    await expect(
      cancelEvent(lead, e.id, { reason: null, version: version + 1 }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      await db.emailOutbox.count({
        where: { kind: "event-cancelled", toEmail: { in: [a.email!, b.email!] } },
      }),
    ).toBe(2);
    // Reminders are not sent for it.
    await queueReminders(new Date("2099-12-14T08:00:00Z"));
    expect(
      await db.emailOutbox.count({
        where: { kind: "event-reminder", toEmail: a.email! },
      }),
    ).toBe(0);
  });

  it("refuses an event that has begun and a stale version", async () => {
    const e = await event();
    await expect(
      cancelEvent(
        lead,
        e.id,
        { reason: null, version: e.version },
        {},
        new Date("2099-12-15T16:30:00Z"),
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      cancelEvent(lead, e.id, { reason: null, version: e.version + 5 }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect((await db.event.findUniqueOrThrow({ where: { id: e.id } })).cancelledAt).toBeNull();
  });
});
