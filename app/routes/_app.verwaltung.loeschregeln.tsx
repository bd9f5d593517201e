import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { retentionPlan } from "~/modules/retention/plan.server";
import { retentionRules } from "~/modules/retention/rules.server";

export const meta: MetaFunction = () => [{ title: `${t("retention.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "retention", "any");
  const plan = new Map((await retentionPlan()).map((line) => [line.key, line]));
  return {
    rules: retentionRules().map((rule) => ({ ...rule, plan: plan.get(rule.key) ?? null })),
    admin: can(user.role, "read", "user", "any"),
  };
}

const months = (n: number) => tn("retention.months", n);

/** The deletion concept as a page: one rule per Datenart, for the record of processing. */
export default function RetentionRulesPage() {
  const { rules, admin } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{admin ? t("admin.title") : t("retention.title")}</h1>
      {admin ? <AdminTabs current="/verwaltung/loeschregeln" /> : null}
      {admin ? <h2>{t("retention.title")}</h2> : null}
      <p className="lead">{t("retention.intro")}</p>
      <p className="notice">{t("retention.notYetApplied")}</p>
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
