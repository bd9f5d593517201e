import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { scopeFor } from "~/modules/auth/permissions";
import { hitPath, search } from "~/modules/search/search.server";

export const meta: MetaFunction = () => [{ title: `${t("search.title")} – ${t("app.name")}` }];

// Results for the header search: as a page without JavaScript, as data for the dropdown with it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "company");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const participantScope = scopeFor(user.role, "read", "participant");
  const hits = await search(
    q,
    20,
    participantScope ? { user, scope: participantScope, ip: context?.clientIp } : undefined,
  );
  return { q, hits: hits.map((h) => ({ ...h, href: hitPath(h) })) };
}

export default function SearchPage() {
  const { q, hits } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.resultsFor", { q })}</p>
      {hits.length === 0 ? <p>{t("search.none")}</p> : null}
      <ul className="plain-list">
        {hits.map((h) => (
          <li key={`${h.kind}-${h.id}`}>
            <span className="badge">{t(`search.${h.kind}`)}</span>{" "}
            <Link to={h.href}>{h.title}</Link> <span className="muted">{h.subtitle}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
