import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { labelOf } from "~/labels";
import { formatDateTime } from "~/lib/day";
import { dispatchIntent, type FormReply, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import {
  applyPlan,
  draftPlan,
  erasureLog,
  openPlan,
  retentionSwitches,
  setRetentionSwitch,
} from "~/modules/retention/apply.server";
import { retentionPlan } from "~/modules/retention/plan.server";
import { retentionRules } from "~/modules/retention/rules.server";
import { applyPlanSchema, switchSchema } from "~/modules/retention/schema";

export const meta: MetaFunction = () => [{ title: `${t("retention.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "retention", "any");
  const plan = new Map((await retentionPlan()).map((line) => [line.key, line]));
  const [drafted, switches, log] = await Promise.all([
    openPlan(),
    retentionSwitches(),
    erasureLog(),
  ]);
  return {
    rules: retentionRules().map((rule) => ({ ...rule, plan: plan.get(rule.key) ?? null })),
    admin: can(user.role, "read", "user", "any"),
    canApply: can(user.role, "create", "retention", "any"),
    drafted,
    switches,
    log,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "retention", "any");
  const back = (text: string) =>
    redirectWithToast("/verwaltung/loeschregeln", { kind: "success", text });
  return dispatchIntent(
    request,
    {
      draft: async () => {
        const plan = await draftPlan(user);
        const due = plan.lines.reduce((sum, l) => sum + l.due, 0);
        return back(t("retention.drafted", { due }));
      },
      apply: () =>
        submitForm(request, applyPlanSchema, async ({ planId }) => {
          const report = await applyPlan(planId, user);
          return back(
            t("retention.applied", { applied: report.applied, remaining: report.remaining }),
          );
        }),
      switch: () =>
        submitForm(request, switchSchema, async ({ key, on }) => {
          await setRetentionSwitch(user, key, on === "1");
          return back(t(`${key}.${on === "1" ? "on" : "off"}`));
        }),
    },
    "apply",
  );
}

const months = (n: number) => tn("retention.months", n);

/** The deletion concept as a page: one rule per Datenart, for the record of processing. */
export default function RetentionRulesPage() {
  const { rules, admin, canApply, drafted, switches, log } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  return (
    <>
      <h1>{admin ? t("admin.title") : t("retention.title")}</h1>
      {admin ? <AdminTabs current="/verwaltung/loeschregeln" /> : null}
      {admin ? <h2>{t("retention.title")}</h2> : null}
      <p className="lead">{t("retention.intro")}</p>
      <section className="panel" aria-labelledby="anwenden">
        <h3 id="anwenden">{t("retention.applyTitle")}</h3>
        <p>
          {switches["retention.auto"] ? t("retention.autoOn") : t("retention.autoOff")}
          {switches["retention.paused"] ? ` ${t("retention.pausedNow")}` : ""}
        </p>
        <FormError message={reply?.message} />
        {drafted ? (
          <div className="notice">
            <p>
              {t("retention.draftedAt", {
                id: drafted.id,
                when: formatDateTime(drafted.createdAt),
                remaining: drafted.remaining,
              })}
            </p>
            <ul className="plain-list">
              {drafted.lines
                .filter((l) => l.due || l.held)
                .map((l) => (
                  <li key={l.key}>
                    {labelOf("datenart", l.key)}: {tn("retention.dueRecords", l.due)}
                    {l.held ? ` · ${tn("retention.heldRecords", l.held)}` : ""}
                  </li>
                ))}
            </ul>
            {canApply && drafted.remaining > 0 ? (
              <Form method="post" action="?intent=apply">
                <input type="hidden" name="planId" value={drafted.id} />
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={switches["retention.paused"]}
                >
                  {t("retention.apply")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {canApply ? (
          <div>
            <Form method="post" action="?intent=draft" className="inline-form">
              <button type="submit" className="button">
                {t("retention.draft")}
              </button>
            </Form>
            {(["retention.auto", "retention.paused"] as const).map((key) => (
              <Form method="post" action="?intent=switch" key={key} className="inline-form">
                <input type="hidden" name="key" value={key} />
                <input type="hidden" name="on" value={switches[key] ? "0" : "1"} />
                <button type="submit" className="button">
                  {t(`${key}.${switches[key] ? "turnOff" : "turnOn"}`)}
                </button>
              </Form>
            ))}
          </div>
        ) : (
          <p>{t("retention.onlyAdminApplies")}</p>
        )}
      </section>
      {log.length ? (
        <section className="panel" aria-labelledby="loeschprotokoll">
          <h3 id="loeschprotokoll">{t("retention.log")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("retention.logWhen")}</th>
                <th scope="col">{t("retention.logRule")}</th>
                <th scope="col">{t("retention.logCounts")}</th>
                <th scope="col">{t("retention.logBy")}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>
                    {r.rule === "antrag" ? t("retention.byRequest") : labelOf("datenart", r.rule)}
                  </td>
                  <td>
                    {Object.entries(r.counts)
                      .map(([table, n]) => `${table}: ${n}`)
                      .join(", ")}
                  </td>
                  <td>{r.actor?.name ?? t("retention.automatic")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {rules.map((r) => (
        <section key={r.key} className="panel" aria-labelledby={`regel-${r.key}`}>
          <h3 id={`regel-${r.key}`}>{labelOf("datenart", r.key)}</h3>
          <dl className="facts">
            <dt>{t("retention.purpose")}</dt>
            <dd>{labelOf("datenartPurpose", r.key)}</dd>
            <dt>{t("retention.basis")}</dt>
            <dd>{labelOf("datenartBasis", r.key)}</dd>
            <dt>{t("retention.start")}</dt>
            <dd>{labelOf("retentionStart", r.start)}</dd>
            <dt>{t("retention.period")}</dt>
            <dd>
              {r.months ? months(r.months) : t("retention.noPeriod")}
              {r.bounds[1] > r.bounds[0]
                ? ` (${t("retention.periodDetail", {
                    default: months(r.defaultMonths),
                    min: r.bounds[0],
                    max: months(r.bounds[1]),
                  })}${r.months !== r.defaultMonths ? `; ${t("retention.periodChanged")}` : ""})`
                : ""}
            </dd>
            <dt>{t("retention.action")}</dt>
            <dd>{labelOf("retentionAction", r.action)}</dd>
            {r.plan ? (
              <>
                <dt>{t("retention.dueToday")}</dt>
                <dd>
                  {tn("retention.dueRecords", r.plan.due)}
                  {r.plan.held ? ` · ${tn("retention.heldRecords", r.plan.held)}` : ""}
                </dd>
              </>
            ) : null}
            {r.sensitive ? (
              <>
                <dt>{t("retention.datenart")}</dt>
                <dd>{t("retention.sensitive")}</dd>
              </>
            ) : null}
          </dl>
          <details>
            <summary>{t("retention.columns")}</summary>
            <ul className="plain-list">
              {r.tables.map((table) => (
                <li key={table.table}>
                  <code>{table.table}</code>: {table.columns.join(", ")}
                </li>
              ))}
            </ul>
          </details>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
