import { Form } from "@remix-run/react";
import { DateField, FormError, TextArea, TextField, useSchemaForm } from "~/components/form";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { participantFollowUpSchema } from "~/modules/interaction/follow-up-schema";

/** A follow-up about this participant for the one who writes it (a call, a document to ask for). */
export function ParticipantFollowUp({ reply }: { reply?: FormReply | null }) {
  const form = useSchemaForm(participantFollowUpSchema, { intent: "wiedervorlage", reply });
  return (
    <details className="no-print panel" open={form.refused}>
      <summary>{t("followup.forParticipant")}</summary>
      {/* "Neue Wiedervorlage" after one was done leads here (the browser opens the section). */}
      <Form {...form.props} id="wiedervorlage">
        <FormError message={form.message} />
        <div className="form-grid">
          <TextField
            id="wv-title"
            label={t("followup.what")}
            required
            maxLength={200}
            {...form.field("title")}
          />
          <DateField id="wv-due" label={t("followup.due")} required {...form.field("dueDate")} />
        </div>
        <TextArea
          id="wv-notes"
          label={t("followup.notes")}
          maxLength={1000}
          {...form.field("notes")}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t("followup.create")}
        </button>
      </Form>
    </details>
  );
}
