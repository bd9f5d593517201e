import { z } from "zod";
import { optionalText, requiredDate, requiredText } from "~/lib/validation";

/** A follow-up about a participant (a call, a document to ask for), for the one who writes it. */
export const participantFollowUpSchema = z.object({
  title: requiredText(200),
  dueDate: requiredDate,
  notes: optionalText(1000),
});
export type ParticipantFollowUpInput = z.infer<typeof participantFollowUpSchema>;
