import { z } from "zod";
import {
  checkbox,
  choice,
  optionalChoice,
  optionalEmail,
  optionalPhone,
  optionalPlz,
  optionalText,
  optionalUrl,
  requiredText,
  version,
} from "~/lib/validation";
import { t } from "~/messages";
import { COMPANY_SIZES, MULTIPLIER_TYPES, OUTREACH_STATUSES, PART_TIME_READINESS } from "./values";

/** The company form, the same on client and server; unknown fields are dropped. */
export const companyFormSchema = z.object({
  name: requiredText(200),
  legalForm: optionalText(60),
  street: optionalText(200),
  plz: optionalPlz,
  city: optionalText(120),
  districtAgs: z.preprocess(
    (v) => (v === "" ? null : v),
    z
      .string()
      .regex(/^\d{5}$/)
      .nullable()
      .default(null),
  ),
  industry: optionalText(120),
  size: optionalChoice(COMPANY_SIZES),
  website: optionalUrl,
  phone: optionalPhone,
  email: optionalEmail,
  ownerId: z.preprocess((v) => (v === "" ? null : v), z.string().max(64).nullable().default(null)),
  outreachStatus: choice(OUTREACH_STATUSES),
  partTimeReadiness: choice(PART_TIME_READINESS),
  isTrainingCompany: checkbox,
  takesInternships: checkbox,
  multiplierType: optionalChoice(MULTIPLIER_TYPES),
  tags: z
    .string()
    .max(500, t("field.tooLong", { max: 500 }))
    .default("")
    .transform((v) =>
      [
        ...new Set(
          v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    ),
  notes: optionalText(5000),
});
export type CompanyInput = z.infer<typeof companyFormSchema>;

export const companyUpdateSchema = companyFormSchema.extend({ version });

export const statusChangeSchema = z.object({
  id: z.string().min(1).max(64),
  status: choice(OUTREACH_STATUSES),
});
