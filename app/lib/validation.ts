import { z } from "zod";
import { t } from "~/messages";
import { parseDateOnly } from "./day";

// Field rules shared by the forms (client and server): strings in, clean values out, German messages.

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const requiredText = (max: number) =>
  z
    .string({ error: t("field.required") })
    .trim()
    .min(1, t("field.required"))
    .max(max, t("field.tooLong", { max }));

export const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z.string().trim().max(max, t("field.tooLong", { max })).nullable().default(null),
  );

export const optionalEmail = z.preprocess(
  blankToNull,
  z
    .email(t("field.email"))
    .max(254, t("field.tooLong", { max: 254 }))
    .transform((e) => e.toLowerCase())
    .nullable()
    .default(null),
);

/**
 * Only http(s) links (security.md); "www.x.de" gets https:// added. White space and control
 * characters inside are refused, so nothing a user typed can add lines to an email header or
 * a calendar file.
 */
export const optionalUrl = z.preprocess(
  (v) => {
    const b = blankToNull(v);
    return typeof b === "string" && /^www\./i.test(b.trim()) ? `https://${b.trim()}` : b;
  },
  z
    .string()
    .trim()
    .max(300, t("field.tooLong", { max: 300 }))
    .refine((v) => {
      if ([...v].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) return false;
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
      } catch {
        return false;
      }
    }, t("validation.url"))
    .nullable()
    .default(null),
);

export const optionalPhone = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(40, t("field.tooLong", { max: 40 }))
    .regex(/^[0-9+\-/() ]{3,}$/, t("validation.phone"))
    .nullable()
    .default(null),
);

export const optionalPlz = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .regex(/^\d{5}$/, t("validation.plz"))
    .nullable()
    .default(null),
);

export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    blankToNull,
    z
      .enum(values, { error: t("field.invalidChoice") })
      .nullable()
      .default(null),
  );

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: t("field.invalidChoice") });

/**
 * A group of checkboxes with one name: the checked values. A single checked box arrives as its
 * value, none as nothing (or false from the browser-side form).
 */
export const checkboxList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
    z.array(item).max(max),
  );

/** Checkbox: present ("on") means true. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const requiredDate = z
  .string({ error: t("field.required") })
  .trim()
  .min(1, t("field.required"))
  .transform((v, ctx) => {
    const d = parseDateOnly(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: t("validation.date") });
      return z.NEVER;
    }
    return d;
  });

export const optionalDate = z.preprocess(blankToNull, requiredDate.nullable().default(null));

export const intInRange = (min: number, max: number) =>
  z
    .string({ error: t("field.required") })
    .trim()
    .regex(/^-?\d+$/, t("validation.number"))
    .transform(Number)
    .refine((n) => n >= min && n <= max, t("validation.range", { min, max }));

export const version = z.coerce.number().int().positive();
export const id = z.string().min(1).max(64);

/** An optional whole number within bounds; blank means "not given". */
export const optionalIntInRange = (min: number, max: number) =>
  z.preprocess(blankToNull, intInRange(min, max).nullable().default(null));
