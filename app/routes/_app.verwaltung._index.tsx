import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, SelectField, TextField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { labelOf } from "~/labels";
import { formatDateTime } from "~/lib/day";
import { type FieldErrors, type FormValues, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { ROLES } from "~/modules/auth/permissions";
import {
  activeSchema,
  changeRole,
  inviteSchema,
  inviteUser,
  listOpenInvitations,
  listUsers,
  roleSchema,
  setUserActive,
  UserInputError,
} from "~/modules/auth/users.server";

export const meta: MetaFunction = () => [{ title: `${t("admin.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "user", "any");
  const [users, invitations] = await Promise.all([listUsers(), listOpenInvitations()]);
  return { me: user.id, users, invitations };
}

type ActionResult = {
  intent: string;
  errors: FieldErrors;
  message: string | null;
  values: FormValues;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const intent = new URL(request.url).searchParams.get("intent");
  const ip = context?.clientIp;
  const fail = (r: Omit<ActionResult, "intent">, status = 400) =>
    data<ActionResult>({ intent: intent ?? "", ...r }, { status });
  try {
    if (intent === "invite") {
      const { user } = await requirePermission(request, context, "create", "user", "any");
      const form = await parseForm(request, inviteSchema);
      if (!form.ok) return fail({ errors: form.errors, message: null, values: form.values });
      const { delivered } = await inviteUser(user, form.data, ip);
      return redirectWithToast("/verwaltung", {
        kind: "success",
        // Say what happened: without an email service the invitation only waits in the outbox.
        text: t(delivered ? "admin.invited" : "admin.invitedHeld", { email: form.data.email }),
      });
    }
    if (intent === "role") {
      const { user } = await requirePermission(request, context, "update", "user", "any");
      const form = await parseForm(request, roleSchema);
      if (!form.ok)
        return fail({
          errors: form.errors,
          message: t("field.invalidChoice"),
          values: form.values,
        });
      const changed = await changeRole(user, form.data.userId, form.data.role, ip);
      if (!changed) throw new Response("Not Found", { status: 404 });
      return redirectWithToast("/verwaltung", {
        kind: "success",
        text: t("admin.roleChanged", { name: changed.name, role: labelOf("role", form.data.role) }),
      });
    }
    if (intent === "active") {
      const { user } = await requirePermission(request, context, "update", "user", "any");
      const form = await parseForm(request, activeSchema);
      if (!form.ok)
        return fail({
          errors: form.errors,
          message: t("field.invalidChoice"),
          values: form.values,
        });
      const active = form.data.active === "1";
      const changed = await setUserActive(user, form.data.userId, active, ip);
      if (!changed) throw new Response("Not Found", { status: 404 });
      return redirectWithToast("/verwaltung", {
        kind: "success",
        text: t(active ? "admin.reactivated" : "admin.deactivated", { name: changed.name }),
      });
    }
  } catch (error) {
    if (error instanceof UserInputError) {
      return fail({
        errors: { [error.field]: [error.message] },
        message: error.message,
        values: {},
      });
    }
    throw error;
  }
  await requirePermission(request, context, "update", "user", "any");
  throw new Response("Bad Request", { status: 400 });
}

const roleOptions = ROLES.map((r) => ({ value: r, label: labelOf("role", r) }));

export default function AdminUsersPage() {
  const { me, users, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const inviteResult = result?.intent === "invite" ? result : null;
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <nav className="tabs" aria-label={t("admin.title")}>
        <Link to="/verwaltung" aria-current="page">
          {t("admin.users")}
        </Link>
        <Link to="/verwaltung/postausgang">{t("admin.outbox")}</Link>
      </nav>
      {result && result.intent !== "invite" ? <FormError message={result.message} /> : null}
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t("admin.users")}</h2>
        <TableWrap label={t("admin.users")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">{t("admin.role")}</th>
                <th scope="col">{t("admin.status")}</th>
                <th scope="col">{t("admin.lastLogin")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>
                    {u.id === me ? (
                      labelOf("role", u.role as (typeof ROLES)[number])
                    ) : (
                      <Form method="post" action="?intent=role" className="inline-form">
                        <input type="hidden" name="userId" value={u.id} />
                        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                          {t("admin.changeRole")}: {u.name}
                        </label>
                        <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                          {roleOptions.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button-small">
                          {t("admin.saveRole")}
                        </button>
                      </Form>
                    )}
                  </td>
                  <td>
                    {u.active ? t("admin.active") : t("admin.inactive")}
                    {u.id !== me ? (
                      <Form method="post" action="?intent=active" className="inline-form">
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="active" value={u.active ? "0" : "1"} />
                        <button type="submit" className="button button-small">
                          {u.active ? t("admin.deactivate") : t("admin.reactivate")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t("admin.never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t("admin.invite")}</h2>
        <Form method="post" action="?intent=invite" noValidate className="form-grid">
          <TextField
            label={t("admin.name")}
            name="name"
            required
            maxLength={120}
            defaultValue={inviteResult?.values.name}
            error={inviteResult?.errors.name}
          />
          <TextField
            label={t("admin.email")}
            name="email"
            type="email"
            required
            maxLength={254}
            defaultValue={inviteResult?.values.email}
            error={inviteResult?.errors.email}
          />
          <SelectField
            label={t("admin.role")}
            name="role"
            options={roleOptions}
            defaultValue={inviteResult?.values.role ?? "jobcoach"}
            error={inviteResult?.errors.role}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("admin.sendInvite")}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="inv-title">
        <h2 id="inv-title">{t("admin.pendingInvitations")}</h2>
        {invitations.length === 0 ? (
          <p>{t("admin.noInvitations")}</p>
        ) : (
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.name} ({i.email}, {labelOf("role", i.role as (typeof ROLES)[number])}) –{" "}
                {t("admin.expiresAt")} {formatDateTime(i.expiresAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
