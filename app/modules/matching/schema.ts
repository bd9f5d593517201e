import { z } from "zod";
import { id, intInRange } from "~/lib/validation";

/**
 * A door-to-door time looked up in a journey planner for a participant's way to an offer. The
 * PLZ pair and the mode come from the records, not from the form.
 */
export const travelTimeSchema = z.object({
  offerId: id,
  minutes: intInRange(5, 300),
});
export type TravelTimeInput = z.infer<typeof travelTimeSchema>;
