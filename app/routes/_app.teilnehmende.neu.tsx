import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { ParticipantForm } from "~/components/participant-form";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { createParticipant } from "~/modules/participant/editing.server";
import { participantFormSchema } from "~/modules/participant/schema";
import { participantFormOptions } from "~/modules/participant/service.server";

export const meta: MetaFunction = () => [{ title: `${t("participant.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "create", "participant");
  return { ...(await participantFormOptions(scope)), me: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "create", "participant");
  return submitForm(request, participantFormSchema, async (input) => {
    const p = await createParticipant(user, scope, input, { ip: context?.clientIp });
    return redirectWithToast(`/teilnehmende/${p.id}`, {
      kind: "success",
      text: t("participant.created", { name: `${p.firstName} ${p.lastName}` }),
    });
  });
}

export default function NewParticipantPage() {
  const { districts, occupations, coaches, me } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("participant.new")}</h1>
      <ParticipantForm
        defaults={{ status: "interessiert", usesPublicTransport: true, coachId: me }}
        reply={useActionData<typeof action>()}
        districts={districts}
        occupations={occupations}
        coaches={coaches}
        cancelTo="/teilnehmende"
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
