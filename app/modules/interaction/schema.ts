import { z } from "zod";
import { isAfterToday } from "~/lib/day";
import { checkboxList, choice, optionalDate, optionalText, requiredDate } from "~/lib/validation";
import { t } from "~/messages";
import { INTERACTION_TOPICS, LOGGED_TYPES } from "./values";

const optionalId = z.preprocess(
  (v) => (v === "" ? null : v),
  z.string().max(64).nullable().default(null),
);

/** Quick log from a company page: what happened, optionally with a follow-up. */
export const logInteractionSchema = z
  .object({
    type: choice(LOGGED_TYPES),
    occurredAt: requiredDate,
    contactId: optionalId,
    topics: checkboxList(choice(INTERACTION_TOPICS), INTERACTION_TOPICS.length),
    outcome: optionalText(300),
    notes: optionalText(5000),
    followUpDue: optionalDate,
    followUpTitle: optionalText(200),
    followUpAssigneeId: optionalId,
  })
  // zod runs this even when occurredAt itself failed, so check the type first.
  .refine((v) => !(v.occurredAt instanceof Date) || !isAfterToday(v.occurredAt), {
    path: ["occurredAt"],
    message: t("interaction.future"),
  })
  // An entry that says nothing is no record of a contact: a topic, an outcome or a note at least.
  .refine((v) => v.topics.length > 0 || v.notes != null || v.outcome != null, {
    path: ["notes"],
    message: t("interaction.empty"),
  })
  // A follow-up title alone would be dropped silently: the follow-up needs its day.
  .refine((v) => !v.followUpTitle || v.followUpDue != null, {
    path: ["followUpDue"],
    message: t("interaction.followUpDueMissing"),
  });
export type LogInteractionInput = z.infer<typeof logInteractionSchema>;
