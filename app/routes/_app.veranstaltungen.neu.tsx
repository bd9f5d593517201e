import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { EventForm } from "~/components/event-form";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { createEvent } from "~/modules/event/editing.server";
import { eventFormSchema } from "~/modules/event/schema";

export const meta: MetaFunction = () => [{ title: `${t("event.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "event");
  return { users: await listAssignableUsers(), me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "event");
  return submitForm(request, eventFormSchema, async (input) => {
    const event = await createEvent(user, input, { ip: context?.clientIp });
    return redirectWithToast(`/veranstaltungen/${event.id}`, {
      kind: "success",
      text: t("event.created", { title: event.title }),
    });
  });
}

export default function NewEventPage() {
  const { users, me } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("event.new")}</h1>
      <EventForm
        defaults={{
          type: "info_teilzeit",
          organiserId: me,
          forCompanies: true,
          publicRegistration: true,
        }}
        reply={useActionData<typeof action>()}
        users={users}
        cancelTo="/veranstaltungen"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
