import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { hashToken } from "~/lib/tokens.server";
import { createUser, makeRequest, TEST_PASSWORD } from "../../../tests/factories";
import { login } from "./login.server";
import { endSession, IDLE_TIMEOUT_MS, lookupSession } from "./session.server";
import { FREE_ATTEMPTS } from "./throttle.server";
import { setUserActive } from "./users.server";

const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const requestWith = (cookie: string) => makeRequest("/uebersicht", { cookie });

describe("login", () => {
  it("signs in with the right password and sets a hardened cookie", async () => {
    const user = await createUser("jobcoach");
    const result = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.0.0.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Lax/);
    const token = cookieOf(result.setCookie).split("=")[1]!;
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    // Only the hash of the token is stored.
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).not.toBeNull();
    const s = await lookupSession(requestWith(cookieOf(result.setCookie)));
    expect(s.status === "active" && s.user.email).toBe(user.email);
    expect(await db.auditLog.count({ where: { action: "login", actorId: user.id } })).toBe(1);
  });

  it("gives the same message for an unknown user and a wrong password", async () => {
    const user = await createUser("jobcoach");
    const wrong = await login(
      { email: user.email, password: "falsches-passwort-123" },
      { ip: "10.0.0.2" },
    );
    const unknown = await login(
      { email: "niemand@test.example", password: "falsches-passwort-123" },
      { ip: "10.0.0.3" },
    );
    expect(wrong).toEqual({
      ok: false,
      status: 401,
      message: "E-Mail-Adresse oder Passwort ist falsch.",
    });
    expect(unknown).toEqual(wrong);
    expect(await db.auditLog.count({ where: { action: "login_failed" } })).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("creates a new session id at every login", async () => {
    const user = await createUser("leitung");
    const a = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.0.0.4" });
    const b = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.0.0.4" });
    expect(a.ok && b.ok && cookieOf(a.setCookie) !== cookieOf(b.setCookie)).toBe(true);
  });

  it("throttles an account after repeated failures, even with the right password and from another IP", async () => {
    const user = await createUser("jobcoach");
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await login({ email: user.email, password: "falsches-passwort-123" }, { ip: `10.1.0.${i}` });
    }
    const blocked = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.1.1.1" });
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.status).toBe(429);
    expect(!blocked.ok && blocked.message).toMatch(/Zu viele Fehlversuche/);
  });

  it("counts parallel guesses before checking them: of 60 at once, only the free attempts are tried", async () => {
    const user = await createUser("jobcoach");
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        login({ email: user.email, password: `falsch-${i}-passwort` }, { ip: `10.4.${i}.1` }),
      ),
    );
    const statuses = results.map((r) => (r.ok ? 200 : r.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - FREE_ATTEMPTS);
  });

  it("does not count successful logins against an office's shared IP", async () => {
    const user = await createUser("jobcoach");
    for (let i = 0; i < FREE_ATTEMPTS * 2; i++) {
      const r = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.5.0.1" });
      expect(r.ok).toBe(true);
    }
  });

  it("throttles an IP that tries many accounts", async () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await login(
        { email: `probe${i}@test.example`, password: "falsches-passwort-123" },
        { ip: "10.2.0.1" },
      );
    }
    const user = await createUser("jobcoach");
    const blocked = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.2.0.1" });
    expect(!blocked.ok && blocked.status).toBe(429);
    const otherIp = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.2.0.2" });
    expect(otherIp.ok).toBe(true);
  });
});

describe("sessions", () => {
  async function signIn() {
    const user = await createUser("jobcoach");
    const result = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.3.0.1" });
    if (!result.ok) throw new Error("login failed");
    return { user, cookie: cookieOf(result.setCookie) };
  }

  it("ends an idle session on the server", async () => {
    const { cookie } = await signIn();
    const id = hashToken(cookie.split("=")[1]!);
    await db.session.update({
      where: { id },
      data: { lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 1000) },
    });
    expect((await lookupSession(requestWith(cookie))).status).toBe("expired");
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("ends a session after its absolute lifetime even when active", async () => {
    const { cookie } = await signIn();
    const id = hashToken(cookie.split("=")[1]!);
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await lookupSession(requestWith(cookie))).status).toBe("expired");
  });

  it("ignores a tampered cookie", async () => {
    const { cookie } = await signIn();
    const tampered = `${cookie.slice(0, -2)}xy`;
    expect((await lookupSession(requestWith(tampered))).status).toBe("none");
    expect((await lookupSession(requestWith("lotse_session=%%%"))).status).toBe("none");
  });

  it("logout ends the session on the server", async () => {
    const { cookie } = await signIn();
    await endSession(requestWith(cookie));
    expect((await lookupSession(requestWith(cookie))).status).toBe("none");
  });

  it("deactivating a user ends all their sessions", async () => {
    const { user, cookie } = await signIn();
    const admin = await createUser("admin");
    await setUserActive({ ...admin, role: "admin" }, user.id, false);
    expect((await lookupSession(requestWith(cookie))).status).toBe("none");
    const again = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.3.0.9" });
    expect(again.ok).toBe(false);
  });
});
