import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { CheckboxField, FormError, SelectField, TextField, useSchemaForm } from "~/components/form";
import { MatchList } from "~/components/match-list";
import { formatDate } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { submitForm } from "~/lib/forms.server";
import { pickParam } from "~/lib/list-params";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { TRAVEL } from "~/modules/matching/commute";
import { matchesForParticipant } from "~/modules/matching/matching.server";
import { travelTimeSchema } from "~/modules/matching/schema";
import { recordTravelTime } from "~/modules/matching/travel.server";
import { listOccupations, listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${t("matching.forParticipant", { name: data?.participant.name ?? "" })} – ${t("app.name")}`,
  },
];

/** How many ranked offers the page shows. */
const SHOWN = 50;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "matching");
  const url = new URL(request.url);
  const [districts, occupations] = await Promise.all([listServedDistricts(), listOccupations()]);
  const filters = {
    districtAgs: pickParam(
      url,
      "kreis",
      districts.map((d) => d.ags),
    ),
    occupationId: pickParam(
      url,
      "beruf",
      occupations.map((o) => o.id),
    ),
    partTimeOnly: url.searchParams.get("teilzeit") === "ja",
  };
  const includeFar = url.searchParams.get("weiter") === "ja";
  const result = await matchesForParticipant(user, scope, params.id ?? "", filters, {
    ip: context?.clientIp,
    limit: SHOWN,
    includeFar,
  });
  if (!result) notFound();
  return {
    participant: result.participant,
    hasWishes: result.hasWishes,
    total: result.total,
    far: result.far,
    includeFar,
    matches: result.matches,
    notProposed: result.notProposed,
    filters,
    districts,
    occupations,
    mayPropose: can(user.role, "create", "internship"),
    mayEnterTimes: can(user.role, "update", "matching") && Boolean(result.participant.plz),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "update", "matching");
  const id = params.id ?? "";
  return submitForm(request, travelTimeSchema, async (input) => {
    const saved = await recordTravelTime(user, scope, id, input, { ip: context?.clientIp });
    const back = new URL(request.url);
    back.searchParams.delete("intent");
    return redirectWithToast(`${back.pathname}${back.search}`, {
      kind: "success",
      text: t("matching.travelTimeSaved", {
        from: saved.fromPlz,
        to: saved.toPlz,
        minutes: saved.minutes,
      }),
    });
  });
}

/**
 * The real door-to-door time to one of the shown offers, as a journey planner gives it (one form
 * for the page: the offer is chosen from the list).
 */
function TravelTimeForm({
  offers,
  reply,
}: {
  offers: { id: string; label: string }[];
  reply?: FormReply | null;
}) {
  const form = useSchemaForm(travelTimeSchema, {
    intent: "fahrzeit",
    reply,
    defaults: { offerId: offers[0]?.id ?? "", minutes: "" },
  });
  return (
    <details className="panel match-travel" open={form.refused}>
      <summary>{t("matching.travelTime")}</summary>
      <p className="field-hint">{t("matching.travelTimeHint")}</p>
      <Form {...form.props} className="filter-bar">
        <FormError message={form.message} />
        <SelectField
          label={t("matching.travelTimeOffer")}
          options={offers.map((o) => ({ value: o.id, label: o.label }))}
          {...form.field("offerId")}
        />
        <TextField
          label={t("matching.travelTimeMinutes")}
          inputMode="numeric"
          {...form.field("minutes")}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {t("matching.travelTimeSave")}
        </button>
      </Form>
    </details>
  );
}

/** "Schollene, Landkreis Stendal", but only "Magdeburg" where town and district share the name. */
const placeLabel = (city: string | null, district: string | null) =>
  city && district?.endsWith(city) ? district : [city, district].filter(Boolean).join(", ");

export default function ParticipantMatchingPage() {
  const {
    participant,
    hasWishes,
    total,
    far,
    includeFar,
    matches,
    notProposed,
    filters,
    districts,
    occupations,
    mayPropose,
    mayEnterTimes,
  } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const location = useLocation();
  const withFar = (on: boolean) => {
    const params = new URLSearchParams(location.search);
    if (on) params.set("weiter", "ja");
    else params.delete("weiter");
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  };
  const limit = participant.maxCommuteMinutes ?? TRAVEL.defaultLimitMinutes;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/teilnehmende/${participant.id}`}>← {participant.name}</Link>
      </p>
      <h1>{t("matching.forParticipant", { name: participant.name })}</h1>
      <p className="lead">
        {participant.districtName ?? t("common.none")}
        {participant.weeklyHoursAvailable != null
          ? ` · ${t("participant.hoursShort", { hours: participant.weeklyHoursAvailable })}`
          : ""}
      </p>
      {hasWishes ? null : <p className="notice">{t("matching.noWishes")}</p>}
      <Form method="get" className="filter-bar">
        <SelectField
          label={t("matching.district")}
          name="kreis"
          options={[
            { value: "", label: t("matching.all") },
            ...districts.map((d) => ({ value: d.ags, label: d.name })),
          ]}
          defaultValue={filters.districtAgs ?? ""}
        />
        <SelectField
          label={t("matching.occupation")}
          name="beruf"
          options={[
            { value: "", label: t("matching.all") },
            ...occupations.map((o) => ({ value: o.id, label: `${o.title} (${o.kldbCode})` })),
          ]}
          defaultValue={filters.occupationId ?? ""}
        />
        <CheckboxField
          label={t("matching.partTimeOnly")}
          name="teilzeit"
          value="ja"
          defaultChecked={filters.partTimeOnly}
        />
        {includeFar ? <input type="hidden" name="weiter" value="ja" /> : null}
        <button type="submit" className="button">
          {t("matching.apply")}
        </button>
      </Form>
      <p role="status">{t("matching.count", { shown: matches.length, total })}</p>
      {far > 0 ? (
        <p className="notice">
          {tn(includeFar ? "matching.farShown" : "matching.farHidden", far, { minutes: limit })}{" "}
          <Link to={withFar(!includeFar)}>
            {includeFar ? t("matching.hideFar") : t("matching.showFar")}
          </Link>
        </p>
      ) : null}
      <MatchList
        matches={matches}
        rowKey={(m) => m.id}
        title={(m) => (
          <>
            {m.occupation} – <Link to={`/unternehmen/${m.companyId}`}>{m.companyName}</Link>
          </>
        )}
        details={(m) =>
          [
            placeLabel(m.city, m.districtName),
            tn("matching.freePlaces", m.freePlaces),
            m.startDate ? `${t("matching.start")} ${formatDate(m.startDate)}` : null,
          ]
            .filter(Boolean)
            .join(" · ")
        }
        propose={mayPropose ? (m) => ({ participantId: participant.id, offerId: m.id }) : null}
      />
      {mayEnterTimes && matches.some((m) => m.plz) ? (
        <TravelTimeForm
          offers={matches
            .filter((m) => m.plz)
            .map((m) => ({ id: m.id, label: `${m.occupation} – ${m.companyName}` }))}
          reply={reply}
        />
      ) : null}
      {notProposed.length > 0 ? (
        <details className="not-proposed">
          <summary>{tn("matching.notProposed", notProposed.length)}</summary>
          <ul>
            {notProposed.map((o) => (
              <li key={o.id}>
                {o.occupation} – <Link to={`/unternehmen/${o.companyId}`}>{o.companyName}</Link>
                {o.city ? `, ${o.city}` : ""}: {o.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
