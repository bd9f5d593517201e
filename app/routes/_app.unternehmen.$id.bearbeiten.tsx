import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CompanyForm } from "~/components/company-form";
import { PageErrorBoundary } from "~/components/error-page";
import { dispatchIntent, orThrow, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getCompany, listAssignableUsers } from "~/modules/company/detail.server";
import { archiveCompany, ConflictError, updateCompany } from "~/modules/company/editing.server";
import { companyFormDefaults, companyUpdateSchema } from "~/modules/company/schema";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("company.editTitle", { name: data?.company.name ?? "" })} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "company");
  const company = await getCompany(params.id ?? "");
  if (!company) notFound();
  const [districts, users] = await Promise.all([listServedDistricts(), listAssignableUsers()]);
  const mayArchive =
    can(user.role, "archive", "company", "any") ||
    (can(user.role, "archive", "company", "own") && company.ownerId === user.id);
  return {
    company: { id: company.id, name: company.name, version: company.version },
    defaults: companyFormDefaults(company),
    districts,
    users,
    mayArchive,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  return dispatchIntent(
    request,
    {
      archive: async () => {
        const { user, scope } = await requirePermission(request, context, "archive", "company");
        const { name } = await orThrow(archiveCompany(user, scope, id, meta));
        return redirectWithToast("/unternehmen", {
          kind: "success",
          text: t("company.archived", { name }),
        });
      },
      save: async () => {
        const { user } = await requirePermission(request, context, "update", "company");
        return submitForm(
          request,
          companyUpdateSchema,
          async (input) => {
            const result = await updateCompany(user, id, input, meta);
            if (!result.ok) throw new ConflictError(result.conflict);
            return redirectWithToast(`/unternehmen/${id}`, {
              kind: "success",
              text: t("company.saved", { name: result.name }),
            });
          },
          { detail: (e) => (e instanceof ConflictError ? { conflict: e.conflict } : undefined) },
        );
      },
    },
    "save",
  );
}

export default function EditCompanyPage() {
  const { company, defaults, districts, users, mayArchive } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const conflict = reply?.detail?.conflict;
  return (
    <>
      <h1>{t("company.editTitle", { name: company.name })}</h1>
      {conflict ? (
        <div className="form-error" role="alert">
          <p>
            {t("company.conflict", { name: company.name, who: conflict.who, when: conflict.when })}
          </p>
          <ul>
            {conflict.fields.map((f) => (
              <li key={f.label}>
                {t("company.conflictField", { field: f.label, current: f.current, mine: f.mine })}
              </li>
            ))}
          </ul>
          <p>{t("company.conflictHint")}</p>
        </div>
      ) : null}
      <CompanyForm
        defaults={defaults}
        reply={reply}
        districts={districts}
        users={users}
        version={conflict?.version ?? company.version}
        cancelTo={`/unternehmen/${company.id}`}
      />
      {mayArchive ? (
        <Form method="post" action="?intent=archive" className="danger-zone">
          <button type="submit" className="button">
            {t("company.archive")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
