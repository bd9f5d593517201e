import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createUser, TEST_PASSWORD } from "../../../tests/factories";
import { login } from "./login.server";
import {
  findOpenReset,
  RESET_LIFETIME_MS,
  requestPasswordReset,
  resetPassword,
} from "./reset.server";

const linkIn = async (email: string) => {
  const mail = await db.emailOutbox.findFirst({
    where: { toEmail: email, kind: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  return mail ? (/\/passwort\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? null) : null;
};

describe("password reset", () => {
  it("mails a single-use link to an existing account only; the answer is the same either way", async () => {
    const user = await createUser("jobcoach");
    await expect(
      requestPasswordReset("niemand@test.example", { ip: "10.1.0.1" }),
    ).resolves.toBeUndefined();
    expect(await db.emailOutbox.count({ where: { toEmail: "niemand@test.example" } })).toBe(0);
    await expect(requestPasswordReset(user.email, { ip: "10.1.0.1" })).resolves.toBeUndefined();
    const token = await linkIn(user.email);
    expect(token).toBeTruthy();
    expect(await findOpenReset(token!)).toMatchObject({ email: user.email });
    // Only the hash is stored.
    expect(await db.passwordReset.count({ where: { tokenHash: token! } })).toBe(0);

    // A session from before the reset ends with it.
    const before = await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.1.0.2" });
    expect(before.ok).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await resetPassword(token!, "ein-ganz-neues-passwort-7")).toMatchObject({
      userId: user.id,
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(
      (await login({ email: user.email, password: TEST_PASSWORD }, { ip: "10.1.0.3" })).ok,
    ).toBe(false);
    expect(
      (
        await login(
          { email: user.email, password: "ein-ganz-neues-passwort-7" },
          { ip: "10.1.0.4" },
        )
      ).ok,
    ).toBe(true);
    // The link works once.
    expect(await resetPassword(token!, "noch-ein-anderes-passwort")).toBeNull();
  });

  it("refuses an expired link and a replaced one, and stops mailing after a few requests", async () => {
    const user = await createUser("jobcoach");
    await requestPasswordReset(user.email, { ip: "10.2.0.1" });
    const first = await linkIn(user.email);
    await requestPasswordReset(user.email, { ip: "10.2.0.1" });
    const second = await linkIn(user.email);
    expect(second).not.toBe(first);
    expect(await findOpenReset(first!)).toBeNull();
    expect(
      await findOpenReset(second!, new Date(Date.now() + RESET_LIFETIME_MS + 1000)),
    ).toBeNull();
    for (let i = 0; i < 10; i++) await requestPasswordReset(user.email, { ip: `10.2.1.${i}` });
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBeLessThanOrEqual(5);
  });
});
