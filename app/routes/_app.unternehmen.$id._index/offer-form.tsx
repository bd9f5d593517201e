import { Form } from "@remix-run/react";
import {
  CheckboxField,
  DateField,
  FormError,
  SelectField,
  TextField,
  useSchemaForm,
} from "~/components/form";
import { dayOf, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { offerSchema } from "~/modules/company/offer-schema";

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
  reply?: FormReply | null;
};

/** Add or edit one apprenticeship offer (one form per offer, and one for a new offer). */
export function OfferForm({ offer, occupations, reply }: Props) {
  const id = offer?.id ?? "neu";
  const form = useSchemaForm(offerSchema, {
    intent: "offer",
    record: { name: "offerId", value: offer?.id ?? "" },
    reply,
    defaults: {
      offerId: offer?.id ?? "",
      version: offer?.version ?? "",
      occupationId: offer?.occupation.id ?? "",
      places: offer?.places ?? 1,
      placesFilled: offer?.placesFilled ?? 0,
      startDate: offer?.startDate ? formatDay(dayOf(offer.startDate)) : "",
      partTimePossible: offer?.partTimePossible ?? true,
      internshipPossible: offer?.internshipPossible ?? true,
    },
  });
  return (
    <Form {...form.props} className="offer-form">
      <FormError message={form.message} />
      <input type="hidden" name="offerId" value={offer?.id ?? ""} />
      <input type="hidden" name="version" value={offer?.version ?? ""} />
      <SelectField
        id={`occ-${id}`}
        label={t("offer.occupation")}
        options={[
          { value: "", label: t("offer.choose") },
          ...occupations.map((o) => ({ value: o.id, label: `${o.title} (${o.kldbCode})` })),
        ]}
        {...form.field("occupationId")}
      />
      <div className="form-grid">
        <TextField
          id={`places-${id}`}
          label={t("offer.places")}
          inputMode="numeric"
          {...form.field("places")}
        />
        <TextField
          id={`filled-${id}`}
          label={t("offer.placesFilled")}
          inputMode="numeric"
          {...form.field("placesFilled")}
        />
        <DateField id={`start-${id}`} label={t("offer.start")} {...form.field("startDate")} />
      </div>
      <CheckboxField
        id={`pt-${id}`}
        label={t("offer.partTime")}
        {...form.checkbox("partTimePossible")}
      />
      <CheckboxField
        id={`ip-${id}`}
        label={t("offer.internship")}
        {...form.checkbox("internshipPossible")}
      />
      <button type="submit" className="button button-primary button-small" disabled={form.busy}>
        {t("offer.save")}
      </button>
    </Form>
  );
}
