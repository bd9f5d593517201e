import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContactForm } from "~/components/contact-form";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { createContact, listCompanyChoices } from "~/modules/contact/editing.server";
import { contactFormSchema } from "~/modules/contact/schema";

export const meta: MetaFunction = () => [{ title: `${t("contact.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "contact");
  const [companies, users] = await Promise.all([listCompanyChoices(), listAssignableUsers()]);
  const companyId = new URL(request.url).searchParams.get("unternehmen") ?? "";
  return {
    companies,
    users,
    defaults: {
      companyId: companies.some((c) => c.id === companyId) ? companyId : "",
      ownerId: user.id,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "contact");
  const form = await parseForm(request, contactFormSchema);
  const values = form.values as Record<string, string>;
  if (!form.ok) return data({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    const contact = await createContact(user, form.data, { ip: context?.clientIp });
    const back = form.data.companyId
      ? `/unternehmen/${form.data.companyId}`
      : `/kontakte/${contact.id}`;
    return redirectWithToast(back, {
      kind: "success",
      text: t("contact.created", { name: `${contact.firstName} ${contact.lastName}` }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    return data({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function NewContactPage() {
  const { companies, users, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("contact.new")}</h1>
      <FormError message={result?.message} />
      <ContactForm
        defaults={result?.values ?? defaults}
        errors={result?.errors}
        companies={companies}
        users={users}
        cancelTo={defaults.companyId ? `/unternehmen/${defaults.companyId}` : "/kontakte"}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
