import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { ToastMessage } from "~/components/toast";
import { useNonce } from "~/lib/nonce";
import { readToast } from "~/lib/toast.server";
import { t } from "~/messages";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Public: it only hands out the one-time toast message of this browser.
export async function loader({ request }: LoaderFunctionArgs) {
  const { toast, setCookie } = readToast(request);
  return data({ toast }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("app.name")}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhalt">
          {t("app.skipToContent")}
        </a>
        {children}
        <ToastMessage toast={root?.toast ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
