// The public endpoints over their real route modules: the registration form's rate limit and
// the webhook's signature check.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { forgetOldHits, rateLimiter } from "~/lib/rate-limit.server";
import { action as registerAction } from "~/routes/anmeldung.$slug";
import { action as webhookAction } from "~/routes/api.resend-webhook";
import { settle } from "../factories";

describe("rate limiter", () => {
  it("allows the limit within the window and again after it, counted in the database", async () => {
    const limiter = rateLimiter({ name: "probe", limit: 3, windowMs: 1000 });
    const at = (ms: number) => new Date(1_800_000_000_000 + ms);
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await limiter.allow("a", at(i)));
    expect(first).toEqual([true, true, true, false]);
    expect(await limiter.allow("b", at(4))).toBe(true);
    expect(await limiter.allow("a", at(1001))).toBe(true);
    // A second server (another limiter object, the same database) sees the same attempts.
    const other = rateLimiter({ name: "probe", limit: 3, windowMs: 1000 });
    expect(await other.allow("a", at(1002))).toBe(true);
    expect(await other.allow("a", at(1003))).toBe(true);
    expect(await other.allow("a", at(1004))).toBe(false);
    // Attempts in parallel do not slip past the limit.
    const burst = await Promise.all(Array.from({ length: 10 }, () => limiter.allow("c", at(5000))));
    expect(burst.filter(Boolean)).toHaveLength(3);
    expect(await forgetOldHits(at(2 * 24 * 60 * 60 * 1000))).toBeGreaterThan(0);
    expect(await db.rateLimitHit.count({ where: { key: { startsWith: "probe:" } } })).toBe(0);
  });
});

describe("public registration endpoint", () => {
  it("answers 429 after ten registrations a few minutes from one address, and stores no more", async () => {
    const event = await db.event.create({
      data: {
        type: "stammtisch",
        title: "Stammtisch",
        startsAt: new Date(Date.now() + 10 * 24 * 60 * 60 * 1000),
        place: "Haldensleben",
        forCompanies: true,
        publicRegistration: true,
        publicSlug: "stammtisch-rate",
      },
    });
    const post = (i: number) =>
      settle(() =>
        registerAction({
          request: new Request("http://localhost:3000/anmeldung/stammtisch-rate", {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
              name: `Gast ${i}`,
              email: `gast${i}@example.org`,
              consent: "on",
            }).toString(),
          }),
          params: { slug: "stammtisch-rate" },
          context: { clientIp: "203.0.113.7", cspNonce: "x" },
        }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(i)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await db.eventRegistration.count({ where: { eventId: event.id } })).toBe(10);
  });
});

describe("webhook endpoint", () => {
  it("refuses a wrong signature with 401 and applies a signed bounce", async () => {
    const secret = `whsec_${Buffer.from("webhook-test-secret").toString("base64")}`;
    env.RESEND_WEBHOOK_SECRET = secret;
    await db.contactPerson.create({
      data: {
        firstName: "W",
        lastName: "Hook",
        normalizedName: "w hook",
        email: "hook@example.org",
      },
    });
    const body = JSON.stringify({ type: "email.bounced", data: { to: ["hook@example.org"] } });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `v1,${createHmac("sha256", Buffer.from("webhook-test-secret")).update(`msg.${ts}.${body}`).digest("base64")}`;
    const call = (sig: string) =>
      webhookAction({
        request: new Request("http://localhost:3000/api/resend-webhook", {
          method: "POST",
          headers: { "svix-id": "msg", "svix-timestamp": ts, "svix-signature": sig },
          body,
        }),
        params: {},
        context: { clientIp: "x", cspNonce: "x" },
      });
    expect((await call("v1,falsch")).status).toBe(401);
    expect(
      (await db.contactPerson.findFirstOrThrow({ where: { email: "hook@example.org" } }))
        .emailInvalidAt,
    ).toBeNull();
    expect((await call(signature)).status).toBe(200);
    expect(
      (await db.contactPerson.findFirstOrThrow({ where: { email: "hook@example.org" } }))
        .emailInvalidAt,
    ).not.toBeNull();

    // The same signed message again (a replay inside the time window) is acknowledged, not applied.
    await db.contactPerson.updateMany({
      where: { email: "hook@example.org" },
      data: { emailInvalidAt: null },
    });
    expect((await call(signature)).status).toBe(200);
    expect(
      (await db.contactPerson.findFirstOrThrow({ where: { email: "hook@example.org" } }))
        .emailInvalidAt,
    ).toBeNull();
    env.RESEND_WEBHOOK_SECRET = undefined;
  });
});
