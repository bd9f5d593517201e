import type { z } from "zod";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { AppError } from "~/lib/errors";
import { hashToken, randomToken } from "~/lib/tokens.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { deliverOutbox, emailDeliveryEnabled, queueEmail } from "~/modules/email/email.server";
import { invitationEmail, invitationNoticeEmail } from "./invitation-email";
import { hashPassword } from "./password.server";
import { can, isRole, type Role } from "./permissions";
import { inviteSchema, passwordSchema } from "./schema";
import { endAllSessions, type SessionUser } from "./session.server";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A form error on one field (e.g. the email is taken). */
export class UserInputError extends AppError {
  constructor(
    public field: string,
    message: string,
  ) {
    super(400, message, { [field]: [message] });
  }
}

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      totpEnabledAt: true,
    },
  });
}

/** Invitations not accepted and not withdrawn, expired ones too (their link can be sent again). */
export async function listOpenInvitations(now = new Date()) {
  const invitations = await db.invitation.findMany({
    where: { usedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, expiresAt: true },
  });
  return invitations.map((i) => ({ ...i, expired: i.expiresAt <= now }));
}

/** Creates a single-use invitation and queues its email in the same transaction. Returns the raw link. */
export async function inviteUser(
  actor: SessionUser,
  input: z.infer<typeof inviteSchema>,
  ip?: string,
  options: { resend?: boolean } = {},
) {
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (existing) throw new UserInputError("email", t("admin.emailTaken"));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const link = new URL(`/einladung/${token}`, env.APP_URL).toString();
  const mail = await invitationEmail({
    name: input.name,
    inviter: actor.name,
    role: input.role,
    link,
    expiresAt,
  });
  const { invitation, outbox, notices } = await db.$transaction(async (tx) => {
    // A new invitation replaces older open ones for the same address.
    await tx.invitation.updateMany({
      where: { email: input.email, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: { ...input, tokenHash: hashToken(token), expiresAt, invitedById: actor.id },
      select: { id: true },
    });
    const outbox = await queueEmail(
      {
        kind: "invitation",
        to: input.email,
        toName: input.name,
        ...mail,
        idempotencyKey: `invitation:${invitation.id}`,
      },
      tx,
    );
    await audit(
      {
        actorId: actor.id,
        action: "invite",
        entityType: "invitation",
        entityId: invitation.id,
        after: input,
        detail: options.resend ? "Einladungslink erneut gesendet" : null,
        ip,
      },
      tx,
    );
    // An account that will read social data is announced to the project lead, who can object
    // (once: a new link for the same invitation is no new account).
    const leads =
      !options.resend && can(input.role, "read", "participant")
        ? await tx.user.findMany({
            where: { role: "leitung", active: true, id: { not: actor.id } },
            select: { id: true, email: true, name: true },
          })
        : [];
    const notices = [];
    for (const lead of leads)
      notices.push(
        await queueEmail(
          {
            kind: "invitation-notice",
            to: lead.email,
            toName: lead.name,
            ...(await invitationNoticeEmail({
              lead: lead.name,
              inviter: actor.name,
              invitee: input.name,
              email: input.email,
              role: input.role,
            })),
            idempotencyKey: `invitation-notice:${invitation.id}:${lead.id}`,
          },
          tx,
        ),
      );
    return { invitation, outbox, notices };
  });
  // Delivery after commit; a failure stays in the outbox for the next run.
  const ids = [outbox.id, ...notices.map((n) => n.id)];
  await deliverOutbox({ ids, limit: ids.length }).catch(() => undefined);
  return { invitationId: invitation.id, link, delivered: emailDeliveryEnabled() };
}

/**
 * Sends a fresh link for an invitation not yet accepted (also an expired one): the old link
 * stops working, the new one is valid for the full time again.
 */
export async function resendInvitation(actor: SessionUser, invitationId: string, ip?: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, usedAt: null, revokedAt: null },
    select: { email: true, name: true, role: true },
  });
  if (!invitation || !isRole(invitation.role)) throw new AppError(404, t("validation.notFound"));
  return inviteUser(actor, { ...invitation, role: invitation.role }, ip, { resend: true });
}

/** Withdraws an invitation not yet accepted: its link stops working (audited). */
export async function revokeInvitation(actor: SessionUser, invitationId: string, ip?: string) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw new AppError(404, t("validation.notFound"));
    await audit(
      {
        actorId: actor.id,
        action: "update",
        entityType: "invitation",
        entityId: invitationId,
        detail: "Einladung zurückgezogen",
        ip,
      },
      tx,
    );
  });
}

export async function findOpenInvitation(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
    },
  });
  if (!inv || inv.usedAt || inv.revokedAt || inv.expiresAt <= now) return null;
  return inv;
}

/** Sets the password and activates the account; the invitation can be used once only. */
export async function acceptInvitation(token: string, password: string, ip?: string) {
  const inv = await findOpenInvitation(token);
  if (!inv) return null;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const used = await tx.invitation.updateMany({
      where: { id: inv.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    const user = await tx.user.upsert({
      where: { email: inv.email },
      create: { email: inv.email, name: inv.name, role: inv.role, passwordHash },
      update: { passwordHash, active: true, role: inv.role, version: { increment: 1 } },
      select: { id: true },
    });
    await audit(
      { actorId: user.id, action: "invite_accepted", entityType: "user", entityId: user.id, ip },
      tx,
    );
    return user;
  });
}

type AccountChange = { role: Role } | { active: boolean };

/** Changes another user's role or active flag, with before/after in the audit log. */
async function changeAccount(
  actor: SessionUser,
  userId: string,
  change: AccountChange,
  ip?: string,
) {
  const field = "role" in change ? "role" : "active";
  if (actor.id === userId) throw new UserInputError(field, t("admin.notSelf"));
  const before = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, active: true, name: true },
  });
  if (!before) return null;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { ...change, version: { increment: 1 } } });
    await audit(
      {
        actorId: actor.id,
        action: "update",
        entityType: "user",
        entityId: userId,
        before: { [field]: before[field] },
        after: change,
        ip,
      },
      tx,
    );
  });
  return { name: before.name };
}

export function changeRole(actor: SessionUser, userId: string, role: Role, ip?: string) {
  return changeAccount(actor, userId, { role }, ip);
}

/** Deactivating ends all of the user's sessions on the server. */
export async function setUserActive(
  actor: SessionUser,
  userId: string,
  active: boolean,
  ip?: string,
) {
  const changed = await changeAccount(actor, userId, { active }, ip);
  if (changed && !active) await endAllSessions(userId);
  return changed;
}

/** For the command line: creates an active user with a password (first admin without demo mode). */
export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
}) {
  const parsed = inviteSchema.parse(input);
  passwordSchema.parse(input.password);
  return db.user.create({
    data: {
      email: parsed.email,
      name: parsed.name,
      role: parsed.role,
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true, email: true },
  });
}
