import { Form, useLocation } from "@remix-run/react";
import type { FormReply } from "~/lib/forms";
import { type MessageKey, t, tn } from "~/messages";
import { FormError, SelectField, TextField } from "./form";

export const BULK_FORM = "sammelaktion";

type Option = { value: string; label: string };
const none: Option = { value: "", label: "–" };

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
          <SelectField
            id="bulk-aktion"
            label={t("bulk.action")}
            name="aktion"
            defaultValue=""
            options={[
              none,
              ...actions.map((a) => ({ value: a, label: t(`bulk.action.${a}` as MessageKey) })),
            ]}
            error={error("aktion")}
          />
          {people ? (
            <SelectField
              id="bulk-person"
              label={t("bulk.person")}
              name="sammel_person"
              defaultValue=""
              options={[{ value: "", label: t("common.none") }, ...people]}
              error={error("sammel_person")}
            />
          ) : null}
          {statuses ? (
            <SelectField
              id="bulk-status"
              label={t("bulk.status")}
              name="sammel_status"
              defaultValue=""
              options={[none, ...statuses]}
              error={error("sammel_status")}
            />
          ) : null}
          {events ? (
            <SelectField
              id="bulk-veranstaltung"
              label={t("bulk.event")}
              name="sammel_veranstaltung"
              defaultValue=""
              options={[none, ...events]}
              error={error("sammel_veranstaltung")}
            />
          ) : null}
          {actions.some((a) => a.startsWith("schlagwort")) ? (
            <TextField
              id="bulk-schlagwort"
              label={t("bulk.tag")}
              name="sammel_schlagwort"
              maxLength={60}
              error={error("sammel_schlagwort")}
            />
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
