import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CompanyForm } from "~/components/company-form";
import { PageErrorBoundary } from "~/components/error-page";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { DuplicateError } from "~/modules/company/duplicates.server";
import { createCompany } from "~/modules/company/editing.server";
import { companyFormSchema } from "~/modules/company/schema";
import { listServedDistricts } from "~/modules/reference/lists.server";

export const meta: MetaFunction = () => [{ title: `${t("company.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  const [districts, users] = await Promise.all([listServedDistricts(), listAssignableUsers()]);
  return { districts, users, me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "company");
  return submitForm(
    request,
    companyFormSchema,
    async (input, formData) => {
      const company = await createCompany(user, input, {
        ip: context?.clientIp,
        allowDuplicate: formData.get("confirmDuplicate") === "on",
      });
      return redirectWithToast(`/unternehmen/${company.id}`, {
        kind: "success",
        text: t("company.created", { name: company.name }),
      });
    },
    { detail: (e) => (e instanceof DuplicateError ? { duplicates: e.candidates } : undefined) },
  );
}

export default function NewCompanyPage() {
  const { districts, users, me } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("company.new")}</h1>
      <CompanyForm
        defaults={{ outreachStatus: "neu", partTimeReadiness: "offen", ownerId: me }}
        reply={useActionData<typeof action>()}
        districts={districts}
        users={users}
        cancelTo="/unternehmen"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
