import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CompanyForm } from "~/components/company-form";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { echoFormValues, errorsFrom, parseFormData } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { DuplicateError } from "~/modules/company/duplicates.server";
import { createCompany } from "~/modules/company/editing.server";
import { COMPANY_CHECKBOXES, companyFormSchema } from "~/modules/company/schema";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction = () => [{ title: `${t("company.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  const [districts, users] = await Promise.all([listServedDistricts(), listAssignableUsers()]);
  return { districts, users, me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  const formData = await request.formData();
  const form = parseFormData(formData, companyFormSchema);
  if (!form.ok)
    return data(
      {
        errors: form.errors,
        message: null,
        values: echoFormValues(form.values, COMPANY_CHECKBOXES),
      },
      { status: 400 },
    );
  try {
    const company = await createCompany(user, form.data, {
      ip: context?.clientIp,
      allowDuplicate: formData.get("confirmDuplicate") === "on",
    });
    return redirectWithToast(`/unternehmen/${company.id}`, {
      kind: "success",
      text: t("company.created", { name: company.name }),
    });
  } catch (error) {
    if (error instanceof DuplicateError) {
      return data(
        {
          errors: {},
          message: null,
          values: echoFormValues(form.values, COMPANY_CHECKBOXES),
          duplicates: error.candidates,
        },
        { status: 409 },
      );
    }
    const e = errorsFrom(error);
    return data(
      {
        errors: e.errors,
        message: e.message,
        values: echoFormValues(form.values, COMPANY_CHECKBOXES),
      },
      { status: e.status },
    );
  }
}

export default function NewCompanyPage() {
  const { districts, users, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const defaults = result?.values ?? {
    outreachStatus: "neu",
    partTimeReadiness: "offen",
    ownerId: me,
  };
  return (
    <>
      <h1>{t("company.new")}</h1>
      <FormError message={result?.message} />
      <CompanyForm
        key={JSON.stringify(defaults)}
        defaults={defaults}
        serverErrors={result?.errors}
        duplicates={result && "duplicates" in result ? result.duplicates : undefined}
        districts={districts}
        users={users}
        cancelTo="/unternehmen"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
