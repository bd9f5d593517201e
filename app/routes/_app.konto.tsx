import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { EnrolSecondFactor, RecoveryCodes } from "~/components/second-factor";
import { formatDate } from "~/lib/day";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { codeSchema } from "~/modules/auth/schema";
import {
  confirmEnrolment,
  pendingEnrolment,
  secondFactorStatus,
  startEnrolment,
} from "~/modules/auth/second-factor.server";
import { hasCalendarLink, renewCalendarLink } from "~/modules/calendar/feed.server";

export const meta: MetaFunction = () => [{ title: `${t("account.title")} – ${t("app.name")}` }];

// One's own account: the second factor (every role has the Übersicht, so every signed-in user).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  return {
    user: { name: user.name, email: user.email },
    status: await secondFactorStatus(user),
    enrolment: await pendingEnrolment(user),
    calendar: await hasCalendarLink(user),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  return dispatchIntent(
    request,
    {
      start: async () => {
        await startEnrolment(user);
        return redirectWithToast("/konto#zweiter-faktor", {
          kind: "success",
          text: t("totp.setupSteps"),
        });
      },
      confirm: () =>
        submitForm(request, codeSchema, async ({ code }) =>
          data({ codes: await confirmEnrolment(user.id, code, { ip: context?.clientIp }) }),
        ),
      // The new subscription URL is shown once, in this answer; only its hash is kept.
      kalender: async () => data({ calendarUrl: await renewCalendarLink(user, context?.clientIp) }),
    },
    "confirm",
  );
}

export default function AccountPage() {
  const { user, status, enrolment, calendar } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const codes = reply && "codes" in reply ? reply.codes : null;
  const calendarUrl = reply && "calendarUrl" in reply ? reply.calendarUrl : null;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="lead">
        {user.name} · {user.email}
      </p>
      <section className="panel" aria-labelledby="zweiter-faktor">
        <h2 id="zweiter-faktor">{t("totp.status")}</h2>
        {codes ? <RecoveryCodes codes={codes} /> : null}
        <p>
          {status.enabledAt
            ? `${t("totp.statusOn", { date: formatDate(status.enabledAt), n: status.recoveryLeft })}`
            : t("totp.statusOff")}
          {status.required ? ` ${t("totp.statusRequired")}` : ""}
        </p>
        {enrolment ? (
          <EnrolSecondFactor
            secret={enrolment.secret}
            qrSvg={enrolment.qrSvg}
            intent="confirm"
            reply={reply && "intent" in reply ? reply : null}
          />
        ) : (
          <Form method="post" action="?intent=start">
            <button type="submit" className="button">
              {status.enabledAt ? t("totp.renew") : t("totp.setUp")}
            </button>
          </Form>
        )}
      </section>
      <section className="panel" aria-labelledby="kalender">
        <h2 id="kalender">{t("calendar.title")}</h2>
        <p>{t("calendar.intro")}</p>
        {calendarUrl ? (
          <p>
            <label htmlFor="calendar-url">{t("calendar.link")}</label>
            <input id="calendar-url" readOnly value={calendarUrl} className="wide-input" />
          </p>
        ) : calendar ? (
          <p>{t("calendar.has")}</p>
        ) : null}
        <Form method="post" action="?intent=kalender">
          <button type="submit" className="button">
            {calendar || calendarUrl ? t("calendar.renew") : t("calendar.create")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
