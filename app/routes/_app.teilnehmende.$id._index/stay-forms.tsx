import { Form } from "@remix-run/react";
import { DateField, FormError, SelectField, useSchemaForm } from "~/components/form";
import { choiceOptions } from "~/components/participant-form";
import { type Day, formatDate, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { reentrySchema, stayCorrectionSchema, versionSchema } from "~/modules/participant/schema";
import { LABOUR_STATUSES } from "~/modules/participant/values";

type Stay = {
  id: string;
  entryDate: string | Date;
  exitDate: string | Date | null;
  labourStatus: string | null;
};

/** An earlier stay's dates and labour status, corrected in place. */
export function StayCorrection({
  stay,
  number,
  version,
  reply,
}: {
  stay: Stay;
  number: number;
  version: number;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(stayCorrectionSchema, {
    intent: "stay",
    record: { name: "stayId", value: stay.id },
    action: `?intent=stay&nr=${number}`,
    reply,
    defaults: {
      stayId: stay.id,
      version,
      entryDate: formatDate(stay.entryDate),
      exitDate: formatDate(stay.exitDate),
      labourStatus: stay.labourStatus ?? "",
    },
  });
  return (
    <details open={form.refused}>
      <summary>
        {t("stay.correct")}
        <span className="visually-hidden">
          {" "}
          {t("stay.number")} {number}
        </span>
      </summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <input type="hidden" name="stayId" value={stay.id} />
        <input type="hidden" name="version" value={version} />
        <DateField label={t("participant.entryDate")} {...form.field("entryDate")} />
        <DateField label={t("participant.exitDate")} {...form.field("exitDate")} />
        <SelectField
          label={t("participant.labourStatus")}
          options={choiceOptions(LABOUR_STATUSES, "labour")}
          {...form.field("labourStatus")}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t("stay.correctSave")}
        </button>
      </Form>
    </details>
  );
}

/** Taking back a re-entry recorded by mistake. */
export function UndoReentry({ version, reply }: { version: number; reply?: FormReply | null }) {
  const form = useSchemaForm(versionSchema, {
    intent: "undo-reentry",
    reply,
    defaults: { version },
  });
  return (
    <Form {...form.props} className="inline-form">
      <FormError message={form.message} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="button button-quiet" disabled={form.busy}>
        {t("stay.undo")}
      </button>
    </Form>
  );
}

/** A participant who left comes back: a new stay from the entry date. */
export function Reentry({
  version,
  today,
  labourStatus,
  reply,
}: {
  version: number;
  today: Day;
  labourStatus: string | null;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(reentrySchema, {
    intent: "reenter",
    reply,
    defaults: { version, entryDate: formatDay(today), labourStatus: labourStatus ?? "" },
  });
  return (
    <details open={form.refused}>
      <summary>{t("stay.reenter")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <p className="hint">{t("stay.reenterHint")}</p>
        <input type="hidden" name="version" value={version} />
        <DateField label={t("participant.entryDate")} {...form.field("entryDate")} />
        <SelectField
          label={t("participant.labourStatus")}
          options={choiceOptions(LABOUR_STATUSES, "labour")}
          {...form.field("labourStatus")}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t("stay.reenterSave")}
        </button>
      </Form>
    </details>
  );
}
