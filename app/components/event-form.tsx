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
import { labelOf } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { eventFormSchema } from "~/modules/event/schema";
import { EVENT_TYPES } from "~/modules/event/values";

type Props = {
  defaults: Record<string, unknown>;
  reply?: FormReply | null;
  users: { id: string; name: string }[];
  version?: number;
  cancelTo: string;
};

/** The event form; the server checks it with the same zod schema. */
export function EventForm({ defaults, reply, users, version, cancelTo }: Props) {
  const form = useSchemaForm(eventFormSchema, { defaults, reply });
  const { field: f, checkbox: check } = form;
  const audienceError = form.errorAt("forCompanies");
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <SelectField
          label={t("event.type")}
          options={EVENT_TYPES.map((v) => ({ value: v, label: labelOf("etype", v) }))}
          {...f("type")}
        />
        <TextField label={t("event.name")} required maxLength={200} {...f("title")} />
        <DateField label={t("event.day")} required {...f("date")} />
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
        <DateField label={t("event.deadline")} {...f("registrationDeadline")} />
        <SelectField
          label={t("event.organiser")}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
          {...f("organiserId")}
        />
      </div>
      <TextArea label={t("event.description")} maxLength={5000} {...f("description")} />
      <fieldset>
        <legend>{t("event.audience")}</legend>
        {audienceError ? (
          <p className="field-error" role="alert">
            {Array.isArray(audienceError) ? audienceError[0] : audienceError}
          </p>
        ) : null}
        <CheckboxField label={t("event.forCompanies")} {...check("forCompanies")} />
        <CheckboxField label={t("event.forParticipants")} {...check("forParticipants")} />
        <CheckboxField label={t("event.forMultipliers")} {...check("forMultipliers")} />
      </fieldset>
      <CheckboxField label={t("event.publicRegistration")} {...check("publicRegistration")} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("event.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
