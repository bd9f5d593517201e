import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { t } from "~/messages";

export const meta: MetaFunction = () => [{ title: `${t("about.title")} – ${t("app.name")}` }];

// Public page: what Lotse is and the attribution the reference datasets require.
export default function AboutPage() {
  return (
    <AuthCard title={t("about.title")}>
      <p>{t("about.text")}</p>
      <h2>{t("about.sources")}</h2>
      <ul>
        <li>{t("about.geonames")}</li>
        <li>{t("about.stations")}</li>
        <li>{t("about.kldb")}</li>
      </ul>
      <p>
        <Link to="/anmelden">{t("login.title")}</Link>
      </p>
    </AuthCard>
  );
}
