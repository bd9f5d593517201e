import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { MatchList } from "~/components/match-list";
import { formatDate } from "~/lib/day";
import { t, tn } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { matchesForOffer } from "~/modules/matching/matching.server";

export const meta: MetaFunction = () => [
  { title: `${t("matching.participants")} – ${t("app.name")}` },
];

const SHOWN = 50;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "matching");
  const includeFar = new URL(request.url).searchParams.get("weiter") === "ja";
  const result = await matchesForOffer(user, scope, params.id ?? "", {
    ip: context?.clientIp,
    limit: SHOWN,
    includeFar,
  });
  if (!result) notFound();
  return {
    offer: result.offer,
    total: result.total,
    far: result.far,
    includeFar,
    withdrawn: result.withdrawn,
    matches: result.matches,
    mayPropose: can(user.role, "create", "internship"),
  };
}

export default function OfferMatchingPage() {
  const { offer, total, far, includeFar, withdrawn, matches, mayPropose } =
    useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/matching">← {t("matching.title")}</Link>
      </p>
      <h1>
        {t("matching.forOffer", { occupation: offer.occupation, company: offer.companyName })}
      </h1>
      <p className="lead">
        <Link to={`/unternehmen/${offer.companyId}`}>{offer.companyName}</Link>
        {offer.city ? `, ${offer.city}` : ""} · {offer.districtName ?? t("common.none")} ·{" "}
        {tn("matching.freePlaces", offer.freePlaces)}
        {offer.startDate ? ` · ${t("matching.start")} ${formatDate(offer.startDate)}` : ""}
      </p>
      <p role="status">{t("matching.count", { shown: matches.length, total })}</p>
      {withdrawn ? <p className="notice">{tn("matching.withdrawnHidden", withdrawn)}</p> : null}
      {far > 0 ? (
        <p className="notice">
          {tn("matching.farParticipants", far)}{" "}
          <Link to={includeFar ? "?" : "?weiter=ja"}>
            {includeFar ? t("matching.hideFar") : t("matching.showFar")}
          </Link>
        </p>
      ) : null}
      <MatchList
        matches={matches}
        rowKey={(m) => m.id}
        title={(m) => <Link to={`/teilnehmende/${m.id}`}>{m.name}</Link>}
        details={(m) =>
          [
            m.districtName,
            m.weeklyHoursAvailable != null
              ? t("participant.hoursShort", { hours: m.weeklyHoursAvailable })
              : null,
            m.profileShared ? null : t("matching.profileNotShared"),
          ]
            .filter(Boolean)
            .join(" · ")
        }
        propose={mayPropose ? (m) => ({ participantId: m.id, offerId: offer.id }) : null}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
