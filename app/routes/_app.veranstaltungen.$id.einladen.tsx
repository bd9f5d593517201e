import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, SelectField, TextArea, useSchemaForm } from "~/components/form";
import { labelOf } from "~/labels";
import type { FormReply } from "~/lib/forms";
import { dispatchIntent, formValues, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { MULTIPLIER_TYPES, OUTREACH_STATUSES } from "~/modules/company/values";
import { deliverOutbox } from "~/modules/email/email.server";
import { getEvent } from "~/modules/event/editing.server";
import {
  confirmInvitations,
  invitationPreview,
  previewRecipients,
  recipientFilterOptions,
  sendInvitations,
} from "~/modules/event/invitations.server";
import {
  invitationChoiceSchema,
  invitationSendSchema,
  MAX_RECIPIENTS,
  type RecipientFilter,
  recipientFilterSchema,
} from "~/modules/event/schema";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("invitation.title", { title: data?.event.title ?? "" })} – ${t("app.name")}` },
];

const FILTERS = ["kreis", "status", "branche", "multiplikator", "tag"] as const;

function filterFrom(params: URLSearchParams) {
  const parsed = recipientFilterSchema.safeParse({
    ...Object.fromEntries(params),
    kontakte: params.getAll("kontakte"),
  });
  return parsed.success
    ? parsed.data
    : { kreis: null, status: null, branche: null, multiplikator: null, tag: null, kontakte: [] };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "update", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  const url = new URL(request.url);
  const filter = filterFrom(url.searchParams);
  const [recipients, preview, options, districts] = await Promise.all([
    previewRecipients(event.id, filter),
    invitationPreview(event.id),
    recipientFilterOptions(),
    listServedDistricts(),
  ]);
  const count = recipients.eligible.length;
  return {
    event: { id: event.id, title: event.title },
    filter,
    count,
    eligible:
      count > MAX_RECIPIENTS
        ? []
        : recipients.eligible.map(({ id, name, email, company }) => ({ id, name, email, company })),
    leftOut: recipients.leftOut,
    preview,
    options: { ...options, districts },
  };
}

type Confirmation = {
  intent: "pruefen";
  confirm: Awaited<ReturnType<typeof confirmInvitations>>;
  choice: { filter: RecipientFilter; an: string[]; text: string | null };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "event");
  const id = params.id ?? "";
  const multi = ["an", "kontakte"];
  return dispatchIntent(
    request,
    {
      // Step one: whom and what; answered with the confirmation, nothing is sent yet.
      pruefen: () =>
        submitForm(
          request,
          invitationChoiceSchema,
          async ({ an, text, ...filter }): Promise<Confirmation> => ({
            intent: "pruefen",
            confirm: await confirmInvitations(id, filter, { include: an, personalText: text }),
            choice: { filter, an, text },
          }),
          { multi },
        ),
      // Back from the confirmation to the choice, with the ticks and the text as they were.
      zurueck: async () =>
        data<FormReply>({
          intent: "pruefen",
          values: formValues(await request.formData(), multi),
          errors: {},
          message: null,
        }),
      senden: () =>
        submitForm(
          request,
          invitationSendSchema,
          async ({ an, text, anzahl, ...filter }) => {
            const { count, outboxIds } = await sendInvitations(
              user,
              id,
              filter,
              { include: an, personalText: text, confirmedCount: anzahl },
              { ip: context?.clientIp },
            );
            // Delivery starts now in the background; the scheduler picks up whatever is left.
            if (outboxIds.length)
              deliverOutbox({ ids: outboxIds, limit: outboxIds.length }).catch(() => {});
            return redirectWithToast(`/veranstaltungen/${id}`, {
              kind: "success",
              text: tn("invitation.sent", count),
            });
          },
          { multi },
        ),
    },
    "pruefen",
  );
}

/** The filter as hidden fields, so each step acts on the same list. */
function FilterFields({ filter }: { filter: RecipientFilter }) {
  return (
    <>
      {FILTERS.map((name) => (
        <input key={name} type="hidden" name={name} value={filter[name] ?? ""} />
      ))}
      {(filter.kontakte ?? []).map((id) => (
        <input key={id} type="hidden" name="kontakte" value={id} />
      ))}
    </>
  );
}

type Recipient = { id: string; name: string; email: string; company: string | null };

/** Step one: every eligible person ticked (untick to leave out) and an optional personal text. */
function ChoiceForm({
  filter,
  eligible,
  reply,
}: {
  filter: RecipientFilter;
  eligible: Recipient[];
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(invitationChoiceSchema, {
    intent: "pruefen",
    reply,
    defaults: { ...filter, an: eligible.map((r) => r.id), text: "" },
  });
  const error = form.errorAt("an");
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      <FilterFields filter={filter} />
      <fieldset className="recipient-list" aria-describedby="an-hint">
        <legend className="visually-hidden">{t("invitation.recipients")}</legend>
        <p id="an-hint" className="field-hint">
          {t("invitation.recipientsHint")}
        </p>
        {error ? <p className="field-error">{error}</p> : null}
        <ul className="plain-list">
          {eligible.map((r) => (
            <li key={r.id}>
              <label>
                <input type="checkbox" {...form.checkbox("an", r.id)} /> {r.name}
                {r.company ? `, ${r.company}` : ""} &lt;{r.email}&gt;
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextArea label={t("invitation.personalText")} maxLength={1000} {...form.field("text")} />
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {t("invitation.check")}
      </button>
    </Form>
  );
}

/** Step two: the count and the names, the first email as it will look, then send. */
function ConfirmStep({ reply }: { reply: Confirmation }) {
  const { confirm, choice } = reply;
  const shown = confirm.recipients.slice(0, 30);
  return (
    <section className="panel panel-confirm" aria-labelledby="bestaetigen">
      <h2 id="bestaetigen">{t("invitation.confirmTitle")}</h2>
      <p>{tn("invitation.confirm", confirm.count)}</p>
      <ul className="plain-list">
        {shown.map((r) => (
          <li key={r.id}>
            {r.name}
            {r.company ? `, ${r.company}` : ""}
          </li>
        ))}
        {confirm.count > shown.length ? (
          <li>{t("invitation.confirmMore", { n: confirm.count - shown.length })}</li>
        ) : null}
      </ul>
      {confirm.preview ? (
        <>
          <p>
            <strong>{confirm.preview.subject}</strong>
          </p>
          <pre className="email-preview">{confirm.preview.text}</pre>
        </>
      ) : null}
      <Form method="post" action="?intent=senden" className="inline-form">
        <FilterFields filter={choice.filter} />
        {choice.an.map((id) => (
          <input key={id} type="hidden" name="an" value={id} />
        ))}
        <input type="hidden" name="text" value={choice.text ?? ""} />
        <input type="hidden" name="anzahl" value={confirm.count} />
        <button type="submit" className="button button-primary">
          {tn("invitation.send", confirm.count)}
        </button>
        <button type="submit" className="button" formAction="?intent=zurueck">
          {t("invitation.back")}
        </button>
      </Form>
    </section>
  );
}

export default function InvitePage() {
  const { event, filter, count, eligible, leftOut, preview, options } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Confirmation | FormReply | undefined;
  const confirmation = answer && "confirm" in answer ? answer : null;
  const reply = answer && !("confirm" in answer) ? answer : null;
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
      {reply?.intent === "senden" ? <FormError message={reply.message} /> : null}
      {confirmation ? (
        <ConfirmStep reply={confirmation} />
      ) : (
        <>
          {filter.kontakte.length ? (
            <p className="notice" role="status">
              {tn("invitation.chosenContacts", filter.kontakte.length)}{" "}
              <Link to={`/veranstaltungen/${event.id}/einladen`}>
                {t("invitation.allContacts")}
              </Link>
            </p>
          ) : null}
          <Form method="get" className="filter-bar" aria-label={t("invitation.filter")}>
            {filter.kontakte.map((id) => (
              <input key={id} type="hidden" name="kontakte" value={id} />
            ))}
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
            <h2 id="empfaenger">{t("invitation.recipients")}</h2>
            <p role="status">{tn("invitation.eligible", count)}</p>
            {count > MAX_RECIPIENTS ? (
              <p className="notice">{t("invitation.recipientsTooMany", { max: MAX_RECIPIENTS })}</p>
            ) : count > 0 ? (
              <ChoiceForm filter={filter} eligible={eligible} reply={reply} />
            ) : (
              <p>{t("invitation.none")}</p>
            )}
          </section>
          {reasons.length ? (
            <section className="panel panel-muted" aria-labelledby="nicht-eingeladen">
              <h2 id="nicht-eingeladen">{t("invitation.leftOut")}</h2>
              <p>{t("invitation.leftOutIntro")}</p>
              <ul>
                {reasons.map(([k, key]) => (
                  <li key={k}>{t(key, { n: leftOut[k] })}</li>
                ))}
              </ul>
            </section>
          ) : null}
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
      )}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
