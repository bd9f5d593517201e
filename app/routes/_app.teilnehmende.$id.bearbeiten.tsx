import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { ParticipantForm } from "~/components/participant-form";
import { dispatchIntent, orThrow, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { archiveParticipant, updateParticipant } from "~/modules/participant/editing.server";
import { participantFormDefaults, participantUpdateSchema } from "~/modules/participant/schema";
import { getParticipant, participantFormOptions } from "~/modules/participant/service.server";
import { AGE_LIMIT } from "~/modules/participant/values";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${t("participant.editTitle", { name: data?.name ?? "" })} – ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "update", "participant");
  const p = await getParticipant(user, scope, params.id ?? "", {
    ip: context?.clientIp,
    purpose: "Bearbeiten",
  });
  if (!p) notFound();
  const { id, version, ageAtEntry, firstName, lastName } = p;
  return {
    id,
    version,
    name: `${firstName} ${lastName}`,
    ageWarning: ageAtEntry >= AGE_LIMIT ? t("participant.ageWarning", { age: ageAtEntry }) : null,
    defaults: participantFormDefaults(p),
    mayArchive: can(user.role, "archive", "participant"),
    ...(await participantFormOptions(scope)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  return dispatchIntent(
    request,
    {
      archive: async () => {
        const { user, scope } = await requirePermission(request, context, "archive", "participant");
        const { name } = await orThrow(archiveParticipant(user, scope, id, meta));
        return redirectWithToast("/teilnehmende", {
          kind: "success",
          text: t("participant.archived", { name }),
        });
      },
      save: async () => {
        const { user, scope } = await requirePermission(request, context, "update", "participant");
        return submitForm(request, participantUpdateSchema, async (input) => {
          const { name } = await updateParticipant(user, scope, id, input, meta);
          return redirectWithToast(`/teilnehmende/${id}`, {
            kind: "success",
            text: t("participant.saved", { name }),
          });
        });
      },
    },
    "save",
  );
}

export default function EditParticipantPage() {
  const { id, version, name, ageWarning, defaults, districts, occupations, coaches, mayArchive } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("participant.editTitle", { name })}</h1>
      <ParticipantForm
        defaults={defaults}
        reply={useActionData<typeof action>()}
        districts={districts}
        occupations={occupations}
        coaches={coaches}
        version={version}
        ageWarning={ageWarning}
        cancelTo={`/teilnehmende/${id}`}
      />
      {mayArchive ? (
        <Form method="post" action="?intent=archive" className="danger-zone">
          <button type="submit" className="button">
            {t("participant.archive")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
