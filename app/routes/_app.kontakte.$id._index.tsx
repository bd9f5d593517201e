import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, SelectField, TextField } from "~/components/form";
import { Timeline } from "~/components/timeline";
import { labelOf } from "~/labels";
import { formatDate, today } from "~/lib/day";
import { errorsFrom, type FieldErrors, type FormValues, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getContact, recordEmailConsent, withdrawConsent } from "~/modules/contact/editing.server";
import { consentSchema, withdrawConsentSchema } from "~/modules/contact/schema";
import { CONSENT_METHODS, EMAIL_CONSENT } from "~/modules/contact/values";
import { timelineFor } from "~/modules/interaction/timeline.server";

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
  const timeline = await timelineFor({ contactId: contact.id }, page);
  return { contact, timeline, today: today(), mayEdit: can(user.role, "update", "contact") };
}

type Result = { intent: string; errors: FieldErrors; message: string | null; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const intent = new URL(request.url).searchParams.get("intent") ?? "";
  const { user } = await requirePermission(request, context, "update", "contact");
  const meta = { ip: context?.clientIp };
  try {
    if (intent === "withdraw") {
      const form = await parseForm(request, withdrawConsentSchema);
      if (!form.ok)
        return data<Result>(
          { intent, errors: form.errors, message: null, values: form.values },
          { status: 400 },
        );
      await withdrawConsent(user, id, form.data.consentId, form.data.withdrawnAt, meta);
      return redirectWithToast(`/kontakte/${id}`, {
        kind: "success",
        text: t("consent.withdrawSaved"),
      });
    }
    const form = await parseForm(request, consentSchema);
    if (!form.ok)
      return data<Result>(
        { intent: "consent", errors: form.errors, message: null, values: form.values },
        { status: 400 },
      );
    await recordEmailConsent(user, id, form.data, meta);
    return redirectWithToast(`/kontakte/${id}`, { kind: "success", text: t("consent.saved") });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data<Result>(
      { intent: intent || "consent", errors: e.errors, message: e.message },
      { status: e.status },
    );
  }
}

export default function ContactPage() {
  const { contact, timeline, today, mayEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const consents = contact.consents.filter((c) => c.purpose === EMAIL_CONSENT);
  const active = consents.find((c) => !c.withdrawnAt);
  const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
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
      <div className="detail-grid">
        <div className="detail-main">
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
              <dd>{contact.phone ?? t("common.none")}</dd>
              <dt>{t("contact.mobile")}</dt>
              <dd>{contact.mobile ?? t("common.none")}</dd>
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
            {mayEdit && result?.message ? <FormError message={result.message} /> : null}
            {mayEdit && active ? (
              <Form method="post" action="?intent=withdraw" noValidate className="inline-stack">
                <input type="hidden" name="consentId" value={active.id} />
                <TextField
                  label={t("consent.withdrawnAt")}
                  name="withdrawnAt"
                  type="date"
                  max={today}
                  defaultValue={
                    str(result?.intent === "withdraw" ? result.values?.withdrawnAt : undefined) ??
                    today
                  }
                  error={result?.intent === "withdraw" ? result.errors.withdrawnAt : undefined}
                />
                <button type="submit" className="button button-small">
                  {t("consent.withdraw")}
                </button>
              </Form>
            ) : null}
            {mayEdit && !active ? (
              <details open={result?.intent === "consent"}>
                <summary>{t("consent.record")}</summary>
                <Form method="post" action="?intent=consent" noValidate>
                  <TextField
                    label={t("consent.givenAt")}
                    name="givenAt"
                    type="date"
                    max={today}
                    defaultValue={str(result?.values?.givenAt) ?? today}
                    error={result?.errors.givenAt}
                  />
                  <SelectField
                    label={t("consent.method")}
                    name="method"
                    defaultValue={str(result?.values?.method) ?? "schriftlich"}
                    options={CONSENT_METHODS.map((m) => ({
                      value: m,
                      label: labelOf("cmethod", m),
                    }))}
                    error={result?.errors.method}
                  />
                  <TextField
                    label={t("consent.note")}
                    name="note"
                    maxLength={300}
                    defaultValue={str(result?.values?.note) ?? ""}
                  />
                  <button type="submit" className="button button-primary button-small">
                    {t("consent.save")}
                  </button>
                </Form>
              </details>
            ) : null}
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
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
