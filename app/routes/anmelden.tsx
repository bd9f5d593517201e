import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { AuthCard } from "~/components/auth-card";
import { FormError, TextField } from "~/components/form";
import { isDemo } from "~/env.server";
import { labelOf } from "~/labels";
import { parseForm } from "~/lib/forms.server";
import { safeRedirectTarget } from "~/lib/security.server";
import { t } from "~/messages";
import { login, loginSchema } from "~/modules/auth/login.server";
import { DEMO_PASSWORD } from "~/modules/auth/password.server";
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
  const form = await parseForm(request, loginSchema);
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo"));
  if (!form.ok) {
    return data(
      { errors: form.errors, message: null, email: form.values.email ?? "" },
      { status: 400 },
    );
  }
  const result = await login(form.data, { ip: context?.clientIp ?? "unbekannt", request });
  if (!result.ok) {
    return data(
      { errors: {}, message: result.message, email: form.values.email ?? "" },
      { status: result.status },
    );
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": result.setCookie } });
}

export default function LoginPage() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>;
  return (
    <AuthCard title={t("login.title")}>
      {params.get("grund") === "abgelaufen" ? <p className="notice">{t("login.expired")}</p> : null}
      <FormError message={actionData?.message} />
      <Form method="post" noValidate>
        <TextField
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={actionData?.email ?? ""}
          maxLength={254}
          error={errors.email}
        />
        <TextField
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          error={errors.password}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
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
        <Link to="/ueber">{t("app.about")}</Link>
      </p>
    </AuthCard>
  );
}
