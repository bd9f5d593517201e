import { Link } from "@remix-run/react";
import { t } from "~/messages";

const TABS = [
  { to: "/verwaltung", label: "admin.users" },
  { to: "/verwaltung/postausgang", label: "admin.outbox" },
  { to: "/verwaltung/loeschregeln", label: "retention.title" },
  { to: "/verwaltung/protokoll", label: "audit.title" },
] as const;

/** The tabs of the Verwaltung pages. */
export function AdminTabs({ current }: { current: (typeof TABS)[number]["to"] }) {
  return (
    <nav className="tabs" aria-label={t("admin.title")}>
      {TABS.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={tab.to === current ? "page" : undefined}>
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}
