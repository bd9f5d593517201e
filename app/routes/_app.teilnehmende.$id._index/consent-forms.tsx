import { Form } from "@remix-run/react";
import { DateField, FormError, SelectField, TextField, useSchemaForm } from "~/components/form";
import { labelledOptions } from "~/labels";
import { type Day, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { withdrawConsentSchema } from "~/modules/contact/schema";
import { CONSENT_METHODS } from "~/modules/contact/values";
import { participantConsentSchema } from "~/modules/participant/schema";
import { PARTICIPANT_CONSENTS } from "~/modules/participant/values";

/** Withdrawing one consent, on the day it was withdrawn. */
export function WithdrawConsent({
  consentId,
  today,
  reply,
}: {
  consentId: string;
  today: Day;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(withdrawConsentSchema, {
    intent: "withdraw",
    record: { name: "consentId", value: consentId },
    reply,
    defaults: { consentId, withdrawnAt: formatDay(today) },
  });
  return (
    <Form {...form.props} className="inline-form">
      <FormError message={form.message} />
      <input type="hidden" name="consentId" value={consentId} />
      <DateField
        label={t("consent.withdrawnAt")}
        id={`withdrawn-${consentId}`}
        {...form.field("withdrawnAt")}
      />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("consent.withdraw")}
      </button>
    </Form>
  );
}

/** Recording a consent the participant gave (purpose, day, how). */
export function RecordConsent({ today, reply }: { today: Day; reply?: FormReply | null }) {
  const form = useSchemaForm(participantConsentSchema, {
    intent: "consent",
    reply,
    defaults: { givenAt: formatDay(today) },
  });
  return (
    <details open={form.refused}>
      <summary>{t("consent.record")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <SelectField
          label={t("participant.consentPurpose")}
          options={labelledOptions("consentPurpose", PARTICIPANT_CONSENTS)}
          {...form.field("purpose")}
        />
        <DateField label={t("consent.givenAt")} {...form.field("givenAt")} />
        <SelectField
          label={t("consent.method")}
          options={labelledOptions("cmethod", CONSENT_METHODS)}
          {...form.field("method")}
        />
        <TextField label={t("consent.note")} maxLength={300} {...form.field("note")} />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("consent.save")}
        </button>
      </Form>
    </details>
  );
}
