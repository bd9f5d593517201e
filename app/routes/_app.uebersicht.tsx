import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { formatNumber } from "~/lib/format";
import { type MessageKey, t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { dashboardFigures } from "~/modules/reporting/dashboard.server";

export const meta: MetaFunction = () => [{ title: `${t("dashboard.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  return { name: user.name, figures: await dashboardFigures(user) };
}

export default function DashboardPage() {
  const { name, figures } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.welcome", { name })}</p>
      <ul className="figures">
        {figures.map((f) => (
          <li key={f.key} className="figure">
            <span className="figure-value">{formatNumber(f.value)}</span>
            <span className="figure-label">{t(f.key as MessageKey)}</span>
            {f.note ? (
              <span className="figure-note">
                {formatNumber(f.note.value)} {t(f.note.key as MessageKey)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
