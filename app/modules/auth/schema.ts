import { z } from "zod";
import { t } from "~/messages";
import { isCommonPassword } from "./common-passwords";
import { ROLES } from "./permissions";

// The account forms' rules, checked in the browser and again by the actions.

/** Password rule of security.md: 12–128 characters, no composition rules, no common passwords. */
export const passwordSchema = z
  .string({ error: t("field.required") })
  .min(12, t("password.tooShort"))
  .max(128, t("password.tooLong"))
  .refine((p) => !isCommonPassword(p), t("password.common"));

const email = z
  .string({ error: t("field.required") })
  .trim()
  .min(1, t("field.required"))
  .max(254, t("field.tooLong", { max: 254 }))
  .pipe(z.email(t("field.email")))
  .transform((e) => e.toLowerCase());
const name = z
  .string({ error: t("field.required") })
  .trim()
  .min(1, t("field.required"))
  .max(120, t("field.tooLong", { max: 120 }))
  .transform((n) => n.replace(/[\r\n]+/g, " "));
const role = z.enum(ROLES, { error: t("field.invalidChoice") });

export const inviteSchema = z.object({ email, name, role });
export const roleSchema = z.object({ userId: z.string().min(1).max(64), role });
/** A button on one invitation (send the link again, withdraw it). */
export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });
export const activeSchema = z.object({
  userId: z.string().min(1).max(64),
  active: z.enum(["0", "1"]),
});
export const acceptSchema = z
  .object({ password: passwordSchema, passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ["passwordRepeat"],
    message: t("password.mismatch"),
  });

export const loginSchema = z.object({
  email: z
    .string({ error: t("field.required") })
    .trim()
    .min(1, t("field.required"))
    .max(254, t("field.tooLong", { max: 254 }))
    .pipe(z.email(t("field.email")))
    .transform((e) => e.toLowerCase()),
  // No minimum here: the login only compares; the length rule applies when a password is set.
  password: z
    .string({ error: t("field.required") })
    .min(1, t("field.required"))
    .max(128, t("password.tooLong")),
});

/** "Passwort vergessen": the address to send the link to. */
export const forgotSchema = z.object({ email });

/** The code from the authenticator app (6 digits) or a recovery code. */
export const codeSchema = z.object({
  code: z
    .string({ error: t("field.required") })
    .trim()
    .min(1, t("field.required"))
    .max(20, t("totp.wrongCode")),
});
/** The admin's reset of a colleague's second factor. */
export const userIdSchema = z.object({ userId: z.string().min(1).max(64) });
