import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContactForm } from "~/components/contact-form";
import { PageErrorBoundary } from "~/components/error-page";
import { submitForm } from "~/lib/forms.server";
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
  return submitForm(request, contactFormSchema, async (input) => {
    const contact = await createContact(user, input, { ip: context?.clientIp });
    return redirectWithToast(
      input.companyId ? `/unternehmen/${input.companyId}` : `/kontakte/${contact.id}`,
      {
        kind: "success",
        text: t("contact.created", { name: `${contact.firstName} ${contact.lastName}` }),
      },
    );
  });
}

export default function NewContactPage() {
  const { companies, users, defaults } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("contact.new")}</h1>
      <ContactForm
        defaults={defaults}
        reply={useActionData<typeof action>()}
        companies={companies}
        users={users}
        cancelTo={defaults.companyId ? `/unternehmen/${defaults.companyId}` : "/kontakte"}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
