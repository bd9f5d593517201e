import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { listOutbox } from "~/modules/email/email.server";
import { createUser } from "../../../tests/factories";
import { login } from "./login.server";
import type { SessionUser } from "./session.server";
import {
  acceptInvitation,
  changeRole,
  findOpenInvitation,
  INVITATION_LIFETIME_MS,
  inviteUser,
  resendInvitation,
  revokeInvitation,
  UserInputError,
} from "./users.server";

async function admin(): Promise<SessionUser> {
  const a = await createUser("admin");
  return { ...a, role: "admin" };
}
const tokenOf = (link: string) => link.split("/einladung/")[1]!;

describe("invitations", () => {
  it("the outbox shows no live link, the lead hears of an account for social data, and the answer says the mail is only held", async () => {
    const actor = await admin();
    const lead = await createUser("leitung");
    const { invitationId, link, delivered } = await inviteUser(actor, {
      email: "selbst@test.example",
      name: "Selma Selbst",
      role: "vermittlung",
    });
    expect(delivered).toBe(false);
    const listed = (await listOutbox()).find((m) => m.subject === "Ihre Einladung zu Lotse")!;
    expect(listed.text).not.toContain(tokenOf(link));
    expect(listed.text).toContain("/einladung/•••");
    const notice = await db.emailOutbox.findUniqueOrThrow({
      where: { idempotencyKey: `invitation-notice:${invitationId}:${lead.id}` },
    });
    expect(notice.toEmail).toBe(lead.email);
    expect(notice.text).toContain("Selma Selbst (selbst@test.example) als Vermittlung");
    // A role without participant data is not announced.
    const other = await inviteUser(actor, {
      email: "verwaltung@test.example",
      name: "Viktor Verwaltung",
      role: "admin",
    });
    expect(
      await db.emailOutbox.count({
        where: { idempotencyKey: { startsWith: `invitation-notice:${other.invitationId}` } },
      }),
    ).toBe(0);
  });

  it("queues the invitation email in the same transaction, with a single-use link", async () => {
    const actor = await admin();
    const { invitationId, link } = await inviteUser(actor, {
      email: "neu@test.example",
      name: "Nora Neu",
      role: "vermittlung",
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/einladung\/[A-Za-z0-9_-]{40,}$/);
    const mail = await db.emailOutbox.findUniqueOrThrow({
      where: { idempotencyKey: `invitation:${invitationId}` },
    });
    expect(mail.toEmail).toBe("neu@test.example");
    expect(mail.subject).toBe("Ihre Einladung zu Lotse");
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(link);
    expect(mail.status).toBe("held");
    // The raw token is not stored.
    const inv = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(inv.tokenHash).not.toBe(tokenOf(link));

    const user = await acceptInvitation(tokenOf(link), "mein-neues-passwort");
    expect(user).not.toBeNull();
    const result = await login(
      { email: "neu@test.example", password: "mein-neues-passwort" },
      { ip: "10.9.0.1" },
    );
    expect(result.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email: "neu@test.example" } })).role).toBe(
      "vermittlung",
    );

    // Reused link: refused.
    expect(await acceptInvitation(tokenOf(link), "noch-ein-passwort-1")).toBeNull();
    expect(await findOpenInvitation(tokenOf(link))).toBeNull();
  });

  it("refuses an expired or tampered link", async () => {
    const actor = await admin();
    const { invitationId, link } = await inviteUser(actor, {
      email: "spaet@test.example",
      name: "Sp Ät",
      role: "jobcoach",
    });
    expect(await findOpenInvitation(`${tokenOf(link)}x`)).toBeNull();
    expect(
      await findOpenInvitation(tokenOf(link), new Date(Date.now() + INVITATION_LIFETIME_MS + 1000)),
    ).toBeNull();
    await db.invitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await acceptInvitation(tokenOf(link), "mein-neues-passwort")).toBeNull();
    expect(await db.user.findUnique({ where: { email: "spaet@test.example" } })).toBeNull();
  });

  it("a new invitation revokes the older one for the same address", async () => {
    const actor = await admin();
    const first = await inviteUser(actor, {
      email: "zweimal@test.example",
      name: "Zwei Mal",
      role: "jobcoach",
    });
    const second = await inviteUser(actor, {
      email: "zweimal@test.example",
      name: "Zwei Mal",
      role: "jobcoach",
    });
    expect(await findOpenInvitation(tokenOf(first.link))).toBeNull();
    expect(await findOpenInvitation(tokenOf(second.link))).not.toBeNull();
  });

  it("sends a fresh link for an invitation (the old one dies, the lead is not told twice) and withdraws one", async () => {
    const actor = await admin();
    const lead = await createUser("leitung");
    const first = await inviteUser(actor, {
      email: "nochmal@test.example",
      name: "Nora Nochmal",
      role: "jobcoach",
    });
    const again = await resendInvitation(actor, first.invitationId);
    expect(await findOpenInvitation(tokenOf(first.link))).toBeNull();
    expect(await findOpenInvitation(tokenOf(again.link))).toMatchObject({
      email: "nochmal@test.example",
      role: "jobcoach",
    });
    expect(
      await db.emailOutbox.count({ where: { kind: "invitation-notice", toEmail: lead.email } }),
    ).toBe(1);
    expect(
      await db.emailOutbox.count({
        where: { kind: "invitation", toEmail: "nochmal@test.example" },
      }),
    ).toBe(2);

    await revokeInvitation(actor, again.invitationId);
    expect(await findOpenInvitation(tokenOf(again.link))).toBeNull();
    await expect(revokeInvitation(actor, again.invitationId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(resendInvitation(actor, again.invitationId)).rejects.toMatchObject({
      status: 404,
    });
    expect(
      await db.auditLog.count({
        where: { entityId: again.invitationId, detail: "Einladung zurückgezogen" },
      }),
    ).toBe(1);
  });

  it("refuses an address that already has an account", async () => {
    const actor = await admin();
    const existing = await createUser("jobcoach");
    await expect(
      inviteUser(actor, { email: existing.email, name: "X", role: "jobcoach" }),
    ).rejects.toBeInstanceOf(UserInputError);
  });
});

describe("roles", () => {
  it("changes a role and records before and after in the audit log", async () => {
    const actor = await admin();
    const coach = await createUser("jobcoach");
    await changeRole(actor, coach.id, "vermittlung");
    expect((await db.user.findUniqueOrThrow({ where: { id: coach.id } })).role).toBe("vermittlung");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: coach.id, action: "update" },
    });
    expect(JSON.parse(entry.before!)).toEqual({ role: "jobcoach" });
    expect(JSON.parse(entry.after!)).toEqual({ role: "vermittlung" });
  });

  it("an admin cannot change their own role", async () => {
    const actor = await admin();
    await expect(changeRole(actor, actor.id, "jobcoach")).rejects.toThrow(
      "Sie können Ihre eigene Rolle",
    );
  });
});
