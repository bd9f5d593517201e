import { Form, Link } from "@remix-run/react";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { type LabelledSet, labelledOptions } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { type CompanyFormDetail, companyFormSchema } from "~/modules/company/schema";
import {
  COMPANY_SIZES,
  MULTIPLIER_TYPES,
  OUTREACH_STATUSES,
  PART_TIME_READINESS,
} from "~/modules/company/values";

type Props = {
  defaults: Record<string, unknown>;
  reply?: FormReply<CompanyFormDetail> | null;
  districts: { ags: string; name: string }[];
  users: { id: string; name: string }[];
  version?: number;
  cancelTo: string;
};

const options = <T extends readonly string[]>(values: T, set: LabelledSet) =>
  labelledOptions(set, values);

/** The company form (new and edit), checked with companyFormSchema in the browser and the action. */
export function CompanyForm({ defaults, reply, districts, users, version, cancelTo }: Props) {
  const form = useSchemaForm(companyFormSchema, { defaults, reply });
  const text = form.field;
  const duplicates = form.detail?.duplicates;
  return (
    <Form {...form.props} className="company-form">
      <FormError message={form.message} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset>
        <legend>{t("company.details")}</legend>
        <div className="form-grid">
          <TextField
            label={t("company.name")}
            required
            maxLength={200}
            autoComplete="organization"
            {...text("name")}
          />
          <TextField label={t("company.legalForm")} maxLength={60} {...text("legalForm")} />
          <TextField label={t("company.industry")} maxLength={120} {...text("industry")} />
          <SelectField
            label={t("company.size")}
            options={[
              { value: "", label: t("common.none") },
              ...COMPANY_SIZES.map((s) => ({ value: s, label: s })),
            ]}
            {...text("size")}
          />
        </div>
        <div className="form-grid">
          <TextField
            label={t("company.street")}
            maxLength={200}
            autoComplete="street-address"
            {...text("street")}
          />
          <TextField
            label={t("company.plz")}
            inputMode="numeric"
            maxLength={5}
            autoComplete="postal-code"
            {...text("plz")}
          />
          <TextField label={t("company.city")} maxLength={120} {...text("city")} />
          <SelectField
            label={t("company.district")}
            hint={t("company.districtHint")}
            options={[
              { value: "", label: t("company.districtAuto") },
              ...districts.map((d) => ({ value: d.ags, label: d.name })),
            ]}
            {...text("districtAgs")}
          />
        </div>
        <div className="form-grid">
          <TextField label={t("company.website")} type="url" maxLength={300} {...text("website")} />
          <TextField label={t("company.phone")} type="tel" maxLength={40} {...text("phone")} />
          <TextField label={t("company.email")} type="email" maxLength={254} {...text("email")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("company.cooperation")}</legend>
        <div className="form-grid">
          <SelectField
            label={t("company.status")}
            options={options(OUTREACH_STATUSES, "outreach")}
            {...text("outreachStatus")}
          />
          <SelectField
            label={t("company.partTime")}
            options={options(PART_TIME_READINESS, "readiness")}
            {...text("partTimeReadiness")}
          />
          <SelectField
            label={t("company.owner")}
            options={[
              { value: "", label: t("common.none") },
              ...users.map((u) => ({ value: u.id, label: u.name })),
            ]}
            {...text("ownerId")}
          />
          <SelectField
            label={t("company.multiplierType")}
            options={[
              { value: "", label: t("company.notMultiplier") },
              ...options(MULTIPLIER_TYPES, "multiplier"),
            ]}
            {...text("multiplierType")}
          />
        </div>
        <CheckboxField
          label={t("company.isTrainingCompany")}
          {...form.checkbox("isTrainingCompany")}
        />
        <CheckboxField
          label={t("company.takesInternships")}
          {...form.checkbox("takesInternships")}
        />
        <TextField
          label={t("company.tags")}
          hint={t("company.tagsHint")}
          maxLength={500}
          {...text("tags")}
        />
        <TextArea label={t("company.notes")} maxLength={5000} {...text("notes")} />
      </fieldset>
      {duplicates?.length ? (
        <div className="form-error" role="alert">
          <p>{t("duplicate.found")}</p>
          <p>{t("duplicate.list")}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/unternehmen/${d.id}`} target="_blank">
                  {d.name}
                </Link>{" "}
                ({[d.plz, d.city].filter(Boolean).join(" ")})
              </li>
            ))}
          </ul>
          <CheckboxField label={t("duplicate.confirm")} name="confirmDuplicate" />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("company.save")}
        </button>{" "}
        <Link to={cancelTo} className="button">
          {t("company.cancel")}
        </Link>
      </div>
    </Form>
  );
}
