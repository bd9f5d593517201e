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

/** The switches on the Löschregeln page (kept in Setting). */
export const RETENTION_SWITCHES = ["retention.auto", "retention.paused"] as const;
export type RetentionSwitch = (typeof RETENTION_SWITCHES)[number];

export const switchSchema = z.object({
  key: z.enum(RETENTION_SWITCHES),
  on: z.enum(["0", "1"]),
});

/** Applying a plan takes its id: the one the admin reviewed. */
export const applyPlanSchema = z.object({ planId: id });
