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
import { requirePermission } from "~/modules/auth/guard.server";
import { listAssignableUsers } from "~/modules/company/detail.server";
import { createEvent } from "~/modules/event/editing.server";
import { EVENT_CHECKBOXES, eventFormSchema } from "~/modules/event/schema";

export const meta: MetaFunction = () => [{ title: `${t("event.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "event");
  return { users: await listAssignableUsers(), me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "event");
  const form = await parseForm(request, eventFormSchema);
  const values = echoFormValues(form.values, EVENT_CHECKBOXES);
  if (!form.ok) return data({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    const event = await createEvent(user, form.data, { ip: context?.clientIp });
    return redirectWithToast(`/veranstaltungen/${event.id}`, {
      kind: "success",
      text: t("event.created", { title: event.title }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    return data({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function NewEventPage() {
  const { users, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const defaults = result?.values ?? {
    type: "info_teilzeit",
    organiserId: me,
    forCompanies: true,
    publicRegistration: true,
  };
  return (
    <>
      <h1>{t("event.new")}</h1>
      <FormError message={result?.message} />
      <EventForm
        key={JSON.stringify(defaults)}
        defaults={defaults}
        errors={result?.errors}
        users={users}
        cancelTo="/veranstaltungen"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
