import { Form } from "@remix-run/react";
import {
  CheckboxField,
  DateField,
  FormError,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { labelledOptions } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { occupationLabel, outcomeSchema } from "~/modules/participant/schema";
import { OUTCOME_TYPES } from "~/modules/participant/values";

type Occupation = { id: string; title: string; kldbCode: string };

/** Where the participant went: an apprenticeship contract (the goal), work, school or else. */
export function OutcomeForm({
  wishes,
  companies,
  reply,
}: {
  /** The participant's wished occupations, first offered. */
  wishes: Occupation[];
  /** Companies of her internships, offered first. */
  companies: { id: string; name: string }[];
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(outcomeSchema, {
    intent: "outcome",
    reply,
    defaults: { type: "ausbildung", occupation: wishes[0] ? occupationLabel(wishes[0]) : "" },
  });
  return (
    <details open={form.refused}>
      <summary>{t("outcome.title")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <div className="form-grid">
          <SelectField
            label={t("outcome.type")}
            options={labelledOptions("outcome", OUTCOME_TYPES)}
            {...form.field("type")}
          />
          <SelectField
            label={t("outcome.company")}
            options={[
              { value: "", label: t("outcome.companyOther") },
              ...companies.map((c) => ({ value: c.id, label: c.name })),
            ]}
            {...form.field("companyId")}
          />
          <TextField
            label={t("outcome.companyName")}
            maxLength={200}
            {...form.field("companyName")}
          />
          <TextField
            label={t("outcome.occupation")}
            list="outcome-occupations"
            autoComplete="off"
            maxLength={200}
            hint={t("participant.wishHint")}
            {...form.field("occupation")}
          />
          <datalist id="outcome-occupations">
            {wishes.map((o) => (
              <option key={o.id} value={occupationLabel(o)} />
            ))}
          </datalist>
          <DateField label={t("outcome.startDate")} {...form.field("startDate")} />
          <TextField
            label={t("outcome.weeklyHours")}
            inputMode="numeric"
            {...form.field("weeklyHours")}
          />
        </div>
        <CheckboxField label={t("outcome.partTime")} {...form.checkbox("partTime")} />
        <TextArea label={t("outcome.note")} maxLength={1000} {...form.field("note")} />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("outcome.save")}
        </button>
      </Form>
    </details>
  );
}
