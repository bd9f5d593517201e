import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ContactForm } from "~/components/contact-form";
import { PageErrorBoundary } from "~/components/error-page";
import { dispatchIntent, orThrow, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listAssignableUsers } from "~/modules/company/detail.server";
import {
  archiveContact,
  getContact,
  listCompanyChoices,
  updateContact,
} from "~/modules/contact/editing.server";
import { contactUpdateSchema } from "~/modules/contact/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("contact.editTitle", { name: data?.name ?? "" })} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "contact");
  const contact = await getContact(params.id ?? "");
  if (!contact) notFound();
  const [companies, users] = await Promise.all([listCompanyChoices(), listAssignableUsers()]);
  const s = (v: string | null) => v ?? "";
  const defaults = {
    salutation: s(contact.salutation),
    firstName: contact.firstName,
    lastName: contact.lastName,
    function: s(contact.function),
    email: s(contact.email),
    phone: s(contact.phone),
    mobile: s(contact.mobile),
    companyId: s(contact.companyId),
    multiplierType: s(contact.multiplierType),
    ownerId: s(contact.ownerId),
    notes: s(contact.notes),
  };
  const mayArchive =
    can(user.role, "archive", "contact", "any") ||
    (can(user.role, "archive", "contact", "own") && contact.ownerId === user.id);
  return {
    id: contact.id,
    name: `${contact.firstName} ${contact.lastName}`,
    version: contact.version,
    defaults,
    companies,
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
        const { user, scope } = await requirePermission(request, context, "archive", "contact");
        const { name } = await orThrow(archiveContact(user, scope, id, meta));
        return redirectWithToast("/kontakte", {
          kind: "success",
          text: t("contact.archived", { name }),
        });
      },
      save: async () => {
        const { user } = await requirePermission(request, context, "update", "contact");
        return submitForm(request, contactUpdateSchema, async (input) => {
          const { name } = await updateContact(user, id, input, meta);
          return redirectWithToast(`/kontakte/${id}`, {
            kind: "success",
            text: t("contact.saved", { name }),
          });
        });
      },
    },
    "save",
  );
}

export default function EditContactPage() {
  const { id, name, version, defaults, companies, users, mayArchive } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("contact.editTitle", { name })}</h1>
      <ContactForm
        defaults={defaults}
        reply={useActionData<typeof action>()}
        companies={companies}
        users={users}
        version={version}
        cancelTo={`/kontakte/${id}`}
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
