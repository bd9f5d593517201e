import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";
import { passwordSchema } from "./schema";

describe("password rule and hashing", () => {
  it("accepts 12 to 128 characters without composition rules", () => {
    expect(passwordSchema.safeParse("nur kleine worte").success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(128)).success).toBe(true);
  });

  it("refuses short, overlong and common passwords with German messages", () => {
    expect(passwordSchema.safeParse("kurz").error?.issues[0]?.message).toBe(
      "Das Passwort muss mindestens 12 Zeichen lang sein.",
    );
    expect(passwordSchema.safeParse("a".repeat(129)).error?.issues[0]?.message).toBe(
      "Das Passwort darf höchstens 128 Zeichen lang sein.",
    );
    expect(passwordSchema.safeParse("Passwort12345").error?.issues[0]?.message).toMatch(
      /zu bekannt/,
    );
  });

  it("hashes with argon2id and never truncates", async () => {
    const base = "x".repeat(100);
    const stored = await hashPassword(`${base}A`);
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, `${base}A`)).toBe(true);
    expect(await verifyPassword(stored, `${base}B`)).toBe(false);
    expect(await verifyPassword("kein-hash", "egal")).toBe(false);
  });
});
