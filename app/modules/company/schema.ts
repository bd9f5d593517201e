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
import type { DuplicateCandidate } from "./duplicates.server";
import type { Conflict } from "./editing.server";
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

type CompanyRecord = {
  name: string;
  legalForm: string | null;
  street: string | null;
  plz: string | null;
  city: string | null;
  districtAgs: string | null;
  districtOverridden: boolean;
  industry: string | null;
  size: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  ownerId: string | null;
  outreachStatus: string;
  partTimeReadiness: string;
  isTrainingCompany: boolean;
  takesInternships: boolean;
  multiplierType: string | null;
  notes: string | null;
  tags: { tag: { name: string } }[];
};

/** Form values for a stored company; a derived district shows as "automatisch". */
export function companyFormDefaults(c: CompanyRecord): Record<string, string | boolean> {
  const s = (v: string | null) => v ?? "";
  return {
    name: c.name,
    legalForm: s(c.legalForm),
    street: s(c.street),
    plz: s(c.plz),
    city: s(c.city),
    districtAgs: c.districtOverridden ? s(c.districtAgs) : "",
    industry: s(c.industry),
    size: s(c.size),
    website: s(c.website),
    phone: s(c.phone),
    email: s(c.email),
    ownerId: s(c.ownerId),
    outreachStatus: c.outreachStatus,
    partTimeReadiness: c.partTimeReadiness,
    isTrainingCompany: c.isTrainingCompany,
    takesInternships: c.takesInternships,
    multiplierType: s(c.multiplierType),
    notes: s(c.notes),
    tags: c.tags.map((x) => x.tag.name).join(", "),
  };
}

/** What a refused company form shows besides its errors. */
export type CompanyFormDetail = { duplicates?: DuplicateCandidate[]; conflict?: Conflict };
