import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { env } from "~/env.server";
import { labelOf } from "~/labels";
import { formatDate, formatDateTime } from "~/lib/day";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { type MessageKey, t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can, scopeFor } from "~/modules/auth/permissions";
import { deliverOutbox } from "~/modules/email/email.server";
import { cancelEvent, getEvent, registrationsFor } from "~/modules/event/editing.server";
import { invitationStatuses } from "~/modules/event/invitations.server";
import {
  addWalkIn,
  cancelRegistration,
  registerParticipant,
  registrationPath,
  setAttendance,
} from "~/modules/event/registration.server";
import {
  attendanceSchema,
  cancelEventSchema,
  participantIdSchema,
  registrationIdSchema,
  walkInSchema,
} from "~/modules/event/schema";
import { attendanceOpen, isCancellable } from "~/modules/event/values";
import { listParticipantChoices } from "~/modules/participant/service.server";
import { CancelEvent, RegisterParticipant, WalkIn } from "./event-forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.event.title ?? ""} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  const participantScope = scopeFor(user.role, "update", "participant");
  const mayManage = can(user.role, "update", "event");
  const registrations = await registrationsFor(user, event.registrations, {
    withEmail: mayManage,
  });
  return {
    event: { ...event, registrations },
    publicUrl: event.publicRegistration
      ? new URL(registrationPath(event.publicSlug), env.APP_URL).toString()
      : null,
    may: {
      manage: mayManage,
      cancel: mayManage && isCancellable(event, new Date()),
      attendance: mayManage && !event.cancelledAt && attendanceOpen(event, new Date()),
    },
    invitations: mayManage ? await invitationStatuses(event.id) : [],
    participants:
      event.forParticipants && participantScope
        ? await listParticipantChoices(user, participantScope)
        : [],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  const back = (text: string) =>
    redirectWithToast(`/veranstaltungen/${id}`, { kind: "success", text });
  const manager = async () => (await requirePermission(request, context, "update", "event")).user;
  return dispatchIntent(
    request,
    {
      teilnehmende: async () => {
        const { user, scope } = await requirePermission(request, context, "update", "participant");
        return submitForm(request, participantIdSchema, async ({ participantId }) => {
          const { name } = await registerParticipant(user, scope, id, participantId, meta);
          return back(t("event.participantRegistered", { name }));
        });
      },
      absagen: async () => {
        const user = await manager();
        return submitForm(request, cancelEventSchema, async (input) => {
          const { title, notified, outboxIds } = await cancelEvent(user, id, input, meta);
          if (outboxIds.length)
            deliverOutbox({ ids: outboxIds, limit: outboxIds.length }).catch(() => {});
          return back(tn("event.eventCancelled", notified, { title }));
        });
      },
      "vor-ort": async () => {
        const user = await manager();
        return submitForm(request, walkInSchema, async (input) => {
          await addWalkIn(user, id, input, meta);
          return back(t("event.walkInSaved", { name: input.name }));
        });
      },
      anwesenheit: async () => {
        const user = await manager();
        return submitForm(request, attendanceSchema, async ({ registrationId, attendance }) => {
          await setAttendance(user, id, registrationId, attendance, meta);
          return back(t("event.attendanceSaved"));
        });
      },
      abmelden: async () => {
        const user = await manager();
        return submitForm(request, registrationIdSchema, async ({ registrationId }) => {
          const result = await cancelRegistration(user, id, registrationId, meta);
          const moved = result.names.map((name) => t("event.movedUp", { name })).join(" ");
          return back(`${t("event.registrationCancelled", { name: result.name })} ${moved}`.trim());
        });
      },
    },
    "abmelden",
  );
}

const SOURCE: Record<string, MessageKey> = {
  einladung: "event.sourceEinladung",
  oeffentlich: "event.sourceOeffentlich",
  coach: "event.sourceCoach",
  vor_ort: "event.sourceVorOrt",
};

/** Staff cancel a registration (its seat goes to the waiting list). */
function CancelRegistration({ id, name }: { id: string; name: string }) {
  return (
    <Form method="post" action="?intent=abmelden" className="inline-form">
      <input type="hidden" name="registrationId" value={id} />
      <button
        type="submit"
        className="button button-small"
        aria-label={`${name}: ${t("event.cancelRegistration")}`}
      >
        {t("event.cancelRegistration")}
      </button>
    </Form>
  );
}

export default function EventPage() {
  const { event: e, publicUrl, may, participants, invitations } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // Buttons without fields (attendance, cancelling a registration) show a refusal at the top.
  const buttonRefusal =
    reply?.intent === "anwesenheit" || reply?.intent === "abmelden" ? reply.message : null;
  const registered = e.registrations.filter((r) => r.status === "angemeldet");
  const waiting = e.registrations.filter((r) => r.status === "warteliste");
  const cancelled = e.registrations.filter((r) => r.status === "storniert");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/veranstaltungen">{t("event.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{e.title}</h1>
        <span className="badge">{labelOf("etype", e.type)}</span>
        {e.cancelledAt ? <span className="badge">{t("event.cancelledBadge")}</span> : null}
        {may.manage ? (
          <>
            <Link to={`/veranstaltungen/${e.id}/bearbeiten`} className="button">
              {t("event.edit")}
            </Link>
            <Link to={`/veranstaltungen/${e.id}/einladen`} className="button button-primary">
              {t("event.invite")}
            </Link>
          </>
        ) : null}
        <Link to={`/veranstaltungen/${e.id}/teilnahmeliste`} className="button">
          {t("event.checkinList")}
        </Link>
      </div>
      <FormError message={buttonRefusal} />
      {may.cancel ? <CancelEvent version={e.version} reply={reply} /> : null}
      <dl className="facts">
        <dt>{t("registration.when")}</dt>
        <dd>
          {formatDateTime(e.startsAt)}
          {e.endsAt ? ` – ${formatDateTime(e.endsAt).slice(-5)}` : ""}
        </dd>
        <dt>{t("registration.where")}</dt>
        <dd>
          {e.place ?? ""}
          {e.onlineUrl ? (
            <>
              {e.place ? " · " : ""}
              <a href={e.onlineUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t("registration.online")}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t("event.capacity")}</dt>
        <dd>
          {e.capacity == null
            ? t("event.unlimited")
            : t("event.freePlaces", { free: Math.max(0, e.free ?? 0), capacity: e.capacity })}
        </dd>
        <dt>{t("event.organiser")}</dt>
        <dd>{e.organiser?.name ?? t("common.none")}</dd>
        <dt>{t("event.deadline")}</dt>
        <dd>
          {e.registrationDeadline ? formatDateTime(e.registrationDeadline) : t("common.none")}
        </dd>
        {publicUrl ? (
          <>
            <dt>{t("event.publicLink")}</dt>
            <dd>
              <a href={publicUrl}>{publicUrl}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {e.description ? <p className="notes">{e.description}</p> : null}

      <section className="panel" aria-labelledby="angemeldet">
        <h2 id="angemeldet">
          {t("event.registered")} ({registered.reduce((s, r) => s + r.persons, 0)})
        </h2>
        {registered.length === 0 ? <p>{t("event.noRegistrations")}</p> : null}
        {may.manage && !may.attendance && !e.cancelledAt ? (
          <p className="field-hint">
            {t("event.attendanceTooEarly", { date: formatDate(e.startsAt) })}
          </p>
        ) : null}
        {may.attendance ? <WalkIn reply={reply} /> : null}
        <ul className="plain-list registration-list">
          {registered.map((r) => (
            <li key={r.id}>
              <div>
                <strong>{r.name}</strong>
                {r.companyName ? ` · ${r.companyName}` : ""}
                {r.function ? ` · ${r.function}` : ""}
                {r.persons > 1 ? ` · ${r.persons} ${t("event.persons")}` : ""}{" "}
                <span className="badge">{t(SOURCE[r.source] ?? "event.sourceOeffentlich")}</span>
                {r.attendance ? (
                  <span className={`status status-${r.attendance}`}>
                    {r.attendance === "anwesend" ? t("event.markAttended") : t("event.markNoShow")}
                  </span>
                ) : null}
              </div>
              {may.manage ? (
                <div className="inline-actions">
                  {may.attendance ? (
                    <Form method="post" action="?intent=anwesenheit" className="inline-form">
                      <input type="hidden" name="registrationId" value={r.id} />
                      <button
                        type="submit"
                        name="attendance"
                        value="anwesend"
                        className="button button-small"
                        aria-label={`${r.name}: ${t("event.markAttended")}`}
                      >
                        {t("event.markAttended")}
                      </button>
                      <button
                        type="submit"
                        name="attendance"
                        value="nicht_erschienen"
                        className="button button-small"
                        aria-label={`${r.name}: ${t("event.markNoShow")}`}
                      >
                        {t("event.markNoShow")}
                      </button>
                    </Form>
                  ) : null}
                  <CancelRegistration id={r.id} name={r.name} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {waiting.length ? (
        <section className="panel" aria-labelledby="warteliste">
          <h2 id="warteliste">
            {t("event.waiting")} ({waiting.length})
          </h2>
          <ol>
            {waiting.map((r) => (
              <li key={r.id}>
                {r.name}
                {r.companyName ? ` · ${r.companyName}` : ""}
                {r.persons > 1 ? ` · ${r.persons} ${t("event.persons")}` : ""}
                {may.manage ? <CancelRegistration id={r.id} name={r.name} /> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {e.forParticipants && participants.length ? (
        <section className="panel" aria-labelledby="tn-anmelden">
          <h2 id="tn-anmelden">{t("event.registerParticipant")}</h2>
          <RegisterParticipant participants={participants} reply={reply} />
        </section>
      ) : null}
      {invitations.length ? (
        <details>
          <summary>{t("event.invitations", { n: invitations.length })}</summary>
          <ul className="plain-list">
            {invitations.map((i) => (
              <li key={i.id}>
                <Link to={`/kontakte/${i.contactId}`}>{i.name}</Link> &lt;{i.email}&gt; ·{" "}
                {labelOf("outbox.status", i.status)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {cancelled.length ? (
        <details>
          <summary>
            {t("event.cancelled")} ({cancelled.length})
          </summary>
          <ul>
            {cancelled.map((r) => (
              <li key={r.id}>{r.name}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
