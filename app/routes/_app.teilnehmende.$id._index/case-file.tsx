import { Form } from "@remix-run/react";
import { DateField, FormError, SelectField, TextArea, useSchemaForm } from "~/components/form";
import { labelledOptions, labelOf } from "~/labels";
import { type Day, formatDate, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import type { CaseFileItem } from "~/modules/participant/case-file.server";
import { caseNoteSchema } from "~/modules/participant/schema";
import { CASE_NOTE_TYPES } from "~/modules/participant/values";

/** An entry as the page receives it (dates may arrive as text). */
type Item = CaseFileItem extends infer U
  ? U extends CaseFileItem
    ? Omit<U, "at"> & { at: string | Date }
    : never
  : never;

/** What one entry of the case file says, by its kind. */
function Entry({ item }: { item: Item }) {
  switch (item.kind) {
    case "note":
      return (
        <>
          <strong>{labelOf("notetype", item.type)}</strong>{" "}
          <span className="muted">{t("casefile.by", { name: item.author })}</span>
          <p className="notes">{item.text}</p>
        </>
      );
    case "stay":
      return <>{t(item.entry ? "casefile.entry" : "casefile.exit", { project: item.project })}</>;
    case "internship":
      return (
        <>
          {t("casefile.internship", {
            company: item.company,
            status: labelOf("istatus", item.status),
          })}
          {item.reason ? ` (${labelOf("iend", item.reason)})` : ""}
          {item.by ? <span className="muted"> {t("casefile.by", { name: item.by })}</span> : null}
        </>
      );
    case "event":
      return (
        <>
          {t("casefile.event", { title: item.title })}
          {item.attendance === "anwesend" ? (
            <span className="badge">{t("event.attended")}</span>
          ) : null}
        </>
      );
    case "followup":
      return (
        <>
          {t("casefile.followUpItem", { title: item.title })}{" "}
          <span className="muted">{item.assignee}</span>
          {item.done ? <span className="badge">{t("timeline.followUpDone")}</span> : null}
        </>
      );
  }
}

/**
 * The participant's case file: a counselling note form for those who may change her record, and
 * her own timeline with the internship, event and stay history merged in.
 */
export function CaseFile({
  items,
  mayEdit,
  today,
  reply,
}: {
  items: Item[];
  mayEdit: boolean;
  today: Day;
  reply?: FormReply | null;
}) {
  return (
    <section className="panel" aria-labelledby="akte">
      <h2 id="akte">{t("casefile.title")}</h2>
      <p className="field-hint">{t("casefile.intro")}</p>
      {mayEdit ? <CaseNoteForm today={today} reply={reply} /> : null}
      {items.length === 0 ? <p>{t("casefile.empty")}</p> : null}
      <ol className="timeline-list">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={`timeline-item timeline-${item.kind}`}>
            <time dateTime={new Date(item.at).toISOString()}>{formatDate(item.at)}</time>
            <div>
              <Entry item={item} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CaseNoteForm({ today, reply }: { today: Day; reply?: FormReply | null }) {
  const form = useSchemaForm(caseNoteSchema, {
    intent: "notiz",
    reply,
    defaults: { type: "beratung", occurredOn: formatDay(today) },
  });
  return (
    <details open={form.refused}>
      <summary>{t("casefile.add")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <div className="form-grid">
          <SelectField
            id="note-type"
            label={t("casefile.type")}
            options={labelledOptions("notetype", CASE_NOTE_TYPES)}
            {...form.field("type")}
          />
          <DateField label={t("casefile.date")} id="f-note-date" {...form.field("occurredOn")} />
        </div>
        <TextArea
          id="note-text"
          label={t("casefile.text")}
          maxLength={5000}
          rows={4}
          {...form.field("text")}
        />
        <DateField label={t("casefile.followUp")} id="f-note-due" {...form.field("followUpDue")} />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("casefile.save")}
        </button>
      </Form>
    </details>
  );
}
