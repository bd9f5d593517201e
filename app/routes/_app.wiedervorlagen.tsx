import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { PhoneLink } from "~/components/phone-link";
import { formatDate, formatDay } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { dispatchIntent, orThrow, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { can, scopeFor } from "~/modules/auth/permissions";
import { listAssignableUsers } from "~/modules/company/detail.server";
import {
  completeFollowUp,
  completeFollowUpSchema,
  listFollowUps,
  reassignFollowUps,
  reassignSchema,
  recentlyDone,
  reopenFollowUp,
  snoozeFollowUp,
  snoozeSchema,
} from "~/modules/interaction/follow-ups.server";
import { FOLLOW_UP_GROUPS } from "~/modules/interaction/values";

export const meta: MetaFunction = () => [{ title: `${t("followup.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "followup");
  const url = new URL(request.url);
  const mayTeam = can(user.role, "assign", "followup", "any");
  const team = mayTeam && url.searchParams.get("team") === "1";
  const [followUps, done, colleagues] = await Promise.all([
    listFollowUps(user, { team, participantScope: scopeFor(user.role, "read", "participant") }),
    recentlyDone(user, url.searchParams.get("erledigt")),
    team ? listAssignableUsers() : Promise.resolve([]),
  ]);
  return { followUps, done, team, mayTeam, colleagues, userId: user.id };
}

const page = (team: boolean) => (team ? "/wiedervorlagen?team=1" : "/wiedervorlagen");

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = context?.clientIp;
  const back = new URL(request.url).searchParams.get("team") === "1";
  return dispatchIntent(
    request,
    {
      erledigt: async () => {
        const { user } = await requirePermission(request, context, "update", "followup");
        return submitForm(request, completeFollowUpSchema, async (input, formData) => {
          const result = await completeFollowUp(user, input, ip);
          // Done or changed meanwhile (e.g. in another tab): said on the list, which shows the state now.
          if (!result.ok)
            throw new AppError(
              409,
              t(result.reason === "stale" ? "error.stale" : "followup.notFound"),
            );
          const toast = {
            kind: "success" as const,
            text: t("followup.done", { title: result.title }),
          };
          // "Erledigt + Kontakt erfassen": straight to the record's contact log.
          if (formData.get("weiter") === "kontakt" && result.about)
            return redirectWithToast(`${result.about}#log-title`, toast);
          // The list says it was done, with "Rückgängig" beside it (no second message).
          return redirect(`/wiedervorlagen?erledigt=${input.id}`);
        });
      },
      rueckgaengig: async () => {
        const { user } = await requirePermission(request, context, "update", "followup");
        const id = String((await request.formData()).get("id") ?? "").slice(0, 64);
        await orThrow(reopenFollowUp(user, id, ip));
        return redirectWithToast("/wiedervorlagen", {
          kind: "success",
          text: t("followup.undone"),
        });
      },
      verschieben: async () => {
        const { user } = await requirePermission(request, context, "update", "followup");
        return submitForm(request, snoozeSchema, async (input) => {
          const { title, due } = await snoozeFollowUp(user, input, ip);
          return redirectWithToast(page(back), {
            kind: "success",
            text: t("followup.snoozed", { title, date: formatDay(due) }),
          });
        });
      },
      uebertragen: async () => {
        const { user } = await requirePermission(request, context, "assign", "followup", "any");
        return submitForm(
          request,
          reassignSchema,
          async (input) => {
            const { count, name } = await reassignFollowUps(user, input, ip);
            return redirectWithToast(page(true), {
              kind: "success",
              text: tn("followup.reassigned", count, { name }),
            });
          },
          { multi: ["ids"] },
        );
      },
    },
    "erledigt",
  );
}

type Row = Awaited<ReturnType<typeof loader>>["followUps"][number];

/** What a follow-up is about, each part a link to its page. */
function About({ f }: { f: Row }) {
  const parts = [
    f.company ? (
      <Link key="c" to={`/unternehmen/${f.company.id}`}>
        {f.company.name}
      </Link>
    ) : null,
    f.contact ? (
      <Link key="p" to={`/kontakte/${f.contact.id}`}>
        {f.contact.name}
      </Link>
    ) : null,
    f.participant ? (
      <Link key="t" to={`/teilnehmende/${f.participant.id}`}>
        {f.participant.name}
      </Link>
    ) : null,
  ].filter(Boolean);
  if (!parts.length) return <>{t("common.none")}</>;
  return <>{parts.flatMap((p, i) => (i === 0 ? [p] : [" · ", p]))}</>;
}

/** Done (with an optional result, or straight on to the contact log) and snooze. */
function RowActions({ f }: { f: Row }) {
  return (
    <div className="followup-actions">
      <Form method="post" action="?intent=erledigt" className="inline-form">
        <input type="hidden" name="id" value={f.id} />
        <input type="hidden" name="version" value={f.version} />
        <label className="visually-hidden" htmlFor={`result-${f.id}`}>
          {`${t("followup.result")}: ${f.title}`}
        </label>
        <input
          id={`result-${f.id}`}
          name="result"
          maxLength={1000}
          placeholder={t("followup.result")}
        />
        <button
          type="submit"
          className="button button-small"
          aria-label={`${t("followup.markDone")}: ${f.title}`}
        >
          {t("followup.markDone")}
        </button>
        {f.company || f.contact || f.participant ? (
          <button
            type="submit"
            name="weiter"
            value="kontakt"
            className="button button-small"
            aria-label={`${t("followup.doneAndLog")}: ${f.title}`}
          >
            {t("followup.doneAndLog")}
          </button>
        ) : null}
      </Form>
      <Form method="post" action="?intent=verschieben" className="inline-form">
        <input type="hidden" name="id" value={f.id} />
        <input type="hidden" name="version" value={f.version} />
        <button
          type="submit"
          name="um"
          value="tag"
          className="button button-small"
          aria-label={`${t("followup.snoozeDay")}: ${f.title}`}
        >
          {t("followup.snoozeDay")}
        </button>
        <button
          type="submit"
          name="um"
          value="woche"
          className="button button-small"
          aria-label={`${t("followup.snoozeWeek")}: ${f.title}`}
        >
          {t("followup.snoozeWeek")}
        </button>
      </Form>
      <Form method="post" action="?intent=verschieben" className="inline-form">
        <input type="hidden" name="id" value={f.id} />
        <input type="hidden" name="version" value={f.version} />
        <label className="visually-hidden" htmlFor={`bis-${f.id}`}>
          {`${t("followup.snoozeTo")}: ${f.title}`}
        </label>
        <input
          id={`bis-${f.id}`}
          name="bis"
          placeholder="TT.MM.JJJJ"
          inputMode="numeric"
          size={10}
        />
        <button type="submit" className="button button-small">
          {t("followup.snoozeSave")}
        </button>
      </Form>
    </div>
  );
}

/** Where the next follow-up about the same record is made: its page's form with a follow-up. */
const nextFollowUpAt = (f: {
  companyId: string | null;
  contactId: string | null;
  participantId: string | null;
}) =>
  f.participantId
    ? `/teilnehmende/${f.participantId}#wiedervorlage`
    : f.contactId
      ? `/kontakte/${f.contactId}#log-title`
      : f.companyId
        ? `/unternehmen/${f.companyId}#log-title`
        : null;

export default function FollowUpsPage() {
  const { followUps, done, team, mayTeam, colleagues, userId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message =
    result && "message" in result
      ? (result.message ?? Object.values(result.errors ?? {})[0]?.[0] ?? null)
      : null;
  return (
    <>
      <div className="page-head">
        <h1>{team ? t("followup.team") : t("followup.title")}</h1>
        {mayTeam ? (
          <Link to={team ? "/wiedervorlagen" : "/wiedervorlagen?team=1"} className="button">
            {team ? t("followup.mineLink") : t("followup.teamLink")}
          </Link>
        ) : null}
      </div>
      <FormError message={message} />
      {done ? (
        <div className="notice" role="status">
          {t("followup.done", { title: done.title })}{" "}
          <Form method="post" action="?intent=rueckgaengig" className="inline-form">
            <input type="hidden" name="id" value={done.id} />
            <button type="submit" className="button button-small">
              {t("followup.undo")}
            </button>
          </Form>{" "}
          {nextFollowUpAt(done) ? (
            <Link to={nextFollowUpAt(done) ?? ""} className="button button-small">
              {t("followup.newOne")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {team && followUps.length ? (
        <Form
          method="post"
          action="?intent=uebertragen&team=1"
          id="uebertragen"
          className="filter-bar"
        >
          <label htmlFor="assigneeId">{t("followup.reassignTo")}</label>
          <select id="assigneeId" name="assigneeId" defaultValue="">
            <option value="">–</option>
            {colleagues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t("followup.reassign")}
          </button>
        </Form>
      ) : null}
      {followUps.length === 0 ? <p>{t("followup.none")}</p> : null}
      {FOLLOW_UP_GROUPS.map((group) => {
        const rows = followUps.filter((f) => f.group === group);
        if (!rows.length) return null;
        return (
          <section key={group} aria-labelledby={`gruppe-${group}`} className="followup-group">
            <h2 id={`gruppe-${group}`}>
              {t(`followup.group.${group}`)} ({rows.length})
            </h2>
            <ul className="followup-list">
              {rows.map((f) => (
                <li
                  key={f.id}
                  data-id={f.id}
                  className={f.overdue ? "followup row-overdue" : "followup"}
                >
                  <div className="followup-head">
                    {team ? (
                      <input
                        type="checkbox"
                        name="ids"
                        value={f.id}
                        form="uebertragen"
                        aria-label={t("followup.select", { title: f.title })}
                      />
                    ) : null}
                    <strong>{f.title}</strong>
                    <span>
                      {formatDate(f.dueDate)}
                      {f.overdue ? (
                        <span className="badge badge-warn">{t("followup.overdue")}</span>
                      ) : null}
                    </span>
                    {team ? <span className="badge">{f.assignee.name}</span> : null}
                  </div>
                  <p className="followup-about">
                    <About f={f} />
                    {f.phone ? (
                      <>
                        {" · "}
                        {t("followup.callLabel")} <PhoneLink phone={f.phone} />
                      </>
                    ) : null}
                  </p>
                  {f.notes ? <p className="notes">{f.notes}</p> : null}
                  {f.assignee.id === userId ? <RowActions f={f} /> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
