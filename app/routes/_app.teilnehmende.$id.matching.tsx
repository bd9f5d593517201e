import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { CheckboxField, SelectField } from "~/components/form";
import { MatchList } from "~/components/match-list";
import { formatDate } from "~/lib/day";
import { pickParam } from "~/lib/list-params";
import { t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { matchesForParticipant } from "~/modules/matching/matching.server";
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
  const result = await matchesForParticipant(user, scope, params.id ?? "", filters, {
    ip: context?.clientIp,
    limit: SHOWN,
  });
  if (!result) notFound();
  return {
    participant: result.participant,
    hasWishes: result.hasWishes,
    total: result.total,
    matches: result.matches,
    filters,
    districts,
    occupations,
    mayPropose: can(user.role, "create", "internship"),
  };
}

/** "Schollene, Landkreis Stendal", but only "Magdeburg" where town and district share the name. */
const placeLabel = (city: string | null, district: string | null) =>
  city && district?.endsWith(city) ? district : [city, district].filter(Boolean).join(", ");

export default function ParticipantMatchingPage() {
  const { participant, hasWishes, total, matches, filters, districts, occupations, mayPropose } =
    useLoaderData<typeof loader>();
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
        <button type="submit" className="button">
          {t("matching.apply")}
        </button>
      </Form>
      <p role="status">{t("matching.count", { shown: matches.length, total })}</p>
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
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
