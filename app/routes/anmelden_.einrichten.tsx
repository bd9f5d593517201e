import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { EnrolSecondFactor, RecoveryCodes } from "~/components/second-factor";
import { submitForm } from "~/lib/forms.server";
import { safeRedirectTarget } from "~/lib/security.server";
import { t } from "~/messages";
import { completeLogin } from "~/modules/auth/login.server";
import { codeSchema } from "~/modules/auth/schema";
import {
  clearPendingCookie,
  confirmEnrolment,
  pendingEnrolment,
  pendingUser,
  startEnrolment,
} from "~/modules/auth/second-factor.server";

export const meta: MetaFunction = () => [{ title: `${t("totp.setupTitle")} – ${t("app.name")}` }];

// Public step of the sign-in for an account that must use a second factor and has none yet:
// only a browser whose password was just checked (the pending cookie) gets here.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await pendingUser(request);
  if (!user || user.totpEnabledAt) throw redirect("/anmelden");
  return {
    enrolment: (await pendingEnrolment(user)) ?? (await startEnrolment(user)),
    next: safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await pendingUser(request);
  if (!user || user.totpEnabledAt) throw redirect("/anmelden");
  const ip = context?.clientIp ?? "unbekannt";
  return submitForm(request, codeSchema, async ({ code }) => {
    const codes = await confirmEnrolment(user.id, code, { ip });
    const { setCookie } = await completeLogin(user.id, { ip, request });
    const headers = new Headers();
    headers.append("Set-Cookie", setCookie);
    headers.append("Set-Cookie", clearPendingCookie());
    return data({ codes }, { headers });
  });
}

// After the set-up the page shows the recovery codes; it must not load a new secret.
export const shouldRevalidate = () => false;

export default function SetUpSecondFactorPage() {
  const { enrolment, next } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const codes = reply && "codes" in reply ? reply.codes : null;
  return (
    <AuthCard title={t("totp.setupTitle")}>
      {codes ? (
        <>
          <p role="status">{t("totp.enabled")}</p>
          <RecoveryCodes codes={codes} />
          <p>
            <a className="button button-primary" href={next}>
              {t("totp.continue")}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t("totp.setupRequired")}</p>
          <EnrolSecondFactor
            secret={enrolment.secret}
            qrSvg={enrolment.qrSvg}
            reply={reply && !("codes" in reply) ? reply : null}
          />
          <p className="auth-footer">
            <Link to="/anmelden">{t("reset.back")}</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
