import { Form } from "@remix-run/react";
import { DateField, FormError, TextArea, useSchemaForm } from "~/components/form";
import { formatDate } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { t } from "~/messages";
import { holdSchema } from "~/modules/retention/schema";

type Hold = {
  id: string;
  reason: string;
  until: string | Date | null;
  createdAt: string | Date;
  liftedAt: string | Date | null;
  active: boolean;
  setBy: { name: string };
  liftedBy: { name: string } | null;
};

/** The legal holds of a participant or project: those in force, the past ones, and a new one. */
export function LegalHolds({ holds, reply }: { holds: Hold[]; reply?: FormReply | null }) {
  const form = useSchemaForm(holdSchema, { intent: "hold", reply });
  const refusedLift = reply?.intent === "unhold" ? reply.message : null;
  return (
    <section className="panel" aria-labelledby="sperre">
      <h2 id="sperre">{t("hold.title")}</h2>
      <p className="field-hint">{t("hold.intro")}</p>
      <FormError message={refusedLift} />
      {holds.length ? (
        <ul className="plain-list">
          {holds.map((h) => (
            <li key={h.id}>
              <strong>{h.active ? t("hold.inForce") : t("hold.ended")}</strong>: {h.reason}
              <br />
              <span className="muted">
                {t("hold.setBy", { name: h.setBy.name, date: formatDate(h.createdAt) })}
                {h.until ? ` · ${t("hold.untilDate", { date: formatDate(h.until) })}` : ""}
                {h.liftedAt
                  ? ` · ${t("hold.liftedBy", { name: h.liftedBy?.name ?? "", date: formatDate(h.liftedAt) })}`
                  : ""}
              </span>
              {h.active ? (
                <Form method="post" action="?intent=unhold" className="inline-form">
                  <input type="hidden" name="holdId" value={h.id} />
                  <button type="submit" className="button button-small">
                    {t("hold.lift")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("hold.none")}</p>
      )}
      <details open={form.refused}>
        <summary>{t("hold.set")}</summary>
        <Form {...form.props}>
          <FormError message={form.message} />
          <TextArea label={t("hold.reason")} maxLength={500} rows={2} {...form.field("reason")} />
          <DateField label={t("hold.until")} {...form.field("until")} />
          <button type="submit" className="button" disabled={form.busy}>
            {t("hold.set")}
          </button>
        </Form>
      </details>
    </section>
  );
}
