import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, SelectField } from "~/components/form";
import { labelOf } from "~/labels";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { MULTIPLIER_TYPES, OUTREACH_STATUSES } from "~/modules/company/values";
import { deliverOutbox } from "~/modules/email/email.server";
import { getEvent } from "~/modules/event/editing.server";
import {
  invitationPreview,
  previewRecipients,
  recipientFilterOptions,
  sendInvitations,
} from "~/modules/event/invitations.server";
import { recipientFilterSchema } from "~/modules/event/schema";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("invitation.title", { title: data?.event.title ?? "" })} – ${t("app.name")}` },
];

const FILTERS = ["kreis", "status", "branche", "multiplikator", "tag"] as const;

function filterFrom(values: Record<string, string | string[]>) {
  const parsed = recipientFilterSchema.safeParse(values);
  return parsed.success
    ? parsed.data
    : { kreis: null, status: null, branche: null, multiplikator: null, tag: null };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "update", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  const url = new URL(request.url);
  const filter = filterFrom(Object.fromEntries(url.searchParams));
  const [recipients, preview, options, districts] = await Promise.all([
    previewRecipients(event.id, filter),
    invitationPreview(event.id),
    recipientFilterOptions(),
    listServedDistricts(),
  ]);
  return {
    event: { id: event.id, title: event.title },
    filter,
    count: recipients.eligible.length,
    sample: recipients.eligible.slice(0, 20),
    leftOut: recipients.leftOut,
    preview,
    options: { ...options, districts },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "event");
  const id = params.id ?? "";
  return submitForm(request, recipientFilterSchema, async (filter) => {
    const { count, outboxIds } = await sendInvitations(user, id, filter, {
      ip: context?.clientIp,
    });
    // Delivery starts now in the background; the scheduler picks up whatever is left.
    if (outboxIds.length)
      deliverOutbox({ ids: outboxIds, limit: outboxIds.length }).catch(() => {});
    return redirectWithToast(`/veranstaltungen/${id}`, {
      kind: "success",
      text: tn("invitation.sent", count),
    });
  });
}

export default function InvitePage() {
  const { event, filter, count, sample, leftOut, preview, options } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const all = { value: "", label: t("invitation.all") };
  const reasons = (
    [
      ["noEmail", "invitation.reason.noEmail"],
      ["noConsent", "invitation.reason.noConsent"],
      ["invalid", "invitation.reason.invalid"],
      ["already", "invitation.reason.already"],
    ] as const
  ).filter(([k]) => leftOut[k] > 0);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/veranstaltungen/${event.id}`}>← {event.title}</Link>
      </p>
      <h1>{t("invitation.title", { title: event.title })}</h1>
      <p className="lead">{t("invitation.intro")}</p>
      <FormError message={reply ? (reply.message ?? Object.values(reply.errors)[0]?.[0]) : null} />
      <Form method="get" className="filter-bar" aria-label={t("invitation.filter")}>
        <SelectField
          label={t("matching.district")}
          name="kreis"
          options={[all, ...options.districts.map((d) => ({ value: d.ags, label: d.name }))]}
          defaultValue={filter.kreis ?? ""}
        />
        <SelectField
          label={t("company.status")}
          name="status"
          options={[
            all,
            ...OUTREACH_STATUSES.map((s) => ({
              value: s,
              label: labelOf("outreach", s),
            })),
          ]}
          defaultValue={filter.status ?? ""}
        />
        <SelectField
          label={t("company.industry")}
          name="branche"
          options={[all, ...options.industries.map((i) => ({ value: i, label: i }))]}
          defaultValue={filter.branche ?? ""}
        />
        <SelectField
          label={t("company.multiplier")}
          name="multiplikator"
          options={[
            all,
            ...MULTIPLIER_TYPES.map((m) => ({
              value: m,
              label: labelOf("multiplier", m),
            })),
          ]}
          defaultValue={filter.multiplikator ?? ""}
        />
        <SelectField
          label={t("company.tags")}
          name="tag"
          options={[all, ...options.tags.map((g) => ({ value: g, label: g }))]}
          defaultValue={filter.tag ?? ""}
        />
        <button type="submit" className="button">
          {t("invitation.apply")}
        </button>
      </Form>
      <section className="panel" aria-labelledby="empfaenger">
        <h2 id="empfaenger" role="status">
          {tn("invitation.eligible", count)}
        </h2>
        {reasons.length ? (
          <>
            <p>{t("invitation.leftOut")}</p>
            <ul>
              {reasons.map(([k, key]) => (
                <li key={k}>{t(key, { n: leftOut[k] })}</li>
              ))}
            </ul>
          </>
        ) : null}
        {sample.length ? (
          <ul className="plain-list">
            {sample.map((r) => (
              <li key={r.id}>
                {r.name} &lt;{r.email}&gt;
              </li>
            ))}
            {count > sample.length ? <li>…</li> : null}
          </ul>
        ) : null}
        {count > 0 ? (
          <Form method="post">
            {FILTERS.map((name) => (
              <input key={name} type="hidden" name={name} value={filter[name] ?? ""} />
            ))}
            <button type="submit" className="button button-primary">
              {tn("invitation.send", count)}
            </button>
          </Form>
        ) : (
          <p>{t("invitation.none")}</p>
        )}
      </section>
      {preview ? (
        <section className="panel" aria-labelledby="vorschau">
          <h2 id="vorschau">{t("invitation.preview")}</h2>
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <pre className="email-preview">{preview.text}</pre>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
