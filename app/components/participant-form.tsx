import { Form, Link } from "@remix-run/react";
import {
  CheckboxField,
  DateField,
  FormError,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { type LabelledSet, labelledOptions, labelOf } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { participantFormSchema } from "~/modules/participant/schema";
import {
  CHILDCARE,
  GENDERS,
  LABOUR_STATUSES,
  OUTCOME_TYPES,
  PARTICIPANT_STATUSES,
  SCHOOL_CERTIFICATES,
  WISH_SLOTS,
} from "~/modules/participant/values";

type Props = {
  defaults: Record<string, unknown>;
  reply?: FormReply | null;
  districts: { ags: string; name: string }[];
  /** Coaches to choose from; only for lead and placement. */
  coaches?: { id: string; name: string }[];
  /** "Title (KldB code)" of every occupation, for the wish picker. */
  occupations: string[];
  version?: number;
  cancelTo: string;
  /** Shown next to the birth date when the participant is 27 or older at entry. */
  ageWarning?: string | null;
};

const WISH_FIELDS = Array.from({ length: WISH_SLOTS }, (_, i) => `wish${i + 1}`);
const none = { value: "", label: t("common.none") };
/** A select's options: "no answer" and each value with its catalogue label. */
export const choiceOptions = (values: readonly string[], set: LabelledSet) => [
  none,
  ...labelledOptions(set, values),
];

/** The participant form; the server checks every field with the same zod schema. */
export function ParticipantForm({
  defaults,
  reply,
  districts,
  coaches,
  occupations,
  version,
  cancelTo,
  ageWarning,
}: Props) {
  const form = useSchemaForm(participantFormSchema, { defaults, reply });
  const { field: f, checkbox: check } = form;
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset>
        <legend>{t("participant.personal")}</legend>
        <div className="form-grid">
          <TextField
            label={t("participant.firstName")}
            required
            maxLength={100}
            {...f("firstName")}
          />
          <TextField
            label={t("participant.lastName")}
            required
            maxLength={100}
            {...f("lastName")}
          />
          <DateField
            label={t("participant.birthDate")}
            required
            hint={ageWarning ?? undefined}
            {...f("birthDate")}
          />
          <SelectField
            label={t("participant.gender")}
            options={choiceOptions(GENDERS, "gender")}
            {...f("gender")}
          />
        </div>
        <div className="form-grid">
          <TextField label={t("participant.street")} maxLength={200} {...f("street")} />
          <TextField label={t("participant.plz")} inputMode="numeric" maxLength={5} {...f("plz")} />
          <TextField label={t("participant.city")} maxLength={120} {...f("city")} />
          <SelectField
            label={t("participant.districtAgs")}
            options={[
              { value: "", label: t("participant.districtAuto") },
              ...districts.map((d) => ({ value: d.ags, label: d.name })),
            ]}
            {...f("districtAgs")}
          />
          <TextField label={t("participant.phone")} type="tel" maxLength={40} {...f("phone")} />
          <TextField label={t("participant.email")} type="email" maxLength={254} {...f("email")} />
        </div>
        <div className="form-grid">
          <TextField
            label={t("participant.childrenCount")}
            inputMode="numeric"
            {...f("childrenCount")}
          />
          <DateField label={t("participant.youngestChild")} {...f("youngestChildBirthDate")} />
          <SelectField
            label={t("participant.childcare")}
            options={choiceOptions(CHILDCARE, "childcare")}
            {...f("childcare")}
          />
          <TextField
            label={t("participant.childcareHours")}
            inputMode="numeric"
            {...f("childcareHoursPerWeek")}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("participant.mobility")}</legend>
        <div className="form-grid">
          <TextField
            label={t("participant.hoursAvailable")}
            inputMode="numeric"
            {...f("weeklyHoursAvailable")}
          />
          <TextField
            label={t("participant.maxCommute")}
            inputMode="numeric"
            {...f("maxCommuteMinutes")}
          />
          <SelectField
            label={t("participant.school")}
            options={choiceOptions(SCHOOL_CERTIFICATES, "school")}
            {...f("schoolCertificate")}
          />
          <SelectField
            label={t("participant.labourStatus")}
            options={choiceOptions(LABOUR_STATUSES, "labour")}
            {...f("labourStatus")}
          />
        </div>
        <CheckboxField label={t("participant.drivingLicence")} {...check("drivingLicence")} />
        <CheckboxField label={t("participant.hasCar")} {...check("hasCar")} />
        <CheckboxField label={t("participant.publicTransport")} {...check("usesPublicTransport")} />
      </fieldset>
      <fieldset>
        <legend>{t("participant.wishes")}</legend>
        <datalist id="occupation-list">
          {occupations.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <div className="form-grid">
          {WISH_FIELDS.map((name, i) => (
            <TextField
              key={name}
              label={t("participant.wishN", { n: i + 1 })}
              list="occupation-list"
              autoComplete="off"
              maxLength={200}
              hint={i === 0 ? t("participant.wishHint") : undefined}
              {...f(name)}
            />
          ))}
        </div>
        <TextArea label={t("participant.strengths")} maxLength={1000} {...f("strengths")} />
      </fieldset>
      <fieldset>
        <legend>{t("participant.programme")}</legend>
        <div className="form-grid">
          <SelectField
            label={t("participant.status")}
            options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: labelOf("pstatus", s) }))}
            {...f("status")}
          />
          <DateField
            label={t("participant.entryDate")}
            hint={t("stay.formHint")}
            {...f("entryDate")}
          />
          <DateField label={t("participant.exitDate")} {...f("exitDate")} />
          <SelectField
            label={t("participant.exitOutcome")}
            options={choiceOptions(OUTCOME_TYPES, "outcome")}
            {...f("exitOutcome")}
          />
          {coaches ? (
            <SelectField
              label={t("participant.coach")}
              options={[none, ...coaches.map((c) => ({ value: c.id, label: c.name }))]}
              {...f("coachId")}
            />
          ) : null}
        </div>
        <TextArea label={t("participant.notes")} maxLength={5000} {...f("notes")} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("participant.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
