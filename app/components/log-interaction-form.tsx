import { Form } from "@remix-run/react";
import { useEffect } from "react";
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
import { type Day, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { logInteractionSchema } from "~/modules/interaction/schema";
import { INTERACTION_TOPICS, LOGGED_TYPES } from "~/modules/interaction/values";

type Props = {
  /** The company's people to choose from; on a contact's page, that person alone (fixed). */
  contacts: { id: string; name: string }[];
  fixedContact?: boolean;
  users: { id: string; name: string }[];
  me: string;
  today: Day;
  reply?: FormReply | null;
};

const FIRST_FIELD = "log-type";

/**
 * Logging a contact from a company's or a person's page: type, date and topics first, so a call
 * takes seconds. Alt+K jumps here. After a save it starts afresh (the new entry is marked in the
 * Verlauf); a refused save keeps what was typed.
 */
export function LogInteractionForm({
  contacts,
  fixedContact = false,
  users,
  me,
  today,
  reply,
}: Props) {
  const form = useSchemaForm(logInteractionSchema, {
    intent: "log",
    reply,
    defaults: {
      type: "anruf",
      occurredAt: formatDay(today),
      contactId: fixedContact ? (contacts[0]?.id ?? "") : "",
      followUpAssigneeId: me,
      topics: [],
    },
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        document.getElementById(FIRST_FIELD)?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <section aria-labelledby="log-title" className="panel log-form">
      <h2 id="log-title">{t("interaction.log")}</h2>
      <p className="field-hint kbd-hint">{t("interaction.shortcut")}</p>
      <Form {...form.props}>
        <FormError message={form.message} />
        <div className="form-grid">
          <SelectField
            id={FIRST_FIELD}
            label={t("interaction.type")}
            options={LOGGED_TYPES.map((v) => ({
              value: v,
              label: labelOf("itype", v),
            }))}
            {...form.field("type")}
          />
          <DateField label={t("interaction.date")} {...form.field("occurredAt")} />
          {fixedContact ? (
            <input type="hidden" name="contactId" value={contacts[0]?.id ?? ""} />
          ) : (
            <SelectField
              label={t("interaction.contact")}
              options={[
                { value: "", label: t("interaction.noContact") },
                ...contacts.map((c) => ({ value: c.id, label: c.name })),
              ]}
              {...form.field("contactId")}
            />
          )}
        </div>
        <fieldset className="topic-list">
          <legend>{t("interaction.topics")}</legend>
          {INTERACTION_TOPICS.map((topic) => (
            <CheckboxField
              key={topic}
              id={`topic-${topic}`}
              label={labelOf("topic", topic)}
              {...form.checkbox("topics", topic)}
            />
          ))}
        </fieldset>
        <TextField label={t("interaction.outcome")} maxLength={300} {...form.field("outcome")} />
        <TextArea
          label={t("interaction.notes")}
          maxLength={5000}
          rows={3}
          {...form.field("notes")}
        />
        <fieldset>
          <legend>{t("interaction.followUp")}</legend>
          <div className="form-grid">
            <DateField label={t("interaction.followUpDue")} {...form.field("followUpDue")} />
            <TextField
              label={t("interaction.followUpTitle")}
              maxLength={200}
              {...form.field("followUpTitle")}
            />
            <SelectField
              label={t("interaction.followUpAssignee")}
              options={users.map((u) => ({ value: u.id, label: u.name }))}
              {...form.field("followUpAssigneeId")}
            />
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("interaction.save")}
        </button>
      </Form>
    </section>
  );
}
