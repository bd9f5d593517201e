import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { type DragEvent, useState } from "react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { labelOf } from "~/labels";
import { formatDate } from "~/lib/day";
import { submitForm } from "~/lib/forms.server";
import { pickParam } from "~/lib/list-params";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { changeCompanyStatus } from "~/modules/company/editing.server";
import { statusChangeSchema } from "~/modules/company/schema";
import { pipelineBoard } from "~/modules/company/service.server";
import { OUTREACH_STATUSES } from "~/modules/company/values";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction = () => [{ title: `${t("company.pipeline")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const url = new URL(request.url);
  const districts = await listServedDistricts();
  const districtAgs = pickParam(
    url,
    "kreis",
    districts.map((d) => d.ags),
  );
  const mine = pickParam(url, "meine", ["ja"]) === "ja";
  const columns = await pipelineBoard({ districtAgs, ownerId: mine ? user.id : null });
  return {
    columns,
    districts,
    selected: { districtAgs: districtAgs ?? "", mine },
    mayMove: can(user.role, "update", "company"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "company");
  return submitForm(request, statusChangeSchema, async ({ id, status }) => {
    const { name } = await changeCompanyStatus(user, id, status, { ip: context?.clientIp });
    const back = new URL(request.url).searchParams.get("zurueck") ?? "/unternehmen/pipeline";
    return redirectWithToast(
      back.startsWith("/unternehmen/pipeline") ? back : "/unternehmen/pipeline",
      { kind: "success", text: t("company.moved", { name, status: labelOf("outreach", status) }) },
    );
  });
}

export default function PipelinePage() {
  const { columns, districts, selected, mayMove } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  // A refused move (by its select or by dragging) is said above the board.
  const reply = useActionData<typeof action>() ?? fetcher.data;
  const refusal = reply ? (reply.message ?? Object.values(reply.errors)[0]?.[0] ?? null) : null;
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const onDrop = (status: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData("text/plain");
    setOver(null);
    setDragging(null);
    if (id) fetcher.submit({ id, status }, { method: "post" });
  };
  return (
    <>
      <div className="page-head">
        <h1>{t("company.pipeline")}</h1>
        <Link to="/unternehmen" className="button">
          {t("company.list")}
        </Link>
      </div>
      <Form method="get" className="table-filters">
        <div className="field">
          <label htmlFor="kreis">{t("company.district")}</label>
          <select id="kreis" name="kreis" defaultValue={selected.districtAgs}>
            <option value="">{t("table.all")}</option>
            {districts.map((d) => (
              <option key={d.ags} value={d.ags}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-checkbox">
          <input
            type="checkbox"
            id="meine"
            name="meine"
            value="ja"
            defaultChecked={selected.mine}
          />
          <label htmlFor="meine">{t("company.onlyMine")}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("table.apply")}
          </button>
        </div>
      </Form>
      {mayMove ? <p className="field-hint">{t("company.dragHint")}</p> : null}
      <FormError message={refusal} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the board scrolls sideways and must be reachable by keyboard */}
      <section className="board" tabIndex={0} aria-label={t("company.pipeline")}>
        {columns.map((col) => (
          <section
            key={col.status}
            className={`board-column${over === col.status ? " board-over" : ""}`}
            aria-labelledby={`col-${col.status}`}
            onDragOver={
              mayMove
                ? (e) => {
                    e.preventDefault();
                    setOver(col.status);
                  }
                : undefined
            }
            onDragLeave={() => setOver(null)}
            onDrop={mayMove ? onDrop(col.status) : undefined}
          >
            <h2 id={`col-${col.status}`}>
              {labelOf("outreach", col.status)} <span className="count">{col.count}</span>
            </h2>
            <ul>
              {col.cards.map((card) => (
                <li
                  key={card.id}
                  className={`card${dragging === card.id ? " card-dragging" : ""}`}
                  draggable={mayMove}
                  onDragStart={(e) => {
                    e.dataTransfer.setData("text/plain", card.id);
                    setDragging(card.id);
                  }}
                  onDragEnd={() => setDragging(null)}
                  data-company-id={card.id}
                >
                  {/* Not draggable itself, so dragging by the name moves the card, not the link. */}
                  <Link to={`/unternehmen/${card.id}`} draggable={false}>
                    {card.name}
                  </Link>
                  <p className="muted">
                    {card.city ?? ""} ·{" "}
                    {card.lastContactAt ? formatDate(card.lastContactAt) : t("common.none")}
                  </p>
                  {mayMove ? (
                    <Form method="post" className="card-move">
                      <input type="hidden" name="id" value={card.id} />
                      <label className="visually-hidden" htmlFor={`move-${card.id}`}>
                        {t("company.moveTo")}: {card.name}
                      </label>
                      <select id={`move-${card.id}`} name="status" defaultValue={col.status}>
                        {OUTREACH_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {labelOf("outreach", s)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button-small">
                        {t("company.move")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {col.count > col.cards.length ? (
              <p className="muted">{tn("company.moreInColumn", col.count - col.cards.length)}</p>
            ) : null}
          </section>
        ))}
      </section>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
