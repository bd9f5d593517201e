import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { EventForm } from "~/components/event-form";
import { FormError } from "~/components/form";
import { echoFormValues, errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { getEvent, updateEvent } from "~/modules/event/editing.server";
import { EVENT_CHECKBOXES, eventFormDefaults, eventUpdateSchema } from "~/modules/event/schema";

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
  const form = await parseForm(request, eventUpdateSchema);
  const values = echoFormValues(form.values, EVENT_CHECKBOXES);
  if (!form.ok) return data({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    const { title } = await updateEvent(user, id, form.data, { ip: context?.clientIp });
    return redirectWithToast(`/veranstaltungen/${id}`, {
      kind: "success",
      text: t("event.saved", { title }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function EditEventPage() {
  const { id, title, version, defaults, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? defaults;
  return (
    <>
      <h1>{t("event.editTitle", { title })}</h1>
      <FormError message={result?.message} />
      <EventForm
        key={JSON.stringify(values)}
        defaults={values}
        errors={result?.errors}
        users={users}
        version={version}
        cancelTo={`/veranstaltungen/${id}`}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
