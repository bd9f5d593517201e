import { z } from "zod";
import {
  choice,
  optionalChoice,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredDate,
  requiredText,
  version,
} from "~/lib/validation";
import { MULTIPLIER_TYPES } from "~/modules/company/values";
import { CONSENT_METHODS, SALUTATIONS } from "./values";

const optionalId = z.preprocess(
  (v) => (v === "" ? null : v),
  z.string().max(64).nullable().default(null),
);

export const contactFormSchema = z.object({
  salutation: optionalChoice(SALUTATIONS),
  firstName: requiredText(100),
  lastName: requiredText(100),
  function: optionalText(120),
  email: optionalEmail,
  phone: optionalPhone,
  mobile: optionalPhone,
  companyId: optionalId,
  multiplierType: optionalChoice(MULTIPLIER_TYPES),
  ownerId: optionalId,
  notes: optionalText(5000),
});
export type ContactInput = z.infer<typeof contactFormSchema>;
export const contactUpdateSchema = contactFormSchema.extend({ version });

export const consentSchema = z.object({
  givenAt: requiredDate,
  method: choice(CONSENT_METHODS),
  note: optionalText(300),
});
export const withdrawConsentSchema = z.object({
  consentId: z.string().min(1).max(64),
  withdrawnAt: requiredDate,
});
