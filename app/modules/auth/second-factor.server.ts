import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { db } from "~/db.server";
import { env, isDemo } from "~/env.server";
import { cookieHeader, readCookie } from "~/lib/cookies.server";
import { AppError, fieldError } from "~/lib/errors";
import {
  hashToken,
  isSignedToken,
  openText,
  randomToken,
  sealText,
  signedToken,
} from "~/lib/tokens.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { can } from "./permissions";
import { type SessionUser, secureCookies } from "./session.server";
import { claimAttempt, releaseAttempt } from "./throttle.server";

// Two-factor sign-in with an authenticator app (TOTP, RFC 6238, 6 digits, 30 s) and one-time
// recovery codes. Required for every role that may read participant data unless TOTP_REQUIRED=0
// (off by default in demo mode only). Between password and code the browser holds a short-lived
// signed cookie naming the account; only the code (or a recovery code) turns it into a session.
// A code is accepted once (the last accepted time step is kept); wrong codes are throttled like
// passwords. The admin can reset a colleague's second factor (audited); the colleague then sets
// it up again at the next sign-in.

const ISSUER = "Lotse";
const PERIOD = 30;
const RECOVERY_CODES = 10;
const PENDING_COOKIE = "lotse_2fa";
const PENDING_LIFETIME_MS = 10 * 60 * 1000;

/** Whether this role must sign in with a second factor in this installation. */
export function secondFactorRequired(role: string): boolean {
  const setting = env.TOTP_REQUIRED ?? (isDemo ? "0" : "1");
  return setting === "1" && can(role, "read", "participant");
}

const totpOf = (secret: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

// ───────────── Between password and code: the pending sign-in ─────────────

/** The cookie that carries a password-checked sign-in to the code step (10 minutes). */
export function pendingCookie(userId: string, now = Date.now()): string {
  const until = now + PENDING_LIFETIME_MS;
  const value = `${userId}.${until}.${signedToken("2fa-pending", `${userId}.${until}`)}`;
  return cookieHeader(PENDING_COOKIE, value, PENDING_LIFETIME_MS / 1000, secureCookies);
}

export const clearPendingCookie = () => cookieHeader(PENDING_COOKIE, "", 0, secureCookies);

/** The account whose password was checked, if the pending cookie is genuine and fresh. */
export async function pendingUser(request: Request, now = Date.now()) {
  const value = readCookie(request, PENDING_COOKIE) ?? "";
  const [userId, until, mac] = value.split(".");
  if (!userId || !until || !mac || Number(until) < now) return null;
  if (!isSignedToken(mac, "2fa-pending", `${userId}.${until}`)) return null;
  return db.user.findFirst({
    where: { id: userId, active: true },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      totpEnabledAt: true,
      totpSecret: true,
    },
  });
}

// ───────────── Setting it up ─────────────

async function enrolmentView(email: string, secret: string) {
  const uri = totpOf(secret, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), qrSvg };
}

/**
 * A new secret for the account (not yet in force) with what the page shows: the otpauth URI as a
 * QR code and the secret to type in by hand. Until it is confirmed, sign-in asks for no code.
 */
export async function startEnrolment(user: { id: string; email: string }) {
  const secret = new Secret({ size: 20 }).base32;
  await db.user.update({
    where: { id: user.id },
    data: { totpSecret: sealText(secret), totpEnabledAt: null, totpLastStep: null },
  });
  return enrolmentView(user.email, secret);
}

/** The set-up begun and not yet confirmed (a reload shows the same secret), or null. */
export async function pendingEnrolment(user: { id: string; email: string }) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  return u.totpSecret && !u.totpEnabledAt
    ? enrolmentView(user.email, openText(u.totpSecret))
    : null;
}

/** The time step a code matches (this one or one step either side), or null. */
function matchingStep(secret: string, code: string, now: number): number | null {
  const delta = totpOf(secret, "").validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

const recoveryCode = () => {
  const raw = randomToken()
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase()
    .slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;
};
const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/\s+/g, "");

/**
 * Confirms the set-up with a code from the app: the second factor is in force from now on and
 * the recovery codes are made (shown once; stored as hashes).
 */
export async function confirmEnrolment(
  userId: string,
  code: string,
  meta: { ip?: string } = {},
  now = Date.now(),
) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true },
  });
  const step = user.totpSecret ? matchingStep(openText(user.totpSecret), code, now) : null;
  if (step === null) throw fieldError("code", t("totp.wrongCode"));
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpEnabledAt: new Date(now), totpLastStep: step, version: { increment: 1 } },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId, codeHash: hashToken(normaliseRecovery(c)) })),
    });
    await audit(
      {
        actorId: userId,
        action: "update",
        entityType: "user",
        entityId: userId,
        detail: t("totp.auditEnabled"),
        ip: meta.ip,
      },
      tx,
    );
  });
  return codes;
}

// ───────────── Signing in ─────────────

/**
 * Checks the code of a pending sign-in: a code from the app (once only) or an unused recovery
 * code. Wrong codes count like wrong passwords.
 */
export async function verifySecondFactor(
  userId: string,
  input: string,
  meta: { ip: string },
  now = Date.now(),
) {
  const key = `2fa:${userId}`;
  const wait = await claimAttempt([key], new Date(now));
  if (wait > 0) throw new AppError(429, t("totp.throttled"));
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const code = input.replace(/\s+/g, "");
  let ok = false;
  let via = "app";
  if (/^\d{6}$/.test(code) && user.totpSecret && user.totpEnabledAt) {
    const step = matchingStep(openText(user.totpSecret), code, now);
    if (step !== null) {
      // Accepted once: only a later step than the last accepted one (atomic against a race).
      const claimed = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      ok = claimed.count === 1;
    }
  } else if (user.totpEnabledAt) {
    const used = await db.recoveryCode.updateMany({
      where: { userId, codeHash: hashToken(normaliseRecovery(input)), usedAt: null },
      data: { usedAt: new Date(now) },
    });
    ok = used.count === 1;
    via = "recovery";
  }
  if (!ok) {
    await audit({
      actorId: userId,
      action: "login_failed",
      entityType: "user",
      entityId: userId,
      ip: meta.ip,
      detail: t("totp.auditWrong"),
    });
    throw fieldError("code", t("totp.wrongCode"), 401);
  }
  await releaseAttempt(key, key);
  return { via, recoveryLeft: await db.recoveryCode.count({ where: { userId, usedAt: null } }) };
}

// ───────────── The admin's reset ─────────────

/** The admin resets a colleague's second factor: it is set up again at the next sign-in. */
export async function resetSecondFactor(actor: SessionUser, userId: string, ip?: string) {
  if (actor.id === userId) throw new AppError(400, t("admin.notSelf"));
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (!user) throw new AppError(404, t("validation.notFound"));
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        version: { increment: 1 },
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await audit(
      {
        actorId: actor.id,
        action: "update",
        entityType: "user",
        entityId: userId,
        detail: t("totp.auditReset"),
        ip,
      },
      tx,
    );
  });
  return user;
}

/** What the account page shows about one's own second factor. */
export async function secondFactorStatus(user: SessionUser) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpEnabledAt: true },
  });
  return {
    enabledAt: u.totpEnabledAt,
    required: secondFactorRequired(user.role),
    recoveryLeft: await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  };
}
