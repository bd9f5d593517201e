import { Secret, TOTP } from "otpauth";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { createUser, makeRequest, TEST_PASSWORD } from "../../../tests/factories";
import { completeLogin, login } from "./login.server";
import {
  confirmEnrolment,
  pendingUser,
  resetSecondFactor,
  secondFactorRequired,
  startEnrolment,
  verifySecondFactor,
} from "./second-factor.server";

const codeAt = (secret: string, at: number) =>
  new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s+/g, "")),
    digits: 6,
    period: 30,
  }).generate({
    timestamp: at,
  });
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;

afterEach(() => {
  env.TOTP_REQUIRED = "0";
});

describe("two-factor sign-in", () => {
  it("is required for every role that reads participant data, not for the admin", () => {
    env.TOTP_REQUIRED = "1";
    expect(["admin", "leitung", "jobcoach", "vermittlung"].map(secondFactorRequired)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    env.TOTP_REQUIRED = "0";
    expect(secondFactorRequired("jobcoach")).toBe(false);
  });

  it("after the password asks to set it up, then for a code; a code works once, a recovery code too", async () => {
    env.TOTP_REQUIRED = "1";
    const user = await createUser("jobcoach");
    const first = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.3.0.1" });
    expect(first).toMatchObject({ ok: true, secondFactor: "setup" });
    // No session yet: only the pending step.
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    if (!first.ok) return;
    const pending = makeRequest("/anmelden/einrichten", { cookie: cookieOf(first.setCookie) });
    expect((await pendingUser(pending))?.id).toBe(user.id);
    // A forged or foreign pending cookie is nothing.
    const forged = makeRequest("/anmelden/code", {
      cookie: cookieOf(first.setCookie).replace(/\.[^.]+$/, ".falsch"),
    });
    expect(await pendingUser(forged)).toBeNull();

    const { secret, qrSvg } = await startEnrolment(user);
    expect(qrSvg).toContain("<svg");
    const now = Date.now();
    await expect(confirmEnrolment(user.id, "000000", {}, now)).rejects.toMatchObject({
      fieldErrors: { code: ["Der Code stimmt nicht oder wurde schon benutzt."] },
    });
    const codes = await confirmEnrolment(user.id, codeAt(secret, now), {}, now);
    expect(codes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id, codeHash: codes[0]! } })).toBe(
      0,
    );
    // The secret is stored sealed.
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret.replace(/\s+/g, "").slice(0, 8));

    const second = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.3.0.2" });
    expect(second).toMatchObject({ ok: true, secondFactor: "code" });
    const later = now + 60_000;
    const code = codeAt(secret, later);
    await expect(
      verifySecondFactor(user.id, "123456", { ip: "10.3.0.2" }, later),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      verifySecondFactor(user.id, code, { ip: "10.3.0.2" }, later),
    ).resolves.toMatchObject({
      via: "app",
    });
    // The same code a second time is refused, also within its 30 seconds.
    await expect(
      verifySecondFactor(user.id, code, { ip: "10.3.0.3" }, later + 1000),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      verifySecondFactor(user.id, codes[0]!.toUpperCase(), { ip: "10.3.0.4" }, later),
    ).resolves.toMatchObject({
      via: "recovery",
      recoveryLeft: 9,
    });
    await expect(
      verifySecondFactor(user.id, codes[0]!, { ip: "10.3.0.5" }, later),
    ).rejects.toMatchObject({
      status: 401,
    });
    const { setCookie } = await completeLogin(user.id, { ip: "10.3.0.4" });
    expect(setCookie).toMatch(/lotse_session=/);
  });

  it("the admin resets a colleague's second factor: audited, her sessions end, set-up again next time", async () => {
    env.TOTP_REQUIRED = "1";
    const admin = (await createUser("admin")) as SessionUser;
    const user = await createUser("leitung");
    const { secret } = await startEnrolment(user);
    await confirmEnrolment(user.id, codeAt(secret, Date.now()));
    await completeLogin(user.id, { ip: "10.4.0.1" });
    await resetSecondFactor(admin, user.id, "10.4.0.9");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { actorId: admin.id, entityId: user.id, detail: "Zweiter Faktor zurückgesetzt" },
      }),
    ).toBe(1);
    const next = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.4.0.2" });
    expect(next).toMatchObject({ ok: true, secondFactor: "setup" });
    await expect(resetSecondFactor(admin, admin.id)).rejects.toMatchObject({ status: 400 });
  });
});
