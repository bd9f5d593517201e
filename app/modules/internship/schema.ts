import { z } from "zod";
import {
  checkbox,
  choice,
  optionalChoice,
  optionalDate,
  optionalIntInRange,
  optionalText,
  version,
} from "~/lib/validation";
import { t } from "~/messages";
import { END_REASONS, INTERNSHIP_STATUSES } from "./values";

const optionalId = z.preprocess(
  (v) => (v === "" ? null : v),
  z.string().max(64).nullable().default(null),
);

/** The internship form; the lifecycle and overlap rules are checked in the module. */
export const internshipSchema = z
  .object({
    status: choice(INTERNSHIP_STATUSES),
    endReason: optionalChoice(END_REASONS),
    startDate: optionalDate,
    endDate: optionalDate,
    hoursPerWeek: optionalIntInRange(1, 40),
    supervisorId: optionalId,
    companyFeedback: optionalText(2000),
    participantFeedback: optionalText(2000),
    ledToOffer: checkbox,
    version,
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: t("internship.endBeforeStart") });
  });
export type InternshipInput = z.infer<typeof internshipSchema>;

export const proposeSchema = z.object({
  participantId: z.string().min(1).max(64),
  offerId: z.string().min(1).max(64),
});
