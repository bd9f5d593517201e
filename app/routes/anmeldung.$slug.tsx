import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { CheckboxField, FormError, TextField, useSchemaForm } from "~/components/form";
import { traeger } from "~/env.server";
import { formatDateTime } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { submitForm } from "~/lib/forms.server";
import { rateLimiter } from "~/lib/rate-limit.server";
import { t, tn } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { deliverOutbox } from "~/modules/email/email.server";
import {
  closedReason,
  getPublicEvent,
  invitationForToken,
  registerForEvent,
} from "~/modules/event/registration.server";
import { registrationSchema } from "~/modules/event/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("registration.title", { title: data?.event.title ?? "" })} – ${t("app.name")}` },
  // The personal token in the URL must not leak to other sites.
  { name: "referrer", content: "no-referrer" },
];

// Ten registrations per address and ten minutes: people register once, bots do not stop.
const limiter = rateLimiter({ name: "anmeldung", limit: 10, windowMs: 10 * 60_000 });

// Public page (no login): event details and the registration form; a personal link pre-fills it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublicEvent(params.slug ?? "");
  if (!event) throw new Response("Not Found", { status: 404 });
  const token = new URL(request.url).searchParams.get("t");
  const invitation = await invitationForToken(event.id, token);
  const closed =
    closedReason(event) ??
    (!event.publicRegistration && !invitation
      ? token
        ? t("registration.tokenInvalid")
        : t("registration.notPublic")
      : null);
  const c = invitation?.contact;
  return {
    event: {
      title: event.title,
      description: event.description,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      place: event.place,
      onlineUrl: event.onlineUrl,
      deadline: event.registrationDeadline,
      freePlaces: event.freePlaces,
    },
    traeger: traeger(),
    closed,
    tokenInvalid: Boolean(token) && !invitation && !closed,
    token: invitation ? token : null,
    defaults: (c
      ? {
          name: `${c.firstName} ${c.lastName}`.trim(),
          email: c.email ?? "",
          phone: c.phone ?? "",
          function: c.function ?? "",
          companyName: c.company?.name ?? "",
          plz: c.company?.plz ?? "",
        }
      : {}) as Record<string, string>,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ip = context?.clientIp ?? "unbekannt";
  if (!(await limiter.allow(ip))) {
    await audit({ action: "denied", entityType: "event_registration", ip, detail: "Rate-Limit" });
    return data<FormReply>(
      { intent: "", errors: {}, message: t("registration.rateLimited"), values: {} },
      { status: 429 },
    );
  }
  const formData = await request.formData();
  // A filled honeypot: a bot. It sees the same thanks as a person and nothing is stored.
  if (String(formData.get("website") ?? "").trim() !== "") return { done: true };
  const token = new URL(request.url).searchParams.get("t");
  return submitForm(
    request,
    registrationSchema,
    async (input) => {
      const result = await registerForEvent(params.slug ?? "", input, { token, ip });
      if (result.outboxIds.length)
        deliverOutbox({ ids: result.outboxIds, limit: result.outboxIds.length }).catch(() => {});
      return { done: true };
    },
    { formData },
  );
}

/** Name, email and the rest; a personal link fills in what the invitation knows. */
function RegistrationForm({
  defaults,
  token,
  reply,
}: {
  defaults: Record<string, unknown>;
  token: string | null;
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(registrationSchema, {
    reply,
    defaults,
    action: token ? `?t=${encodeURIComponent(token)}` : undefined,
  });
  const consentError = form.errorAt("consent");
  return (
    <Form {...form.props}>
      <FormError message={form.message} />
      <p className="field-hint">{t("registration.requiredNote")}</p>
      <TextField
        label={t("registration.name")}
        required
        maxLength={120}
        autoComplete="name"
        {...form.field("name")}
      />
      <TextField
        label={t("registration.email")}
        required
        type="email"
        maxLength={254}
        autoComplete="email"
        {...form.field("email")}
      />
      <TextField
        label={t("registration.companyName")}
        maxLength={200}
        autoComplete="organization"
        {...form.field("companyName")}
      />
      <TextField
        label={t("registration.plz")}
        inputMode="numeric"
        maxLength={5}
        {...form.field("plz")}
      />
      <TextField
        label={t("registration.function")}
        maxLength={120}
        autoComplete="organization-title"
        {...form.field("function")}
      />
      <TextField
        label={t("registration.phone")}
        type="tel"
        maxLength={40}
        autoComplete="tel"
        {...form.field("phone")}
      />
      <TextField label={t("registration.persons")} inputMode="numeric" {...form.field("persons")} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="f-website">{t("registration.honeypot")}</label>
        <input id="f-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <CheckboxField label={`${t("registration.consent")} *`} {...form.checkbox("consent")} />
      {consentError ? (
        <p className="field-error" role="alert">
          {Array.isArray(consentError) ? consentError[0] : consentError}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {t("registration.submit")}
      </button>
    </Form>
  );
}

export default function PublicRegistrationPage() {
  const { event, closed, tokenInvalid, token, defaults, traeger } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const reply = result && "intent" in result ? result : null;
  return (
    <AuthCard title={t("registration.title", { title: event.title })}>
      <dl className="facts">
        <dt>{t("registration.when")}</dt>
        <dd>
          {formatDateTime(event.startsAt)}
          {event.endsAt ? ` – ${formatDateTime(event.endsAt).slice(-5)}` : ""}
        </dd>
        <dt>{t("registration.where")}</dt>
        <dd>{event.place ?? t("registration.online")}</dd>
        {event.deadline ? (
          <>
            <dt>{t("registration.deadline")}</dt>
            <dd>{formatDateTime(event.deadline)}</dd>
          </>
        ) : null}
        {event.freePlaces != null ? (
          <>
            <dt>{t("registration.freePlaces")}</dt>
            <dd>
              {event.freePlaces > 0
                ? tn("registration.freeCount", event.freePlaces)
                : t("registration.fullWaitingList")}
            </dd>
          </>
        ) : null}
      </dl>
      {event.description ? <p className="notes">{event.description}</p> : null}
      {result && "done" in result ? (
        <p className="notice" role="status">
          {/* One answer for every outcome: the mailbox learns which (no one learns who is registered). */}
          {t("registration.done")}
        </p>
      ) : closed ? (
        <p className="notice notice-warn" role="status">
          {closed}
        </p>
      ) : (
        <>
          {tokenInvalid ? (
            <p className="notice notice-warn">{t("registration.tokenInvalid")}</p>
          ) : null}
          <RegistrationForm defaults={defaults} token={token} reply={reply} />
        </>
      )}
      {traeger.name ? (
        <footer className="public-footer">
          <p>
            {t("registration.organiser", { name: traeger.name })}
            {traeger.address ? `, ${traeger.address}` : ""}
          </p>
          <p>
            {traeger.impressumUrl ? (
              <a href={traeger.impressumUrl}>{t("registration.impressum")}</a>
            ) : null}
            {traeger.impressumUrl && traeger.datenschutzUrl ? " · " : null}
            {traeger.datenschutzUrl ? (
              <a href={traeger.datenschutzUrl}>{t("registration.privacy")}</a>
            ) : null}
          </p>
        </footer>
      ) : null}
    </AuthCard>
  );
}
