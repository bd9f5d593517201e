import { z } from "zod";
import { checkbox, intInRange, optionalDate } from "~/lib/validation";
import { t } from "~/messages";

/** An apprenticeship offer as edited on the company page. */
export const offerSchema = z
  .object({
    offerId: z.preprocess(
      (v) => (v === "" ? null : v),
      z.string().max(64).nullable().default(null),
    ),
    version: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.number().int().positive().nullable().default(null),
    ),
    occupationId: z
      .string({ error: t("field.required") })
      .min(1, t("field.required"))
      .max(64),
    places: intInRange(1, 99),
    placesFilled: intInRange(0, 99),
    partTimePossible: checkbox,
    internshipPossible: checkbox,
    startDate: optionalDate,
  })
  .refine(
    (o) =>
      typeof o.places !== "number" ||
      typeof o.placesFilled !== "number" ||
      o.placesFilled <= o.places,
    {
      path: ["placesFilled"],
      message: t("offer.filledTooMany"),
    },
  );
export type OfferInput = z.infer<typeof offerSchema>;

export const archiveOfferSchema = z.object({ offerId: z.string().min(1).max(64) });
