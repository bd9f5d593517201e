import { z } from "zod";
import { isAfterToday } from "~/lib/day";
import {
  checkboxList,
  optionalDate,
  optionalIntInRange,
  optionalText,
  requiredDate,
  requiredText,
  version,
} from "~/lib/validation";
import { t } from "~/messages";

/** The project form: name, period, districts and targets (each optional). */
export const projectSchema = z
  .object({
    name: requiredText(200),
    funder: optionalText(200),
    startDate: requiredDate,
    endDate: requiredDate,
    /** The funder's last payment: from it the ESF evidence's retention runs. */
    lastPaymentOn: optionalDate.refine((d) => !d || !isAfterToday(d), t("project.paymentFuture")),
    districts: checkboxList(z.string().regex(/^\d{5}$/), 20),
    target_participants: optionalIntInRange(1, 100_000),
    /** In percent in the form; stored as a share. */
    target_apprenticeship_rate: optionalIntInRange(1, 100),
    target_internships: optionalIntInRange(1, 100_000),
    target_workshops: optionalIntInRange(1, 100_000),
    target_employers_informed: optionalIntInRange(1, 100_000),
    target_multiplier_contacts: optionalIntInRange(1, 100_000),
  })
  .refine(
    (v) => !(v.startDate instanceof Date && v.endDate instanceof Date) || v.endDate > v.startDate,
    {
      path: ["endDate"],
      message: t("project.endBeforeStart"),
    },
  );
export type ProjectInput = z.infer<typeof projectSchema>;
export const projectUpdateSchema = projectSchema.and(z.object({ version }));
