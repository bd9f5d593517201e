import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { t } from "~/messages";

/** German 403/404/500 pages for every error boundary. */
export function ErrorPage({ standalone = true }: { standalone?: boolean }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "403" : status === 404 ? "404" : "500";
  const Wrapper = standalone ? "main" : "div";
  return (
    <Wrapper id={standalone ? "inhalt" : undefined} className="error-page">
      <p className="error-code">{status}</p>
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.text`)}</p>
      <p>
        <Link to="/uebersicht">{t("error.backHome")}</Link>
      </p>
    </Wrapper>
  );
}

/** Error boundary for pages inside the signed-in layout: the navigation stays. */
export function PageErrorBoundary() {
  return <ErrorPage standalone={false} />;
}
