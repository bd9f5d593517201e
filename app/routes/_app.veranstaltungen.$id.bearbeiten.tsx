import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { EventForm } from "~/components/event-form";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { getEvent, updateEvent } from "~/modules/event/editing.server";
import { eventFormDefaults, eventUpdateSchema } from "~/modules/event/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("event.editTitle", { title: data?.title ?? "" })} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "update", "event");
  const event = await getEvent(params.id ?? "");
  if (!event) notFound();
  return {
    id: event.id,
    title: event.title,
    version: event.version,
    defaults: eventFormDefaults(event),
    users: await listAssignableUsers(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "event");
  const id = params.id ?? "";
  return submitForm(request, eventUpdateSchema, async (input) => {
    const { title } = await updateEvent(user, id, input, { ip: context?.clientIp });
    return redirectWithToast(`/veranstaltungen/${id}`, {
      kind: "success",
      text: t("event.saved", { title }),
    });
  });
}

export default function EditEventPage() {
  const { id, title, version, defaults, users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("event.editTitle", { title })}</h1>
      <EventForm
        defaults={defaults}
        reply={useActionData<typeof action>()}
        users={users}
        version={version}
        cancelTo={`/veranstaltungen/${id}`}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
