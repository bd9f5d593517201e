import { Form, Link, useNavigation } from "@remix-run/react";
import { bindFields, CheckboxField, TextField } from "~/components/form";
import { labelOf } from "~/labels";
import { t } from "~/messages";
import { KPIS } from "~/modules/reporting/values";

type Props = {
  defaults: Record<string, string | string[]>;
  errors?: Record<string, string[] | undefined>;
  districts: { ags: string; name: string }[];
  version?: number;
};

/** The project form; the server checks it with projectSchema. */
export function ProjectForm({ defaults, errors = {}, districts, version }: Props) {
  const busy = useNavigation().state === "submitting";
  const { text: f } = bindFields(defaults, errors);
  const chosen = new Set([defaults.districts ?? []].flat());
  return (
    <Form method="post" noValidate>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <TextField label={t("project.name")} required maxLength={200} {...f("name")} />
        <TextField label={t("project.funder")} maxLength={200} {...f("funder")} />
        <TextField
          label={t("project.start")}
          required
          placeholder="TT.MM.JJJJ"
          {...f("startDate")}
        />
        <TextField label={t("project.end")} required placeholder="TT.MM.JJJJ" {...f("endDate")} />
      </div>
      <fieldset>
        <legend>{t("project.districts")}</legend>
        {districts.map((d) => (
          <CheckboxField
            key={d.ags}
            id={`district-${d.ags}`}
            label={d.name}
            name="districts"
            value={d.ags}
            defaultChecked={chosen.has(d.ags)}
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
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("project.save")}
        </button>
        <Link to="/berichte/projekte" className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
