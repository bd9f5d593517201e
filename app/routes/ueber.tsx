import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { isDemo, traeger } from "~/env.server";
import { t } from "~/messages";

export const meta: MetaFunction = () => [{ title: `${t("about.title")} – ${t("app.name")}` }];

// Public page: what Lotse is, who runs it, and the attribution the reference datasets require.
export function loader() {
  return { traeger: traeger(), demo: isDemo };
}

export default function AboutPage() {
  const { traeger: op, demo } = useLoaderData<typeof loader>();
  return (
    <AuthCard title={t("about.title")}>
      <p>{t("about.text")}</p>
      <h2>{t("about.sources")}</h2>
      <ul>
        <li>{t("about.geonames")}</li>
        <li>{t("about.stations")}</li>
        <li>{t("about.kldb")}</li>
      </ul>
      <h2 id="impressum">{t("about.legal")}</h2>
      {op.name ? (
        <p>
          {op.name}
          {op.address ? `, ${op.address}` : ""}
        </p>
      ) : null}
      {demo ? <p id="datenschutz">{t("about.legalDemo")}</p> : null}
      {!demo && (op.impressumUrl || op.datenschutzUrl) ? (
        <p>
          {op.impressumUrl ? <a href={op.impressumUrl}>{t("registration.impressum")}</a> : null}
          {op.impressumUrl && op.datenschutzUrl ? " · " : null}
          {op.datenschutzUrl ? <a href={op.datenschutzUrl}>{t("registration.privacy")}</a> : null}
        </p>
      ) : null}
      <p>
        <Link to="/anmelden">{t("login.title")}</Link>
      </p>
    </AuthCard>
  );
}
