import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { FormError, TextField, useSchemaForm } from "~/components/form";
import { isDemo } from "~/env.server";
import { labelOf } from "~/labels";
import { AppError } from "~/lib/errors";
import { submitForm } from "~/lib/forms.server";
import { safeRedirectTarget } from "~/lib/security.server";
import { t } from "~/messages";
import { login } from "~/modules/auth/login.server";
import { DEMO_PASSWORD } from "~/modules/auth/password.server";
import { loginSchema } from "~/modules/auth/schema";
import { getOptionalUser } from "~/modules/auth/session.server";
import { DEMO_ACCOUNTS } from "~/modules/demo/accounts";

export const meta: MetaFunction = () => [{ title: `${t("login.title")} – ${t("app.name")}` }];

// Public page: the login form itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect("/uebersicht");
  return { demo: isDemo ? { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } : null };
}

// Public action: anyone may try to log in; throttling and the audit log are in login().
export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo"));
  return submitForm(request, loginSchema, async (input) => {
    const result = await login(input, { ip: context?.clientIp ?? "unbekannt", request });
    if (!result.ok) throw new AppError(result.status, result.message);
    // With a second factor the password only opens the next step.
    const next = result.secondFactor
      ? `/anmelden/${result.secondFactor === "code" ? "code" : "einrichten"}?redirectTo=${encodeURIComponent(redirectTo)}`
      : redirectTo;
    return redirect(next, { headers: { "Set-Cookie": result.setCookie } });
  });
}

export default function LoginPage() {
  const { demo } = useLoaderData<typeof loader>();
  const form = useSchemaForm(loginSchema, {
    reply: useActionData<typeof action>(),
    checkOnLeave: false,
  });
  const [params] = useSearchParams();
  return (
    <AuthCard title={t("login.title")}>
      {params.get("grund") === "abgelaufen" ? <p className="notice">{t("login.expired")}</p> : null}
      <Form {...form.props}>
        <FormError message={form.message} />
        <TextField
          label={t("login.email")}
          type="email"
          autoComplete="username"
          required
          autoFocus
          maxLength={254}
          {...form.field("email")}
        />
        <TextField
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          {...form.field("password")}
        />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("login.submit")}
        </button>
      </Form>
      {demo ? (
        <section className="demo-box" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("login.demoTitle")}</h2>
          <p>{t("login.demoText", { password: demo.password })}</p>
          <ul>
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> – {labelOf("role", a.role)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="auth-footer">
        <Link to="/passwort-vergessen">{t("login.forgot")}</Link> ·{" "}
        <Link to="/ueber">{t("app.about")}</Link>
      </p>
    </AuthCard>
  );
}
