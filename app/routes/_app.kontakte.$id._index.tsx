import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { DateField, FormError, SelectField, TextField, useSchemaForm } from "~/components/form";
import { LogInteractionForm } from "~/components/log-interaction-form";
import { PhoneLink, QuickReach } from "~/components/phone-link";
import { SubjectRequests } from "~/components/subject-requests";
import { Timeline } from "~/components/timeline";
import { labelledOptions, labelOf } from "~/labels";
import { addMonthsToDay, type Day, dayOf, formatDate, formatDay, today } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { getContact, recordEmailConsent, withdrawConsent } from "~/modules/contact/editing.server";
import { consentSchema, withdrawConsentSchema } from "~/modules/contact/schema";
import { CONSENT_METHODS, EMAIL_CONSENT } from "~/modules/contact/values";
import { loggedText, logInteraction, withNewEntry } from "~/modules/interaction/log.server";
import { logInteractionSchema } from "~/modules/interaction/schema";
import { timelineFor } from "~/modules/interaction/timeline.server";
import { recordRequest, requestsOf } from "~/modules/requests/requests.server";
import { requestSchema } from "~/modules/requests/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.contact.firstName} ${data.contact.lastName}` : ""} – ${t("app.name")}`,
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "contact");
  const contact = await getContact(params.id ?? "");
  if (!contact) notFound();
  const page = Math.max(
    1,
    Math.min(1000, Number(new URL(request.url).searchParams.get("verlauf")) || 1),
  );
  const mayEdit = can(user.role, "update", "contact");
  // The quick log needs the person's company: a contact is logged with a company.
  const mayLog = can(user.role, "create", "interaction") && contact.company != null;
  const [timeline, users] = await Promise.all([
    timelineFor({ contactId: contact.id }, page),
    mayLog ? listAssignableUsers() : Promise.resolve([]),
  ]);
  return {
    contact,
    timeline,
    users,
    me: user.id,
    today: today(),
    mayEdit,
    mayLog,
    requests: mayEdit ? await requestsOf({ kind: "contact", id: contact.id }) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  const back = (text: string) => redirectWithToast(`/kontakte/${id}`, { kind: "success", text });
  const editor = async () => (await requirePermission(request, context, "update", "contact")).user;
  return dispatchIntent(
    request,
    {
      log: async () => {
        const { user } = await requirePermission(request, context, "create", "interaction");
        const contact = await getContact(id);
        if (!contact?.company) notFound();
        const companyId = contact.company.id;
        return submitForm(
          request,
          logInteractionSchema,
          async (input) => {
            // Logged here, the entry is always about this person.
            const result = await logInteraction(user, companyId, { ...input, contactId: id }, meta);
            return redirectWithToast(withNewEntry(`/kontakte/${id}`, result.interactionId), {
              kind: "success",
              text: loggedText(input, result.companyName),
            });
          },
          { multi: ["topics"] },
        );
      },
      withdraw: async () => {
        const user = await editor();
        return submitForm(request, withdrawConsentSchema, async ({ consentId, withdrawnAt }) => {
          const { notice } = await withdrawConsent(user, id, consentId, withdrawnAt, meta);
          return back(notice);
        });
      },
      consent: async () => {
        const user = await editor();
        return submitForm(request, consentSchema, async (input) => {
          await recordEmailConsent(user, id, input, meta);
          return back(t("consent.saved"));
        });
      },
      request: async () => {
        const user = await editor();
        return submitForm(request, requestSchema, async (input) => {
          const created = await recordRequest(user, { kind: "contact", id }, input, meta);
          return redirectWithToast(`/antraege/${created.id}`, {
            kind: "success",
            text: t("request.recorded", {
              date: formatDate(addMonthsToDay(dayOf(input.receivedOn), 1)),
            }),
          });
        });
      },
    },
    "consent",
  );
}

type Reply = FormReply | null | undefined;

/** Withdrawing the contact's email consent, on the day it was withdrawn. */
function WithdrawEmailConsent({ id, today, reply }: { id: string; today: Day; reply: Reply }) {
  const form = useSchemaForm(withdrawConsentSchema, {
    intent: "withdraw",
    reply,
    defaults: { consentId: id, withdrawnAt: formatDay(today) },
  });
  return (
    <Form {...form.props} className="inline-stack">
      <FormError message={form.message} />
      <input type="hidden" name="consentId" value={id} />
      <DateField label={t("consent.withdrawnAt")} {...form.field("withdrawnAt")} />
      <button type="submit" className="button button-small" disabled={form.busy}>
        {t("consent.withdraw")}
      </button>
    </Form>
  );
}

/** Recording the contact's consent to emails (invitations, newsletters). */
function RecordEmailConsent({ today, reply }: { today: Day; reply: Reply }) {
  const form = useSchemaForm(consentSchema, {
    intent: "consent",
    reply,
    defaults: { givenAt: formatDay(today), method: "schriftlich" },
  });
  return (
    <details open={form.refused}>
      <summary>{t("consent.record")}</summary>
      <Form {...form.props}>
        <FormError message={form.message} />
        <DateField label={t("consent.givenAt")} {...form.field("givenAt")} />
        <SelectField
          label={t("consent.method")}
          options={labelledOptions("cmethod", CONSENT_METHODS)}
          {...form.field("method")}
        />
        <TextField label={t("consent.note")} maxLength={300} {...form.field("note")} />
        <button type="submit" className="button button-primary button-small" disabled={form.busy}>
          {t("consent.save")}
        </button>
      </Form>
    </details>
  );
}

export default function ContactPage() {
  const { contact, timeline, users, me, today, mayEdit, mayLog, requests } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const consents = contact.consents.filter((c) => c.purpose === EMAIL_CONSENT);
  const active = consents.find((c) => !c.withdrawnAt);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/kontakte">{t("contact.back")}</Link>
      </p>
      <div className="page-head">
        <h1>
          {contact.salutation && contact.salutation !== "divers" ? `${contact.salutation} ` : ""}
          {contact.firstName} {contact.lastName}
        </h1>
        {contact.multiplierType ? (
          <span className="badge">{labelOf("multiplier", contact.multiplierType)}</span>
        ) : null}
        {mayEdit ? (
          <Link to={`/kontakte/${contact.id}/bearbeiten`} className="button">
            {t("company.edit")}
          </Link>
        ) : null}
      </div>
      <QuickReach phone={contact.mobile ?? contact.phone} email={contact.email} />
      <div className="detail-grid">
        <div className="detail-main">
          {mayLog ? (
            <LogInteractionForm
              contacts={[{ id: contact.id, name: `${contact.firstName} ${contact.lastName}` }]}
              fixedContact
              users={users}
              me={me}
              today={today}
              reply={reply}
            />
          ) : null}
          <Timeline items={timeline.items} page={timeline.page} hasMore={timeline.hasMore} />
        </div>
        <aside className="detail-side">
          <section className="panel" aria-labelledby="stamm">
            <h2 id="stamm">{t("company.details")}</h2>
            <dl className="facts">
              <dt>{t("contact.function")}</dt>
              <dd>{contact.function ?? t("common.none")}</dd>
              <dt>{t("contact.company")}</dt>
              <dd>
                {contact.company ? (
                  <Link to={`/unternehmen/${contact.company.id}`}>{contact.company.name}</Link>
                ) : (
                  t("common.none")
                )}
              </dd>
              <dt>{t("contact.email")}</dt>
              <dd>
                {contact.email ? (
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                ) : (
                  t("common.none")
                )}
                {contact.emailInvalidAt ? (
                  <span className="badge badge-warn">
                    {t("contact.emailInvalid", { date: formatDate(contact.emailInvalidAt) })}
                  </span>
                ) : null}
              </dd>
              <dt>{t("contact.phone")}</dt>
              <dd>
                <PhoneLink phone={contact.phone} none={t("common.none")} />
              </dd>
              <dt>{t("contact.mobile")}</dt>
              <dd>
                <PhoneLink phone={contact.mobile} none={t("common.none")} />
              </dd>
              <dt>{t("company.owner")}</dt>
              <dd>{contact.owner?.name ?? t("common.none")}</dd>
            </dl>
            {contact.notes ? <p className="notes">{contact.notes}</p> : null}
          </section>
          <section className="panel" aria-labelledby="einwilligung">
            <h2 id="einwilligung">{t("consent.title")}</h2>
            {consents.length === 0 ? <p>{t("consent.none")}</p> : null}
            <ul className="plain-list">
              {consents.map((c) => (
                <li key={c.id}>
                  {t("consent.given", {
                    date: formatDate(c.givenAt),
                    method: labelOf("cmethod", c.method),
                    by: c.recordedBy?.name ?? t("common.none"),
                  })}
                  {c.withdrawnAt ? (
                    <span className="badge badge-warn">
                      {t("consent.withdrawn", { date: formatDate(c.withdrawnAt) })}
                    </span>
                  ) : null}
                  {c.note ? <p className="muted">{c.note}</p> : null}
                </li>
              ))}
            </ul>
            {mayEdit && active ? (
              <WithdrawEmailConsent id={active.id} today={today} reply={reply} />
            ) : null}
            {mayEdit && !active ? <RecordEmailConsent today={today} reply={reply} /> : null}
          </section>
          <section className="panel" aria-labelledby="historie">
            <h2 id="historie">{t("contact.history")}</h2>
            <ul className="plain-list">
              {contact.employments.map((e) => (
                <li key={e.id}>
                  <Link to={`/unternehmen/${e.company.id}`}>{e.company.name}</Link>
                  {e.function ? `, ${e.function}` : ""}
                  <br />
                  <span className="muted">
                    {e.endedAt
                      ? t("contact.fromTo", {
                          from: formatDate(e.startedAt),
                          to: formatDate(e.endedAt),
                        })
                      : t("contact.since", { date: formatDate(e.startedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {requests ? (
            <SubjectRequests requests={requests} today={today} reply={reply ?? null} />
          ) : null}
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
