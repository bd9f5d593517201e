import { Form, Link } from "@remix-run/react";
import { DateField, FormError, SelectField, useSchemaForm } from "~/components/form";
import { labelledOptions, labelOf } from "~/labels";
import { type Day, dayOf, formatDate, formatDay } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { requestSchema } from "~/modules/requests/schema";
import { REQUEST_KINDS } from "~/modules/requests/values";

type Request = {
  id: string;
  kind: string;
  receivedOn: Date | string;
  dueOn: Date | string;
  status: string;
};

/** A person's requests (Auskunft, Löschung, …) with their due dates, and recording a new one. */
export function SubjectRequests({
  requests,
  today,
  reply,
}: {
  requests: Request[];
  today: Day;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(requestSchema, {
    intent: "request",
    reply,
    defaults: { receivedOn: formatDay(today) },
  });
  return (
    <section className="panel" aria-labelledby="antraege">
      <h2 id="antraege">{t("request.title")}</h2>
      <p className="field-hint">{t("request.intro")}</p>
      {requests.length === 0 ? <p>{t("request.none")}</p> : null}
      <ul className="plain-list">
        {requests.map((r) => {
          const overdue = r.status === "offen" && dayOf(r.dueOn) < today;
          return (
            <li key={r.id}>
              <Link to={`/antraege/${r.id}`}>{labelOf("requestKind", r.kind)}</Link> ·{" "}
              {formatDate(r.receivedOn)} · {labelOf("requestStatus", r.status)}
              {r.status === "offen" ? ` · ${t("request.due", { date: formatDate(r.dueOn) })}` : ""}
              {overdue ? <span className="badge badge-warn">{t("request.overdue")}</span> : null}
            </li>
          );
        })}
      </ul>
      <details open={form.refused}>
        <summary>{t("request.record")}</summary>
        <Form {...form.props}>
          <FormError message={form.message} />
          <SelectField
            label={t("request.kind")}
            options={[{ value: "", label: "" }, ...labelledOptions("requestKind", REQUEST_KINDS)]}
            {...form.field("kind")}
          />
          <DateField label={t("request.receivedOn")} {...form.field("receivedOn")} />
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t("request.record")}
          </button>
        </Form>
      </details>
    </section>
  );
}
