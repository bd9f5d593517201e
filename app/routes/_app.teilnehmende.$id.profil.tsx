import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { getParticipantProfile } from "~/modules/participant/service.server";

export const meta: MetaFunction = () => [{ title: `${t("profile.title")} – ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "read", "participant");
  const found = await getParticipantProfile(user, scope, params.id ?? "", {
    ip: context?.clientIp,
  });
  if (!found) notFound();
  return { id: params.id ?? "", ...found };
}

export default function ProfilePage() {
  const { id, reference, profile } = useLoaderData<typeof loader>();
  const yesNo = (v: boolean) => (v ? t("common.yes") : t("common.no"));
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/teilnehmende/${id}`}>{t("profile.back")}</Link>
      </p>
      <h1>
        {t("profile.title")} {reference}
      </h1>
      {profile ? (
        <article className="profile">
          <p className="lead">{t("profile.intro")}</p>
          <h2>{t("profile.occupations")}</h2>
          {profile.wishes.length ? (
            <ol>
              {profile.wishes.map((w) => (
                <li key={w.occupation.kldbCode + w.occupation.title}>{w.occupation.title}</li>
              ))}
            </ol>
          ) : (
            <p>{t("common.none")}</p>
          )}
          <dl className="facts">
            <dt>{t("profile.district")}</dt>
            <dd>{profile.district?.name ?? t("common.none")}</dd>
            <dt>{t("profile.hours")}</dt>
            <dd>
              {profile.weeklyHoursAvailable != null
                ? t("participant.hoursShort", { hours: profile.weeklyHoursAvailable })
                : t("common.none")}
            </dd>
            <dt>{t("participant.drivingLicence")}</dt>
            <dd>{yesNo(profile.drivingLicence)}</dd>
            <dt>{t("participant.hasCar")}</dt>
            <dd>{yesNo(profile.hasCar)}</dd>
            <dt>{t("participant.publicTransport")}</dt>
            <dd>{yesNo(profile.usesPublicTransport)}</dd>
            <dt>{t("profile.commute")}</dt>
            <dd>
              {profile.maxCommuteMinutes != null
                ? t("profile.minutes", { minutes: profile.maxCommuteMinutes })
                : t("common.none")}
            </dd>
            <dt>{t("participant.school")}</dt>
            <dd>
              {profile.schoolCertificate
                ? t(`school.${profile.schoolCertificate}` as "school.ohne")
                : t("common.none")}
            </dd>
          </dl>
          <h2>{t("participant.strengths")}</h2>
          <p className="notes">{profile.strengths ?? t("common.none")}</p>
          <p className="field-hint">{t("profile.footer", { reference })}</p>
          <button type="button" className="button no-print" onClick={() => window.print()}>
            {t("profile.print")}
          </button>
        </article>
      ) : (
        <p className="notice notice-warn">{t("participant.profileNeedsConsent")}</p>
      )}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
