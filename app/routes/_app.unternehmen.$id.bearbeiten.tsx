import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CompanyForm } from "~/components/company-form";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { echoFormValues, errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { getCompany, listAssignableUsers } from "~/modules/company/detail.server";
import { archiveCompany, type Conflict, updateCompany } from "~/modules/company/editing.server";
import {
  COMPANY_CHECKBOXES,
  companyFormDefaults,
  companyUpdateSchema,
} from "~/modules/company/schema";
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

type Result = {
  errors: Record<string, string[] | undefined>;
  message: string | null;
  values: Record<string, string | boolean>;
  conflict?: Conflict;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  if (new URL(request.url).searchParams.get("intent") === "archive") {
    const { user, scope } = await requirePermission(request, context, "archive", "company");
    try {
      const { name } = await archiveCompany(user, scope, id, { ip: context?.clientIp });
      return redirectWithToast("/unternehmen", {
        kind: "success",
        text: t("company.archived", { name }),
      });
    } catch (error) {
      const e = errorsFrom(error);
      throw new Response(e.message, { status: e.status });
    }
  }
  const { user } = await requirePermission(request, context, "update", "company");
  const form = await parseForm(request, companyUpdateSchema);
  const values = echoFormValues(form.values, COMPANY_CHECKBOXES);
  if (!form.ok)
    return data<Result>({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    const result = await updateCompany(user, id, form.data, { ip: context?.clientIp });
    if (!result.ok)
      return data<Result>(
        { errors: {}, message: null, values, conflict: result.conflict },
        { status: 409 },
      );
    return redirectWithToast(`/unternehmen/${id}`, {
      kind: "success",
      text: t("company.saved", { name: result.name }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data<Result>({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function EditCompanyPage() {
  const { company, defaults, districts, users, mayArchive } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const conflict = result?.conflict;
  const values = result?.values ?? defaults;
  return (
    <>
      <h1>{t("company.editTitle", { name: company.name })}</h1>
      <FormError message={result?.message} />
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
        key={JSON.stringify(values) + (conflict?.version ?? company.version)}
        defaults={values}
        serverErrors={result?.errors}
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
