import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CheckboxField, SelectField, TextArea, TextField } from "~/components/form";
import { labelOf } from "~/labels";
import { t } from "~/messages";
import { INTERACTION_TOPICS, INTERACTION_TYPES } from "~/modules/interaction/values";

type Props = {
  contacts: { id: string; name: string }[];
  users: { id: string; name: string }[];
  me: string;
  today: string;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
};

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Logging a contact from the company page: type, date and topics first, so a call takes seconds. Alt+K jumps here. */
export function LogInteractionForm({ contacts, users, me, today, errors = {}, values }: Props) {
  const firstField = useRef<HTMLSelectElement>(null);
  const busy = useNavigation().state === "submitting";
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        firstField.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const topics = Array.isArray(values?.topics) ? values.topics : [];
  return (
    <section aria-labelledby="log-title" className="panel log-form">
      <h2 id="log-title">{t("interaction.log")}</h2>
      <p className="field-hint">{t("interaction.shortcut")}</p>
      <Form method="post" action="?intent=log" noValidate key={values ? "retry" : "fresh"}>
        <div className="form-grid">
          <SelectField
            ref={firstField}
            label={t("interaction.type")}
            name="type"
            defaultValue={str(values?.type) || "anruf"}
            options={INTERACTION_TYPES.map((v) => ({
              value: v,
              label: labelOf("itype", v),
            }))}
            error={errors.type}
          />
          <TextField
            label={t("interaction.date")}
            name="occurredAt"
            type="date"
            max={today}
            defaultValue={str(values?.occurredAt) || today}
            error={errors.occurredAt}
          />
          <SelectField
            label={t("interaction.contact")}
            name="contactId"
            defaultValue={str(values?.contactId)}
            options={[
              { value: "", label: t("interaction.noContact") },
              ...contacts.map((c) => ({ value: c.id, label: c.name })),
            ]}
            error={errors.contactId}
          />
        </div>
        <fieldset className="topic-list">
          <legend>{t("interaction.topics")}</legend>
          {INTERACTION_TOPICS.map((topic) => (
            <CheckboxField
              key={topic}
              id={`topic-${topic}`}
              name="topics"
              value={topic}
              label={labelOf("topic", topic)}
              defaultChecked={topics.includes(topic)}
            />
          ))}
        </fieldset>
        <TextField
          label={t("interaction.outcome")}
          name="outcome"
          maxLength={300}
          defaultValue={str(values?.outcome)}
          error={errors.outcome}
        />
        <TextArea
          label={t("interaction.notes")}
          name="notes"
          maxLength={5000}
          rows={3}
          defaultValue={str(values?.notes)}
          error={errors.notes}
        />
        <fieldset>
          <legend>{t("interaction.followUp")}</legend>
          <div className="form-grid">
            <TextField
              label={t("interaction.followUpDue")}
              name="followUpDue"
              type="date"
              min={today}
              defaultValue={str(values?.followUpDue)}
              error={errors.followUpDue}
            />
            <TextField
              label={t("interaction.followUpTitle")}
              name="followUpTitle"
              maxLength={200}
              defaultValue={str(values?.followUpTitle)}
              error={errors.followUpTitle}
            />
            <SelectField
              label={t("interaction.followUpAssignee")}
              name="followUpAssigneeId"
              defaultValue={str(values?.followUpAssigneeId) || me}
              options={users.map((u) => ({ value: u.id, label: u.name }))}
              error={errors.followUpAssigneeId}
            />
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("interaction.save")}
        </button>
      </Form>
    </section>
  );
}
