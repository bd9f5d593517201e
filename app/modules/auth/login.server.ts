import type { z } from "zod";
import { db } from "~/db.server";
import { t, tn } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import type { loginSchema } from "./schema";
import { pendingCookie, secondFactorRequired } from "./second-factor.server";
import { createSession } from "./session.server";
import { claimAttempt, releaseAttempt, throttleKeys } from "./throttle.server";

export type LoginResult =
  | { ok: true; setCookie: string; userId: string; secondFactor?: undefined }
  /** The password was right; the code from the app (or setting the app up) comes next. */
  | { ok: true; setCookie: string; userId: string; secondFactor: "code" | "setup" }
  | { ok: false; message: string; status: 401 | 429 };

/** Checks the credentials with throttling per IP and per account; the same message for unknown user and wrong password. */
export async function login(
  input: z.infer<typeof loginSchema>,
  meta: { ip: string; request?: Request },
): Promise<LoginResult> {
  const [ipKey, accountKey] = throttleKeys(meta.ip, input.email) as [string, string];
  // Counted before the password is checked, so parallel guesses cannot slip through.
  const wait = await claimAttempt([ipKey, accountKey]);
  if (wait > 0) {
    await audit({ action: "login_failed", entityType: "user", ip: meta.ip, detail: "throttled" });
    return {
      ok: false,
      status: 429,
      message: tn("login.throttled", Math.ceil(wait / 60_000)),
    };
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, active: true, role: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user?.active || !user.passwordHash || !valid) {
    await audit({
      actorId: user?.id,
      action: "login_failed",
      entityType: "user",
      entityId: user?.id,
      ip: meta.ip,
    });
    return { ok: false, status: 401, message: t("login.failed") };
  }
  // The account starts afresh; the IP only gets this attempt back (a guessing IP stays counted).
  await releaseAttempt(ipKey, accountKey);
  const secondFactor = user.totpEnabledAt
    ? "code"
    : secondFactorRequired(user.role)
      ? "setup"
      : null;
  if (secondFactor)
    return { ok: true, secondFactor, setCookie: pendingCookie(user.id), userId: user.id };
  return completeLogin(user.id, meta);
}

/** The sign-in is complete (password, and the second factor where one is set): a new session. */
export async function completeLogin(userId: string, meta: { ip: string; request?: Request }) {
  const user = { id: userId };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({
    actorId: user.id,
    action: "login",
    entityType: "user",
    entityId: user.id,
    ip: meta.ip,
  });
  const setCookie = await createSession(user.id, { clientIp: meta.ip }, meta.request);
  return { ok: true as const, setCookie, userId: user.id };
}
