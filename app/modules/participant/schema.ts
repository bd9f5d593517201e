import { z } from "zod";
import { dayOf, formatDate, isAfterToday, today } from "~/lib/day";
import {
  checkbox,
  choice,
  optionalChoice,
  optionalDate,
  optionalEmail,
  optionalIntInRange,
  optionalPhone,
  optionalPlz,
  optionalText,
  requiredDate,
  requiredText,
  version,
} from "~/lib/validation";
import { t } from "~/messages";
import { CONSENT_METHODS } from "~/modules/contact/values";
import { DOCUMENT_KINDS } from "~/modules/documents/values";
import {
  CASE_NOTE_TYPES,
  CHILDCARE,
  GENDERS,
  LABOUR_STATUSES,
  OUTCOME_TYPES,
  PARTICIPANT_CONSENTS,
  PARTICIPANT_STATUSES,
  SCHOOL_CERTIFICATES,
} from "./values";

const notInFuture = (d: Date | null) => !d || !isAfterToday(d);
const optionalId = z.preprocess(
  (v) => (v === "" ? null : v),
  z.string().max(64).nullable().default(null),
);
/** A desired occupation as typed or picked: "Title (KldB code)", the title, or the code. */
const wish = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().max(200).nullable().default(null),
);

/** The participant form, the same on client and server; unknown fields are dropped. */
export const participantFormSchema = z
  .object({
    firstName: requiredText(100),
    lastName: requiredText(100),
    birthDate: requiredDate.refine(notInFuture, t("participant.birthFuture")),
    gender: optionalChoice(GENDERS),
    street: optionalText(200),
    plz: optionalPlz,
    city: optionalText(120),
    districtAgs: z.preprocess(
      (v) => (v === "" ? null : v),
      z
        .string()
        .regex(/^\d{5}$/)
        .nullable()
        .default(null),
    ),
    phone: optionalPhone,
    email: optionalEmail,
    childrenCount: optionalIntInRange(0, 12),
    youngestChildBirthDate: optionalDate.refine(notInFuture, t("participant.childFuture")),
    childcare: optionalChoice(CHILDCARE),
    childcareHoursPerWeek: optionalIntInRange(0, 60),
    weeklyHoursAvailable: optionalIntInRange(0, 40),
    drivingLicence: checkbox,
    hasCar: checkbox,
    usesPublicTransport: checkbox,
    maxCommuteMinutes: optionalIntInRange(5, 180),
    schoolCertificate: optionalChoice(SCHOOL_CERTIFICATES),
    labourStatus: optionalChoice(LABOUR_STATUSES),
    strengths: optionalText(1000),
    entryDate: optionalDate,
    exitDate: optionalDate,
    status: choice(PARTICIPANT_STATUSES),
    coachId: optionalId,
    notes: optionalText(5000),
    wish1: wish,
    wish2: wish,
    wish3: wish,
    /** Verbleib at exit; required when the participant leaves without a recorded outcome. */
    exitOutcome: optionalChoice(OUTCOME_TYPES),
  })
  .superRefine((v, ctx) => {
    if (v.entryDate && v.exitDate && v.exitDate < v.entryDate)
      ctx.addIssue({
        code: "custom",
        path: ["exitDate"],
        message: t("participant.exitBeforeEntry"),
      });
    if (v.exitDate && !v.entryDate)
      ctx.addIssue({
        code: "custom",
        path: ["exitDate"],
        message: t("participant.exitNeedsEntry"),
      });
    if (v.exitDate && v.status !== "ausgeschieden")
      ctx.addIssue({ code: "custom", path: ["status"], message: t("participant.exitNeedsStatus") });
    if (v.status === "ausgeschieden" && !v.exitDate)
      ctx.addIssue({
        code: "custom",
        path: ["exitDate"],
        message: t("participant.statusNeedsExit"),
      });
  });
export type ParticipantInput = z.infer<typeof participantFormSchema>;

export const participantUpdateSchema = participantFormSchema.and(z.object({ version }));

export const outcomeSchema = z.object({
  type: choice(OUTCOME_TYPES),
  companyId: optionalId,
  /** A company not offered in the list, by its exact name. */
  companyName: optionalText(200),
  occupation: wish,
  partTime: checkbox,
  weeklyHours: optionalIntInRange(1, 40),
  startDate: optionalDate,
  note: optionalText(1000),
});
export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** "Medizinische/r Fachangestellte/r (81102)" – how an occupation shows in the picker. */
export const occupationLabel = (o: { title: string; kldbCode: string }) =>
  `${o.title} (${o.kldbCode})`;

/**
 * Form values for a stored participant: every field of the form's schema, taken from the record
 * (dates in German format, wishes as labels). A field added to the schema comes along.
 */
export function participantFormDefaults(
  p: Record<string, unknown> & { wishes: { occupation: { title: string; kldbCode: string } }[] },
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const key of Object.keys(participantFormSchema.shape)) {
    const value = p[key];
    if (value instanceof Date) out[key] = formatDate(value);
    else if (typeof value === "boolean") out[key] = value;
    else if (typeof value === "string" || typeof value === "number") out[key] = String(value);
    else out[key] = "";
  }
  p.wishes.forEach((w, i) => {
    out[`wish${i + 1}`] = occupationLabel(w.occupation);
  });
  return out;
}

export const participantConsentSchema = z.object({
  purpose: choice(PARTICIPANT_CONSENTS),
  givenAt: requiredDate,
  method: choice(CONSENT_METHODS),
  note: optionalText(300),
});

export const shareSchema = z.object({ userId: z.string().min(1).max(64) });

/** A participant who left comes back: the new stay's entry date and labour status at entry. */
export const reentrySchema = z.object({
  entryDate: requiredDate,
  labourStatus: optionalChoice(LABOUR_STATUSES),
  version,
});
export type ReentryInput = z.infer<typeof reentrySchema>;

/** A change that needs only the record's version (e.g. taking back a re-entry). */
export const versionSchema = z.object({ version });

/** Correcting an earlier stay: its dates and labour status, with the participant's version. */
export const stayCorrectionSchema = z.object({
  stayId: z.string().min(1).max(64),
  entryDate: requiredDate,
  exitDate: requiredDate,
  labourStatus: optionalChoice(LABOUR_STATUSES),
  version,
});
export type StayCorrectionInput = z.infer<typeof stayCorrectionSchema>;

/** A counselling note in the case file, optionally with a follow-up for its coach. */
export const caseNoteSchema = z
  .object({
    type: choice(CASE_NOTE_TYPES),
    occurredOn: requiredDate,
    text: requiredText(5000),
    followUpDue: optionalDate,
  })
  .refine((v) => !(v.occurredOn instanceof Date) || notInFuture(v.occurredOn), {
    path: ["occurredOn"],
    message: t("casefile.future"),
  })
  .refine((v) => !(v.followUpDue instanceof Date) || dayOf(v.followUpDue) >= today(), {
    path: ["followUpDue"],
    message: t("followup.snoozePast"),
  });
export type CaseNoteInput = z.infer<typeof caseNoteSchema>;

/** The kind of an uploaded document (the file itself is checked by the documents module). */
export const documentUploadSchema = z.object({ kind: choice(DOCUMENT_KINDS) });
export const documentDeleteSchema = z.object({ documentId: z.string().min(1).max(64) });
