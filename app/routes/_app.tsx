import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { GlobalSearch } from "~/components/global-search";
import { labelOf } from "~/labels";
import { t } from "~/messages";
import { can, navFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/session.server";

// Layout of all signed-in pages; each child checks its own permission.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    search: can(user.role, "read", "company"),
    user: { name: user.name, role: user.role },
    nav: navFor(user.role).map(({ key, path }) => ({ key, path })),
  };
}

function Navigation({ nav }: { nav: { key: string; path: string }[] }) {
  return (
    <ul className="nav-list">
      {nav.map((item) => (
        <li key={item.key}>
          <NavLink to={item.path} prefetch="intent">
            {t(`nav.${item.key}` as Parameters<typeof t>[0])}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export default function AppLayout() {
  const { user, nav, search } = useLoaderData<typeof loader>();
  return (
    <div className="shell">
      <header className="shell-header">
        <a className="brand" href="/uebersicht">
          {t("app.name")}
        </a>
        {search ? <GlobalSearch /> : null}
        <p className="whoami">
          {t("nav.signedInAs", { name: user.name, role: labelOf("role", user.role) })} ·{" "}
          <Link to="/konto">{t("account.link")}</Link>
        </p>
        <Form method="post" action="/abmelden" className="logout-form">
          <button type="submit" className="button button-quiet">
            {t("nav.logout")}
          </button>
        </Form>
      </header>
      <nav className="shell-nav" aria-label={t("nav.main")}>
        <details className="nav-mobile">
          <summary>{t("app.menu")}</summary>
          <Navigation nav={nav} />
        </details>
        <div className="nav-desktop">
          <Navigation nav={nav} />
        </div>
      </nav>
      <main id="inhalt" className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
