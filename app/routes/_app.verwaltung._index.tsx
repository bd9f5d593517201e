import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError, SelectField, TextField, useSchemaForm } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { labelledOptions, labelOf } from "~/labels";
import { formatDateTime } from "~/lib/day";
import type { FormReply } from "~/lib/forms";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t, tn } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { ROLES } from "~/modules/auth/permissions";
import {
  activeSchema,
  invitationIdSchema,
  inviteSchema,
  roleSchema,
  userIdSchema,
} from "~/modules/auth/schema";
import { resetSecondFactor } from "~/modules/auth/second-factor.server";
import {
  changeRole,
  inviteUser,
  listOpenInvitations,
  listUsers,
  resendInvitation,
  revokeInvitation,
  setUserActive,
} from "~/modules/auth/users.server";
import { backupStatus } from "~/modules/backup/backup.server";

export const meta: MetaFunction = () => [{ title: `${t("admin.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "user", "any");
  const [users, invitations] = await Promise.all([listUsers(), listOpenInvitations()]);
  return { me: user.id, users, invitations, backup: backupStatus() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = context?.clientIp;
  const back = (text: string) => redirectWithToast("/verwaltung", { kind: "success", text });
  const admin = async (action: "create" | "update") =>
    (await requirePermission(request, context, action, "user", "any")).user;
  return dispatchIntent(
    request,
    {
      invite: async () => {
        const user = await admin("create");
        return submitForm(request, inviteSchema, async (input) => {
          const { delivered } = await inviteUser(user, input, ip);
          // Say what happened: without an email service the invitation only waits in the outbox.
          return back(t(delivered ? "admin.invited" : "admin.invitedHeld", { email: input.email }));
        });
      },
      role: async () => {
        const user = await admin("update");
        return submitForm(request, roleSchema, async ({ userId, role }) => {
          const changed = await changeRole(user, userId, role, ip);
          if (!changed) throw new Response("Not Found", { status: 404 });
          return back(t("admin.roleChanged", { name: changed.name, role: labelOf("role", role) }));
        });
      },
      resend: async () => {
        const user = await admin("create");
        return submitForm(request, invitationIdSchema, async ({ invitationId }) => {
          const { delivered } = await resendInvitation(user, invitationId, ip);
          return back(t(delivered ? "admin.resent" : "admin.resentHeld"));
        });
      },
      revoke: async () => {
        const user = await admin("create");
        return submitForm(request, invitationIdSchema, async ({ invitationId }) => {
          await revokeInvitation(user, invitationId, ip);
          return back(t("admin.revoked"));
        });
      },
      "totp-reset": async () => {
        const user = await admin("update");
        return submitForm(request, userIdSchema, async ({ userId }) => {
          const { name } = await resetSecondFactor(user, userId, ip);
          return back(t("totp.resetDone", { name }));
        });
      },
      active: async () => {
        const user = await admin("update");
        return submitForm(request, activeSchema, async ({ userId, active }) => {
          const changed = await setUserActive(user, userId, active === "1", ip);
          if (!changed) throw new Response("Not Found", { status: 404 });
          return back(
            t(active === "1" ? "admin.reactivated" : "admin.deactivated", { name: changed.name }),
          );
        });
      },
    },
    "invite",
  );
}

const roleOptions = labelledOptions("role", ROLES);

type BackupView = {
  latest: { file: string; createdAt: string; integrity: string } | null;
  ageHours: number | null;
  daily: boolean;
  keepDays: number;
  stale: boolean;
};

/** The newest backup and its age; a warning when there is none of the last two days. */
function BackupPanel({ backup }: { backup: BackupView }) {
  return (
    <section className="panel" aria-labelledby="sicherung">
      <h2 id="sicherung">{t("backup.title")}</h2>
      {backup.latest ? (
        <p className={backup.stale ? "notice notice-warn" : undefined}>
          {t("backup.latest", {
            when: formatDateTime(backup.latest.createdAt),
            age:
              (backup.ageHours ?? 0) < 48
                ? tn("backup.ageHours", backup.ageHours ?? 0)
                : tn("backup.ageDays", Math.floor((backup.ageHours ?? 0) / 24)),
          })}{" "}
          {backup.latest.integrity === "ok" ? t("backup.checked") : null}
        </p>
      ) : (
        <p className="notice notice-warn">{t("backup.none")}</p>
      )}
      <p className="field-hint">
        {backup.daily
          ? t("backup.daily", { days: backup.keepDays })
          : t("backup.manual", { days: backup.keepDays })}
      </p>
    </section>
  );
}

/** Inviting a colleague: name, email and role; the link goes out by email. */
function InviteForm({ reply }: { reply?: FormReply | null }) {
  const form = useSchemaForm(inviteSchema, {
    intent: "invite",
    reply,
    defaults: { role: "jobcoach" },
  });
  return (
    <Form {...form.props} className="form-grid">
      <FormError message={form.message} />
      <TextField label={t("admin.name")} required maxLength={120} {...form.field("name")} />
      <TextField
        label={t("admin.email")}
        type="email"
        required
        maxLength={254}
        {...form.field("email")}
      />
      <SelectField label={t("admin.role")} options={roleOptions} {...form.field("role")} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t("admin.sendInvite")}
        </button>
      </div>
    </Form>
  );
}

export default function AdminUsersPage() {
  const { me, users, invitations, backup } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <AdminTabs current="/verwaltung" />
      <BackupPanel backup={backup} />
      {/* Role and activation are buttons in the table; their refusal is said here. */}
      {reply && reply.intent !== "invite" ? (
        <FormError message={reply.message ?? Object.values(reply.errors)[0]?.[0]} />
      ) : null}
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
                  <td>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t("admin.never")}
                    {u.totpEnabledAt && u.id !== me ? (
                      <Form method="post" action="?intent=totp-reset" className="inline-form">
                        <input type="hidden" name="userId" value={u.id} />
                        <button
                          type="submit"
                          className="button button-small"
                          aria-label={`${t("totp.reset")}: ${u.name}`}
                        >
                          {t("totp.reset")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t("admin.invite")}</h2>
        <InviteForm reply={reply} />
      </section>
      <section aria-labelledby="inv-title">
        <h2 id="inv-title">{t("admin.pendingInvitations")}</h2>
        {invitations.length === 0 ? (
          <p>{t("admin.noInvitations")}</p>
        ) : (
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.name} ({i.email}, {labelOf("role", i.role)}) –{" "}
                {i.expired ? t("admin.expired") : t("admin.expiresAt")}{" "}
                {formatDateTime(i.expiresAt)}
                <Form method="post" action="?intent=resend" className="inline-form">
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button
                    type="submit"
                    className="button button-small"
                    aria-label={`${t("admin.resend")}: ${i.name}`}
                  >
                    {t("admin.resend")}
                  </button>
                </Form>
                <Form method="post" action="?intent=revoke" className="inline-form">
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button
                    type="submit"
                    className="button button-small"
                    aria-label={`${t("admin.revoke")}: ${i.name}`}
                  >
                    {t("admin.revoke")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
