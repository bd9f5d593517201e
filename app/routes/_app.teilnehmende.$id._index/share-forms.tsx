import { Form } from "@remix-run/react";
import { FormError, SelectField, useSchemaForm } from "~/components/form";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { shareSchema } from "~/modules/participant/schema";

/** Sharing the participant with another coach (e.g. a stand-in during leave). */
export function ShareForm({
  coaches,
  reply,
}: {
  coaches: { id: string; name: string }[];
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(shareSchema, {
    intent: "share",
    reply,
    defaults: { userId: coaches[0]?.id ?? "" },
  });
  return (
    <Form {...form.props} className="inline-form">
      <FormError message={form.message} />
      <SelectField
        label={t("participant.shareWith")}
        options={coaches.map((c) => ({ value: c.id, label: c.name }))}
        hint={t("participant.shareHint")}
        {...form.field("userId")}
      />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("participant.shareAdd")}
      </button>
    </Form>
  );
}
