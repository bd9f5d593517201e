import { Form } from "@remix-run/react";
import { CheckboxField, SelectField, TextField } from "~/components/form";
import { dayOf } from "~/lib/day";
import { t } from "~/messages";

type Offer = {
  id: string;
  version: number;
  places: number;
  placesFilled: number;
  partTimePossible: boolean;
  internshipPossible: boolean;
  startDate: Date | string | null;
  occupation: { id: string };
};
type Props = {
  offer?: Offer;
  occupations: { id: string; title: string; kldbCode: string }[];
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
};

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const isoDay = (d: Date | string | null | undefined) => (d ? dayOf(d) : "");

/** Add or edit one apprenticeship offer; used on the company page. */
export function OfferForm({ offer, occupations, errors = {}, values }: Props) {
  const id = offer?.id ?? "neu";
  const checked = (name: string, fallback: boolean) => (values ? values[name] === "on" : fallback);
  return (
    <Form method="post" action="?intent=offer" noValidate className="offer-form">
      <input type="hidden" name="offerId" value={offer?.id ?? ""} />
      <input type="hidden" name="version" value={offer?.version ?? ""} />
      <SelectField
        id={`occ-${id}`}
        label={t("offer.occupation")}
        name="occupationId"
        defaultValue={str(values?.occupationId) ?? offer?.occupation.id ?? ""}
        options={[
          { value: "", label: t("offer.choose") },
          ...occupations.map((o) => ({ value: o.id, label: `${o.title} (${o.kldbCode})` })),
        ]}
        error={errors.occupationId}
      />
      <div className="form-grid">
        <TextField
          id={`places-${id}`}
          label={t("offer.places")}
          name="places"
          inputMode="numeric"
          defaultValue={str(values?.places) ?? String(offer?.places ?? 1)}
          error={errors.places}
        />
        <TextField
          id={`filled-${id}`}
          label={t("offer.placesFilled")}
          name="placesFilled"
          inputMode="numeric"
          defaultValue={str(values?.placesFilled) ?? String(offer?.placesFilled ?? 0)}
          error={errors.placesFilled}
        />
        <TextField
          id={`start-${id}`}
          label={t("offer.start")}
          name="startDate"
          type="date"
          defaultValue={str(values?.startDate) ?? isoDay(offer?.startDate)}
          error={errors.startDate}
        />
      </div>
      <CheckboxField
        id={`pt-${id}`}
        label={t("offer.partTime")}
        name="partTimePossible"
        defaultChecked={checked("partTimePossible", offer?.partTimePossible ?? true)}
      />
      <CheckboxField
        id={`ip-${id}`}
        label={t("offer.internship")}
        name="internshipPossible"
        defaultChecked={checked("internshipPossible", offer?.internshipPossible ?? true)}
      />
      <button type="submit" className="button button-primary button-small">
        {t("offer.save")}
      </button>
    </Form>
  );
}
