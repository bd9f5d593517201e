import { Form } from "@remix-run/react";
import { FormError, SelectField, useSchemaForm } from "~/components/form";
import { labelledOptions } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { statusChangeSchema } from "~/modules/company/schema";
import { OUTREACH_STATUSES } from "~/modules/company/values";

/** Moving the company to another outreach status (the pipeline's keyboard way, on the page). */
export function StatusForm({
  id,
  status,
  reply,
}: {
  id: string;
  status: string;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(statusChangeSchema, {
    intent: "status",
    reply,
    defaults: { id, status },
  });
  return (
    <Form {...form.props} className="inline-form status-form">
      <FormError message={form.message} />
      <input type="hidden" name="id" value={id} />
      <SelectField
        id="status-select"
        label={t("company.moveTo")}
        options={labelledOptions("outreach", OUTREACH_STATUSES)}
        {...form.field("status")}
      />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("company.move")}
      </button>
    </Form>
  );
}
