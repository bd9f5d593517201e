import { Form, Link } from "@remix-run/react";
import { CheckboxField, DateField, FormError, TextField, useSchemaForm } from "~/components/form";
import { labelOf } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { projectSchema } from "~/modules/reporting/project-schema";
import { KPIS } from "~/modules/reporting/values";

type Props = {
  defaults: Record<string, unknown>;
  reply?: FormReply | null;
  districts: { ags: string; name: string }[];
  version?: number;
};

/** The project form; the server checks it with projectSchema. */
export function ProjectForm({ defaults, reply, districts, version }: Props) {
  const form = useSchemaForm(projectSchema, { defaults, reply });
  const f = form.field;
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <TextField label={t("project.name")} required maxLength={200} {...f("name")} />
        <TextField label={t("project.funder")} maxLength={200} {...f("funder")} />
        <DateField label={t("project.start")} required {...f("startDate")} />
        <DateField label={t("project.end")} required {...f("endDate")} />
        <DateField
          label={t("project.lastPayment")}
          hint={t("project.lastPaymentHint")}
          {...f("lastPaymentOn")}
        />
      </div>
      <fieldset>
        <legend>{t("project.districts")}</legend>
        {districts.map((d) => (
          <CheckboxField
            key={d.ags}
            id={`district-${d.ags}`}
            label={d.name}
            {...form.checkbox("districts", d.ags)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("project.targets")}</legend>
        <div className="form-grid">
          {KPIS.map((kpi) => (
            <TextField
              key={kpi}
              label={labelOf("kpi", kpi)}
              inputMode="numeric"
              hint={kpi === "apprenticeship_rate" ? t("project.targetRateHint") : undefined}
              {...f(`target_${kpi}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("project.save")}
        </button>
        <Link to="/berichte/projekte" className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
