import { z } from "zod";
import { dayOf, today } from "~/lib/day";
import { id, optionalDate, requiredText } from "~/lib/validation";
import { t } from "~/messages";

/** Setting a legal hold: why, and until when (empty: until it is lifted). */
export const holdSchema = z.object({
  reason: requiredText(500),
  until: optionalDate.refine((d) => !d || dayOf(d) >= today(), t("hold.untilPast")),
});
export type HoldInput = z.infer<typeof holdSchema>;

export const liftHoldSchema = z.object({ holdId: id });
