import { z } from "zod";
import { isAfterToday } from "~/lib/day";
import { optionalDate, optionalText, requiredDate, requiredText } from "~/lib/validation";
import { t } from "~/messages";
import { DATENART_KEYS } from "~/modules/retention/datenarten";
import { DECISIONS, REQUEST_KINDS } from "./values";

/** Recording a request: what is asked and when it arrived (the month to answer starts then). */
export const requestSchema = z.object({
  kind: z.enum(REQUEST_KINDS, { error: t("request.kindRequired") }),
  receivedOn: requiredDate.refine((d) => !isAfterToday(d), t("request.receivedFuture")),
});
export type RequestInput = z.infer<typeof requestSchema>;

/** Before anything is answered, someone checks who is asking. */
export const identitySchema = z.object({ identityMethod: requiredText(200) });

/** The form fields of one Datenart's decision. */
export const decisionFields = (key: string) => ({
  decision: `entscheidung_${key}`,
  until: `bis_${key}`,
  reason: `grund_${key}`,
});

/**
 * The answer to an erasure or restriction request: per Datenart erase, restrict (until a date,
 * with the reason) or refuse (with the reason).
 */
export const decisionSchema = z
  .object(
    Object.fromEntries(
      DATENART_KEYS.flatMap((key) => {
        const f = decisionFields(key);
        return [
          [f.decision, z.enum(DECISIONS).optional()],
          [f.until, optionalDate],
          [f.reason, optionalText(500)],
        ];
      }),
    ) as Record<string, z.ZodType>,
  )
  .superRefine((values, ctx) => {
    for (const key of DATENART_KEYS) {
      const decision = values[`decision.${key}`];
      if ((decision === "restrict" || decision === "refuse") && !values[`reason.${key}`])
        ctx.addIssue({
          code: "custom",
          path: [`reason.${key}`],
          message: t("request.reasonRequired"),
        });
      if (decision === "restrict" && !values[`until.${key}`])
        ctx.addIssue({
          code: "custom",
          path: [`until.${key}`],
          message: t("request.untilRequired"),
        });
    }
  });
