import { z } from "zod";
import { formatDate, formatTime } from "~/lib/day";
import {
  checkbox,
  checkboxList,
  choice,
  intInRange,
  optionalChoice,
  optionalDate,
  optionalEmail,
  optionalIntInRange,
  optionalPhone,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredText,
  version,
} from "~/lib/validation";
import { t } from "~/messages";
import { MULTIPLIER_TYPES, OUTREACH_STATUSES } from "~/modules/company/values";
import { ATTENDANCE, EVENT_TYPES } from "./values";

const time = z
  .string({ error: t("field.required") })
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.]([0-5]\d)$/, t("event.timeFormat"));
const optionalTime = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  time.nullable().default(null),
);
const optionalId = z.preprocess(
  (v) => (v === "" ? null : v),
  z.string().max(64).nullable().default(null),
);

/** The event form; the same rules on client and server. */
export const eventFormSchema = z
  .object({
    type: choice(EVENT_TYPES),
    title: requiredText(200),
    description: optionalText(5000),
    date: requiredDate,
    startTime: time,
    endTime: optionalTime,
    place: optionalText(300),
    onlineUrl: optionalUrl,
    capacity: optionalIntInRange(1, 5000),
    forCompanies: checkbox,
    forParticipants: checkbox,
    forMultipliers: checkbox,
    organiserId: optionalId,
    registrationDeadline: optionalDate,
    publicRegistration: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({ code: "custom", path: ["place"], message: t("event.placeRequired") });
    if (
      v.endTime &&
      v.endTime.replace(".", ":").padStart(5, "0") <= v.startTime.replace(".", ":").padStart(5, "0")
    )
      ctx.addIssue({ code: "custom", path: ["endTime"], message: t("event.endBeforeStart") });
    if (v.registrationDeadline && v.registrationDeadline > v.date)
      ctx.addIssue({
        code: "custom",
        path: ["registrationDeadline"],
        message: t("event.deadlineAfterEvent"),
      });
    if (!v.forCompanies && !v.forParticipants && !v.forMultipliers)
      ctx.addIssue({
        code: "custom",
        path: ["forCompanies"],
        message: t("event.audienceRequired"),
      });
  });
export type EventInput = z.infer<typeof eventFormSchema>;
export const eventUpdateSchema = eventFormSchema.and(z.object({ version }));

/** Which contact persons an invitation goes to. */
/** At most this many contacts chosen on the contact list come to the invitation page at once. */
export const MAX_CHOSEN_CONTACTS = 200;

export const recipientFilterSchema = z.object({
  kreis: optionalText(5),
  status: optionalChoice(OUTREACH_STATUSES),
  branche: optionalText(100),
  multiplikator: optionalChoice(MULTIPLIER_TYPES),
  tag: optionalText(60),
  /** The contacts ticked on the contact list ("Zu Veranstaltung einladen"); none: everyone. */
  kontakte: checkboxList(z.string().min(1).max(64), MAX_CHOSEN_CONTACTS),
});
export type RecipientFilter = Omit<z.infer<typeof recipientFilterSchema>, "kontakte"> & {
  kontakte?: readonly string[];
};

/** At most this many recipients in one invitation round (the list is shown as checkboxes). */
export const MAX_RECIPIENTS = 1000;

/** Step one: the filter, the ticked recipients and an optional personal text. */
export const invitationChoiceSchema = recipientFilterSchema.extend({
  an: checkboxList(z.string().min(1).max(64), MAX_RECIPIENTS),
  text: optionalText(1000),
});

/** Step two: the same, with the number of invitations the inviter confirmed. */
export const invitationSendSchema = invitationChoiceSchema.extend({
  anzahl: intInRange(1, MAX_RECIPIENTS),
});

/** The public registration form; `website` is a honeypot that people never see. */
export const registrationSchema = z.object({
  name: requiredText(120),
  companyName: optionalText(200),
  plz: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, t("validation.plz"))
      .nullable()
      .default(null),
  ),
  function: optionalText(120),
  email: optionalEmail.refine((v) => v != null, t("field.required")),
  phone: optionalPhone,
  persons: optionalIntInRange(1, 10),
  consent: checkbox.refine((v) => v, t("registration.consentRequired")),
  website: z.string().max(500).optional(),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

/** Someone who came without registering, added on the day (name; company and function if given). */
export const walkInSchema = z.object({
  name: requiredText(120),
  companyName: optionalText(200),
  function: optionalText(120),
});
export type WalkInInput = z.infer<typeof walkInSchema>;

export const attendanceSchema = z.object({
  registrationId: z.string().min(1).max(64),
  attendance: z.enum(ATTENDANCE),
});

/** Form values for a stored event (German date, Berlin times). */
export function eventFormDefaults(e: {
  type: string;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  forCompanies: boolean;
  forParticipants: boolean;
  forMultipliers: boolean;
  organiserId: string | null;
  registrationDeadline: Date | null;
  publicRegistration: boolean;
}): Record<string, string | boolean> {
  return {
    type: e.type,
    title: e.title,
    description: e.description ?? "",
    date: formatDate(e.startsAt),
    startTime: formatTime(e.startsAt),
    endTime: e.endsAt ? formatTime(e.endsAt) : "",
    place: e.place ?? "",
    onlineUrl: e.onlineUrl ?? "",
    capacity: e.capacity?.toString() ?? "",
    forCompanies: e.forCompanies,
    forParticipants: e.forParticipants,
    forMultipliers: e.forMultipliers,
    organiserId: e.organiserId ?? "",
    registrationDeadline: e.registrationDeadline ? formatDate(e.registrationDeadline) : "",
    publicRegistration: e.publicRegistration,
  };
}

/** Cancelling an event: the reason told to the registrants (optional) and the record's version. */
export const cancelEventSchema = z.object({ reason: optionalText(1000), version });

/** Staff cancel one registration. */
export const registrationIdSchema = z.object({ registrationId: z.string().min(1).max(64) });
/** A coach registers a participant. */
export const participantIdSchema = z.object({ participantId: z.string().min(1).max(64) });
