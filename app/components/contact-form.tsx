import { Form, Link } from "@remix-run/react";
import { FormError, SelectField, TextArea, TextField, useSchemaForm } from "~/components/form";
import { labelOf } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { MULTIPLIER_TYPES } from "~/modules/company/values";
import { contactFormSchema } from "~/modules/contact/schema";
import { SALUTATIONS } from "~/modules/contact/values";

type Props = {
  defaults: Record<string, unknown>;
  reply?: FormReply | null;
  companies: { id: string; name: string; city: string | null }[];
  users: { id: string; name: string }[];
  version?: number;
  cancelTo: string;
};

/** The contact person form, checked with contactFormSchema in the browser and the action. */
export function ContactForm({ defaults, reply, companies, users, version, cancelTo }: Props) {
  const form = useSchemaForm(contactFormSchema, { defaults, reply });
  const f = form.field;
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <SelectField
          label={t("contact.salutation")}
          options={[
            { value: "", label: t("common.none") },
            ...SALUTATIONS.map((s) => ({ value: s, label: s })),
          ]}
          {...f("salutation")}
        />
        <TextField
          label={t("contact.firstName")}
          required
          maxLength={100}
          autoComplete="off"
          {...f("firstName")}
        />
        <TextField
          label={t("contact.lastName")}
          required
          maxLength={100}
          autoComplete="off"
          {...f("lastName")}
        />
        <TextField label={t("contact.function")} maxLength={120} {...f("function")} />
      </div>
      <div className="form-grid">
        <TextField label={t("contact.email")} type="email" maxLength={254} {...f("email")} />
        <TextField label={t("contact.phone")} type="tel" maxLength={40} {...f("phone")} />
        <TextField label={t("contact.mobile")} type="tel" maxLength={40} {...f("mobile")} />
      </div>
      <div className="form-grid">
        <SelectField
          label={t("contact.company")}
          options={[
            { value: "", label: t("contact.noCompany") },
            ...companies.map((c) => ({
              value: c.id,
              label: c.city ? `${c.name} (${c.city})` : c.name,
            })),
          ]}
          {...f("companyId")}
        />
        <SelectField
          label={t("company.multiplierType")}
          options={[
            { value: "", label: t("company.notMultiplier") },
            ...MULTIPLIER_TYPES.map((m) => ({
              value: m,
              label: labelOf("multiplier", m),
            })),
          ]}
          {...f("multiplierType")}
        />
        <SelectField
          label={t("company.owner")}
          options={[
            { value: "", label: t("common.none") },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
          {...f("ownerId")}
        />
      </div>
      <TextArea label={t("company.notes")} maxLength={5000} {...f("notes")} />
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
