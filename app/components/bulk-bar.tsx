import { Form, useLocation } from "@remix-run/react";
import type { FormReply } from "~/lib/forms";
import { type MessageKey, t, tn } from "~/messages";
import { FormError } from "./form";

export const BULK_FORM = "sammelaktion";

type Option = { value: string; label: string };

/**
 * The bar above a list for work on many rows: the ticked rows (their checkboxes belong to this
 * form) or every row of the current filter, one action with its value, and the export of the
 * selection. The action posts to the list's own URL, so "all rows" means the filters in view.
 */
export function BulkBar({
  actions,
  people,
  statuses,
  events,
  count,
  exportPath,
  reply,
}: {
  actions: readonly string[];
  /** For owner/coach changes; none: the action is not offered. */
  people?: Option[];
  statuses?: Option[];
  /** Events to invite the chosen contacts to. */
  events?: Option[];
  count: number;
  exportPath?: string;
  reply?: FormReply | null;
}) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("seite");
  const post = new URLSearchParams(params);
  post.set("intent", "bulk");
  const mine = reply?.intent === "bulk" ? reply : null;
  const error = (name: string) => mine?.errors[name]?.[0];
  if (actions.length === 0 && !exportPath) return null;
  return (
    <Form
      // A new page (after an action) starts with nothing chosen.
      key={location.key}
      id={BULK_FORM}
      method="post"
      action={`?${post}`}
      className="bulk-bar"
      aria-label={t("bulk.title")}
    >
      <FormError message={mine?.message ?? null} />
      {error("ids") ? <p className="field-error">{error("ids")}</p> : null}
      <div className="field field-checkbox">
        <input type="checkbox" id="bulk-alle" name="alle" />
        <label htmlFor="bulk-alle">{tn("bulk.all", count)}</label>
      </div>
      {actions.length ? (
        <div className="bulk-fields">
          <div className="field">
            <label htmlFor="bulk-aktion">{t("bulk.action")}</label>
            <select id="bulk-aktion" name="aktion" defaultValue="">
              <option value="">–</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {t(`bulk.action.${a}` as MessageKey)}
                </option>
              ))}
            </select>
            {error("aktion") ? <p className="field-error">{error("aktion")}</p> : null}
          </div>
          {people ? (
            <div className="field">
              <label htmlFor="bulk-person">{t("bulk.person")}</label>
              <select id="bulk-person" name="sammel_person" defaultValue="">
                <option value="">{t("common.none")}</option>
                {people.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {error("sammel_person") ? (
                <p className="field-error">{error("sammel_person")}</p>
              ) : null}
            </div>
          ) : null}
          {statuses ? (
            <div className="field">
              <label htmlFor="bulk-status">{t("bulk.status")}</label>
              <select id="bulk-status" name="sammel_status" defaultValue="">
                <option value="">–</option>
                {statuses.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {error("sammel_status") ? (
                <p className="field-error">{error("sammel_status")}</p>
              ) : null}
            </div>
          ) : null}
          {events ? (
            <div className="field">
              <label htmlFor="bulk-veranstaltung">{t("bulk.event")}</label>
              <select id="bulk-veranstaltung" name="sammel_veranstaltung" defaultValue="">
                <option value="">–</option>
                {events.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {error("sammel_veranstaltung") ? (
                <p className="field-error">{error("sammel_veranstaltung")}</p>
              ) : null}
            </div>
          ) : null}
          {actions.some((a) => a.startsWith("schlagwort")) ? (
            <div className="field">
              <label htmlFor="bulk-schlagwort">{t("bulk.tag")}</label>
              <input id="bulk-schlagwort" name="sammel_schlagwort" maxLength={60} />
              {error("sammel_schlagwort") ? (
                <p className="field-error">{error("sammel_schlagwort")}</p>
              ) : null}
            </div>
          ) : null}
          <button type="submit" className="button button-primary">
            {t("bulk.apply")}
          </button>
        </div>
      ) : null}
      {exportPath ? (
        <>
          {[...params.entries()].map(([k, v]) => (
            <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="format" value="xlsx" />
          <button type="submit" className="button" formMethod="get" formAction={exportPath}>
            {t("bulk.export")}
          </button>
        </>
      ) : null}
    </Form>
  );
}
