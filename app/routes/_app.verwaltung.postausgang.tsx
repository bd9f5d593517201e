import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { PageErrorBoundary } from "~/components/error-page";
import { labelOf } from "~/labels";
import { formatDateTime } from "~/lib/day";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { emailDeliveryEnabled, listOutbox } from "~/modules/email/email.server";

export const meta: MetaFunction = () => [{ title: `${t("admin.outbox")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "outbox", "any");
  return { delivery: emailDeliveryEnabled(), emails: await listOutbox() };
}

export default function OutboxPage() {
  const { delivery, emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <AdminTabs current="/verwaltung/postausgang" />
      <h2>{t("admin.outbox")}</h2>
      {delivery ? null : <p className="notice">{t("admin.outboxHint")}</p>}
      {emails.length === 0 ? (
        <p>{t("admin.outboxEmpty")}</p>
      ) : (
        <ul className="outbox">
          {emails.map((m) => (
            <li key={m.id} className="panel">
              <p>
                <strong>{m.subject}</strong>
              </p>
              <p>
                {t("admin.outboxTo")}: {m.toName ? `${m.toName} <${m.toEmail}>` : m.toEmail} ·{" "}
                {t("admin.outboxCreated")}: {formatDateTime(m.createdAt)} ·{" "}
                {t("admin.outboxStatus")}: {labelOf("outbox.status", m.status)}
              </p>
              <details>
                <summary>{t("admin.outboxShow")}</summary>
                <pre className="mail-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
