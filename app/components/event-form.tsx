import { Form, Link, useNavigation } from "@remix-run/react";
import { bindFields, CheckboxField, SelectField, TextArea, TextField } from "~/components/form";
import { labelOf } from "~/labels";
import { t } from "~/messages";
import { EVENT_TYPES } from "~/modules/event/values";

type Props = {
  defaults: Record<string, string | boolean>;
  errors?: Record<string, string[] | undefined>;
  users: { id: string; name: string }[];
  version?: number;
  cancelTo: string;
};

/** The event form; the server checks it with the same zod schema. */
export function EventForm({ defaults, errors = {}, users, version, cancelTo }: Props) {
  const busy = useNavigation().state === "submitting";
  const { text: f, check } = bindFields(defaults, errors);
  return (
    <Form method="post" noValidate>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <SelectField
          label={t("event.type")}
          options={EVENT_TYPES.map((v) => ({ value: v, label: labelOf("etype", v) }))}
          {...f("type")}
        />
        <TextField label={t("event.name")} required maxLength={200} {...f("title")} />
        <TextField label={t("event.day")} required placeholder="TT.MM.JJJJ" {...f("date")} />
        <TextField label={t("event.startTime")} required placeholder="HH:MM" {...f("startTime")} />
        <TextField label={t("event.endTime")} placeholder="HH:MM" {...f("endTime")} />
        <TextField label={t("event.place")} maxLength={300} {...f("place")} />
        <TextField label={t("event.onlineUrl")} type="url" maxLength={300} {...f("onlineUrl")} />
        <TextField
          label={t("event.capacity")}
          inputMode="numeric"
          hint={t("event.capacityHint")}
          {...f("capacity")}
        />
        <TextField
          label={t("event.deadline")}
          placeholder="TT.MM.JJJJ"
          {...f("registrationDeadline")}
        />
        <SelectField
          label={t("event.organiser")}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
          {...f("organiserId")}
        />
      </div>
      <TextArea label={t("event.description")} maxLength={5000} {...f("description")} />
      <fieldset>
        <legend>{t("event.audience")}</legend>
        {errors.forCompanies ? (
          <p className="field-error" role="alert">
            {errors.forCompanies[0]}
          </p>
        ) : null}
        <CheckboxField label={t("event.forCompanies")} {...check("forCompanies")} />
        <CheckboxField label={t("event.forParticipants")} {...check("forParticipants")} />
        <CheckboxField label={t("event.forMultipliers")} {...check("forMultipliers")} />
      </fieldset>
      <CheckboxField label={t("event.publicRegistration")} {...check("publicRegistration")} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("event.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
