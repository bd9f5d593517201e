import { db } from "~/db.server";
import { env } from "~/env.server";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { audit } from "~/modules/audit/audit.server";
import { deliverOutbox, queueEmail } from "~/modules/email/email.server";
import { hashPassword } from "./password.server";
import { passwordResetEmail } from "./reset-email";
import { claimAttempt } from "./throttle.server";

// "Passwort vergessen": a single-use link by email that expires after an hour. Whoever asks gets
// the same answer whether or not the address has an account (no account enumeration); asking is
// throttled per address and per IP. Setting the new password ends every session of the account.

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Sends a reset link if the address belongs to an active account; answers nothing either way. */
export async function requestPasswordReset(email: string, meta: { ip: string }, now = new Date()) {
  // Counted like failed logins: a few requests, then a pause (silently: the answer is the same).
  if ((await claimAttempt([`reset-ip:${meta.ip}`, `reset:${email}`], now)) > 0) return;
  const user = await db.user.findFirst({
    where: { email, active: true, anonymisedAt: null },
    select: { id: true, name: true, email: true },
  });
  if (!user) return;
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  const link = new URL(`/passwort/${token}`, env.APP_URL).toString();
  const mail = await passwordResetEmail({ name: user.name, link, expiresAt });
  const outbox = await db.$transaction(async (tx) => {
    // One link at a time: an earlier one stops working.
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: now },
    });
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt },
      select: { id: true },
    });
    const queued = await queueEmail(
      {
        kind: "password-reset",
        to: user.email,
        toName: user.name,
        ...mail,
        idempotencyKey: `password-reset:${reset.id}`,
      },
      tx,
    );
    await audit(
      {
        actorId: user.id,
        action: "update",
        entityType: "user",
        entityId: user.id,
        detail: "Link zum Zurücksetzen des Passworts angefordert",
        ip: meta.ip,
      },
      tx,
    );
    return queued;
  });
  // Delivered in the background: the answer does not wait for it (nor tell by its time).
  void deliverOutbox({ ids: [outbox.id], limit: 1 }).catch(() => undefined);
}

/** The open reset behind a link (not used, not expired), or null. */
export async function findOpenReset(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true, active: true } },
    },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now || !reset.user.active) return null;
  return { id: reset.id, email: reset.user.email };
}

/** Sets the new password (the link works once) and ends every session of the account. */
export async function resetPassword(token: string, password: string, ip?: string) {
  const open = await findOpenReset(token);
  if (!open) return null;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const used = await tx.passwordReset.updateMany({
      where: { id: open.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    const reset = await tx.passwordReset.findUniqueOrThrow({
      where: { id: open.id },
      select: { userId: true },
    });
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, version: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await audit(
      {
        actorId: reset.userId,
        action: "update",
        entityType: "user",
        entityId: reset.userId,
        detail: "Passwort zurückgesetzt, alle Sitzungen beendet",
        ip,
      },
      tx,
    );
    return { userId: reset.userId, email: open.email };
  });
}
