import type { ReactNode } from "react";
import { t } from "~/messages";

/** The frame of the public pages (login, invitation, about). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="inhalt" className="auth-page">
      <div className="auth-card">
        <p className="brand">
          {t("app.name")} <span>{t("app.tagline")}</span>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
