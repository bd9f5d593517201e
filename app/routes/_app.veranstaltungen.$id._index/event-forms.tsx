import { Form } from "@remix-run/react";
import { FormError, SelectField, TextArea, TextField, useSchemaForm } from "~/components/form";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { cancelEventSchema, participantIdSchema, walkInSchema } from "~/modules/event/schema";

/** Calling the event off, with a reason for the guests' email. */
export function CancelEvent({ version, reply }: { version: number; reply?: FormReply | null }) {
  const form = useSchemaForm(cancelEventSchema, {
    intent: "absagen",
    reply,
    defaults: { version },
  });
  return (
    <details className="no-print" open={form.refused}>
      <summary>{t("event.cancelEvent")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <p className="hint">{t("event.cancelHint")}</p>
        <input type="hidden" name="version" value={version} />
        <TextArea
          label={t("event.cancelReason")}
          maxLength={1000}
          rows={3}
          {...form.field("reason")}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t("event.cancelSave")}
        </button>
      </Form>
    </details>
  );
}

/** A coach registers one of her participants. */
export function RegisterParticipant({
  participants,
  reply,
}: {
  participants: { id: string; firstName: string; lastName: string }[];
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(participantIdSchema, {
    intent: "teilnehmende",
    reply,
    defaults: { participantId: participants[0]?.id ?? "" },
  });
  return (
    <Form {...form.props} className="inline-form">
      <FormError message={form.message} />
      <SelectField
        label={t("internship.participant")}
        options={participants.map((p) => ({
          value: p.id,
          label: `${p.lastName}, ${p.firstName}`,
        }))}
        {...form.field("participantId")}
      />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("event.registerParticipant")}
      </button>
    </Form>
  );
}

/** On the day: someone who came without registering is added as present. */
export function WalkIn({ reply }: { reply?: FormReply | null }) {
  const form = useSchemaForm(walkInSchema, { intent: "vor-ort", reply });
  return (
    <details className="no-print" open={form.refused}>
      <summary>{t("event.walkIn")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <div className="form-grid">
          <TextField
            id="walkin-name"
            label={t("event.walkInName")}
            required
            maxLength={120}
            {...form.field("name")}
          />
          <TextField
            id="walkin-company"
            label={t("event.walkInCompany")}
            maxLength={200}
            {...form.field("companyName")}
          />
          <TextField
            id="walkin-function"
            label={t("event.walkInFunction")}
            maxLength={120}
            {...form.field("function")}
          />
        </div>
        <button type="submit" className="button" disabled={form.busy}>
          {t("event.walkInSave")}
        </button>
      </Form>
    </details>
  );
}
