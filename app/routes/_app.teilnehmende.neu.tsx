import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { ParticipantForm } from "~/components/participant-form";
import { echoFormValues, errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { createParticipant } from "~/modules/participant/editing.server";
import { PARTICIPANT_CHECKBOXES, participantFormSchema } from "~/modules/participant/schema";
import { participantFormOptions } from "~/modules/participant/service.server";

export const meta: MetaFunction = () => [{ title: `${t("participant.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "create", "participant");
  return { ...(await participantFormOptions(scope)), me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "create", "participant");
  const form = await parseForm(request, participantFormSchema);
  const values = echoFormValues(form.values, PARTICIPANT_CHECKBOXES);
  if (!form.ok) return data({ errors: form.errors, message: null, values }, { status: 400 });
  try {
    const p = await createParticipant(user, scope, form.data, { ip: context?.clientIp });
    return redirectWithToast(`/teilnehmende/${p.id}`, {
      kind: "success",
      text: t("participant.created", { name: `${p.firstName} ${p.lastName}` }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    return data({ errors: e.errors, message: e.message, values }, { status: e.status });
  }
}

export default function NewParticipantPage() {
  const { districts, occupations, coaches, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const defaults = result?.values ?? {
    status: "interessiert",
    usesPublicTransport: true,
    coachId: me,
  };
  return (
    <>
      <h1>{t("participant.new")}</h1>
      <FormError message={result?.message} />
      <ParticipantForm
        key={JSON.stringify(defaults)}
        defaults={defaults}
        errors={result?.errors}
        districts={districts}
        occupations={occupations}
        coaches={coaches}
        cancelTo="/teilnehmende"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
