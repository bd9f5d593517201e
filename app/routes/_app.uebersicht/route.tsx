import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { addDays, dayOf, formatDate, today } from "~/lib/day";
import { formatNumber } from "~/lib/format";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can, scopeFor } from "~/modules/auth/permissions";
import { countOverdue, listFollowUps } from "~/modules/interaction/follow-ups.server";
import {
  coachDashboard,
  dashboardFigures,
  projectDashboard,
} from "~/modules/reporting/dashboard.server";
import { Breakdowns, CoachFigures, PeriodFigures, PeriodForm, Targets } from "./panels";

export const meta: MetaFunction = () => [{ title: `${t("dashboard.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  const now = new Date();
  const url = new URL(request.url);
  const lead = can(user.role, "read", "report", "any");
  // Whoever looks after their own participants (the coaches) reads their own numbers.
  const coach =
    can(user.role, "read", "participant", "own") && !can(user.role, "read", "participant", "any");
  const followUps = can(user.role, "read", "followup");
  const [figures, project, mine, myFollowUps, overdue] = await Promise.all([
    // The project view shows the programme's numbers; the lead's cards keep the personal ones.
    dashboardFigures(user, now, { personalOnly: lead }),
    lead ? projectDashboard(url, now) : Promise.resolve(null),
    coach ? coachDashboard(user, now) : Promise.resolve(null),
    followUps
      ? listFollowUps(user, { participantScope: scopeFor(user.role, "read", "participant") }, now)
      : Promise.resolve([]),
    followUps ? countOverdue(user, now) : Promise.resolve(0),
  ]);
  return {
    name: user.name,
    figures,
    project,
    mine,
    myFollowUps: myFollowUps.filter((f) => dayOf(f.dueDate) < addDays(today(now), 7)).slice(0, 10),
    overdue,
  };
}

export default function DashboardPage() {
  const {
    name,
    figures,
    project: view,
    mine,
    myFollowUps,
    overdue,
  } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.welcome", { name })}</p>
      <ul className="figures">
        {figures.map((f) => (
          <li key={f.key} className="figure">
            <span className="figure-value">{formatNumber(f.value)}</span>
            <span className="figure-label">{t(f.key)}</span>
            {f.note ? (
              <span className="figure-note">
                {formatNumber(f.note.value)} {t(f.note.key)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {myFollowUps.length ? (
        <section aria-labelledby="meine-wv">
          <h2 id="meine-wv">{t("dashboard.dueSoon")}</h2>
          {overdue ? (
            <p className="notice notice-warn">
              <Link to="/wiedervorlagen">{tn("followup.overdueCount", overdue)}</Link>
            </p>
          ) : null}
          <ul className="plain-list">
            {myFollowUps.map((f) => (
              <li key={f.id}>
                <strong>{formatDate(f.dueDate)}</strong>{" "}
                {f.overdue ? (
                  <span className="badge badge-warn">{t("followup.overdue")}</span>
                ) : null}{" "}
                {f.title}
                {f.company ? ` · ${f.company.name}` : ""}
                {f.participant ? ` · ${f.participant.name}` : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/wiedervorlagen">{t("dashboard.allFollowUps")}</Link>
          </p>
        </section>
      ) : null}
      {mine ? <CoachFigures view={mine} /> : null}
      {view ? (
        <>
          <PeriodForm view={view} />
          <Targets view={view} />
          <PeriodFigures view={view} />
          <Breakdowns view={view} />
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
