import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { failureMessage } from "~/lib/forms.server";
import { t } from "~/messages";
import { deliverOutbox } from "~/modules/email/email.server";
import { cancelWithToken, registrationForCancelToken } from "~/modules/event/registration.server";

export const meta: MetaFunction = () => [
  { title: `${t("registration.cancelTitle")} – ${t("app.name")}` },
  { name: "referrer", content: "no-referrer" },
];

// Public: the signed token in the link is the permission. GET only asks; POST cancels.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await registrationForCancelToken(params.slug ?? "", params.token ?? "");
  if (!found) return data({ title: null }, { status: 410 });
  return { title: found.title };
}

export async function action({ params, context }: ActionFunctionArgs) {
  try {
    const result = await cancelWithToken(params.slug ?? "", params.token ?? "", {
      ip: context?.clientIp,
    });
    if (result.outboxIds.length)
      deliverOutbox({ ids: result.outboxIds, limit: result.outboxIds.length }).catch(() => {});
    return { done: true, message: null };
  } catch (error) {
    // An unknown or used link is gone for good (410), like the page says.
    const e = failureMessage(error);
    return data({ done: false, message: e.message }, { status: e.status === 404 ? 410 : e.status });
  }
}

export default function CancelRegistrationPage() {
  const { title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AuthCard title={t("registration.cancelTitle")}>
      {result?.done ? (
        <p className="notice" role="status">
          {t("registration.cancelDone")}
        </p>
      ) : title && !result?.message ? (
        <>
          <p>{t("registration.cancelConfirm", { title })}</p>
          <Form method="post">
            <button type="submit" className="button button-primary">
              {t("registration.cancelSubmit")}
            </button>
          </Form>
        </>
      ) : (
        <p className="notice notice-warn" role="status">
          {result?.message ?? t("registration.cancelInvalid")}
        </p>
      )}
    </AuthCard>
  );
}
