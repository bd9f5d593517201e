import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { type FakeResend, startFakeResend } from "../../../tests/fake-resend";
import { deliverOutbox, queueEmail, retryDelayMs } from "./email.server";

let fake: FakeResend;
let resend: Resend;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = new Resend("re_test_key", { baseUrl: fake.baseUrl });
});
afterAll(() => fake.close());
beforeEach(async () => {
  env.RESEND_API_KEY = "re_test_key";
  fake.requests.length = 0;
  fake.delivered.length = 0;
  await db.emailOutbox.deleteMany();
});

const mail = (key: string) => ({
  kind: "test",
  to: "anna.mueller@beispiel.example",
  toName: "Anna\r\nBcc: boese@example.com Müller",
  subject: "Einladung\nBcc: x@example.com",
  html: "<p>Hallo</p>",
  text: "Hallo",
  idempotencyKey: key,
  attachments: [
    {
      filename: "termin.ics",
      content: Buffer.from("BEGIN:VCALENDAR").toString("base64"),
      contentType: "text/calendar",
    },
  ],
});

describe("email outbox and Resend delivery", () => {
  it("sends exactly what the outbox holds, with the idempotency key, and strips header injection", async () => {
    const row = await queueEmail(mail("test:1"));
    const report = await deliverOutbox({ resend });
    expect(report).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/emails");
    expect(req.headers.authorization).toBe("Bearer re_test_key");
    expect(req.headers["idempotency-key"]).toBe("test:1");
    expect(req.body.to).toEqual([
      "Anna Bcc: boese@example.com Müller <anna.mueller@beispiel.example>",
    ]);
    expect(req.body.subject).toBe("Einladung Bcc: x@example.com");
    expect(req.body.from).toBe(env.EMAIL_FROM);
    expect(req.body.html).toBe("<p>Hallo</p>");
    expect(req.body.attachments).toEqual([
      { filename: "termin.ics", content: "QkVHSU46VkNBTEVOREFS", content_type: "text/calendar" },
    ]);
    const stored = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("sent");
    expect(stored.providerId).toBe("fake-1");
  });

  it("retries after a server error with backoff, then sends", async () => {
    const row = await queueEmail(mail("test:retry"));
    fake.failNext.push(500);
    const now = new Date();
    expect(await deliverOutbox({ resend, now })).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("pending");
    expect(after.lastError).toMatch(/500/);
    expect(after.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
    // Not due yet: nothing is sent.
    expect(await deliverOutbox({ resend, now })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await deliverOutbox({ resend, now: new Date(now.getTime() + retryDelayMs(1)) })).toEqual(
      { sent: 1, failed: 0, retrying: 0 },
    );
    expect(fake.delivered).toHaveLength(1);
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "test:retry",
      "test:retry",
    ]);
  });

  it("treats 429 as temporary and a 422 as final", async () => {
    await queueEmail(mail("test:429"));
    fake.failNext.push(429);
    expect((await deliverOutbox({ resend })).retrying).toBe(1);
    await db.emailOutbox.deleteMany();
    const row = await queueEmail(mail("test:422"));
    fake.failNext.push(422);
    expect((await deliverOutbox({ resend })).failed).toBe(1);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      "failed",
    );
  });

  it("never sends one email twice when the sender crashed after sending", async () => {
    const row = await queueEmail(mail("test:crash"));
    await deliverOutbox({ resend });
    // Simulate a crash between Resend's answer and our bookkeeping: the row still says "sending".
    await db.emailOutbox.update({
      where: { id: row.id },
      data: { status: "sending", nextAttemptAt: new Date(0) },
    });
    await deliverOutbox({ resend });
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });

  it("holds emails when no API key is configured (demo mode) and sends nothing", async () => {
    env.RESEND_API_KEY = undefined;
    const row = await queueEmail(mail("test:held"));
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("held");
    expect(await deliverOutbox()).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(fake.requests).toHaveLength(0);
  });
});
