import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { LegalHolds } from "~/components/legal-holds";
import { ProjectForm } from "~/components/project-form";
import { formatDate } from "~/lib/day";
import { dispatchIntent, submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { can } from "~/modules/auth/permissions";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { projectUpdateSchema } from "~/modules/reporting/project-schema";
import { projectFormValues, saveProject } from "~/modules/reporting/projects.server";
import { holdsOf, liftHold, setHold } from "~/modules/retention/holds.server";
import { holdSchema, liftHoldSchema } from "~/modules/retention/schema";

export const meta: MetaFunction = () => [{ title: `${t("project.edit")} – ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "project", "any");
  const project = await projectFormValues(params.id ?? "");
  if (!project) notFound();
  return {
    districts: await listServedDistricts(),
    version: project.version,
    defaults: {
      name: project.name,
      funder: project.funder,
      startDate: formatDate(project.startDate),
      endDate: formatDate(project.endDate),
      lastPaymentOn: project.lastPaymentOn ? formatDate(project.lastPaymentOn) : "",
      districts: project.districts,
      ...project.targets,
    },
    holds: can(user.role, "update", "retention", "any")
      ? await holdsOf({ projectId: project.id })
      : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "project", "any");
  const id = params.id ?? "";
  const meta = { ip: context?.clientIp };
  const back = (text: string) =>
    redirectWithToast(`/berichte/projekte/${id}`, { kind: "success", text });
  return dispatchIntent(
    request,
    {
      save: () =>
        submitForm(
          request,
          projectUpdateSchema,
          async (input) => {
            const project = await saveProject(user, id, input, meta);
            return redirectWithToast("/berichte/projekte", {
              kind: "success",
              text: t("project.saved", { name: project.name }),
            });
          },
          { multi: ["districts"] },
        ),
      hold: async () => {
        await requirePermission(request, context, "update", "retention", "any");
        return submitForm(request, holdSchema, async (input) => {
          await setHold(user, { projectId: id }, input, meta);
          return back(t("hold.saved"));
        });
      },
      unhold: async () => {
        await requirePermission(request, context, "update", "retention", "any");
        return submitForm(request, liftHoldSchema, async ({ holdId }) => {
          await liftHold(user, { projectId: id }, holdId, meta);
          return back(t("hold.lifted"));
        });
      },
    },
    "save",
  );
}

export default function EditProjectPage() {
  const { districts, defaults, version, holds } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>{t("project.edit")}</h1>
      <ProjectForm defaults={defaults} reply={reply} districts={districts} version={version} />
      {holds ? <LegalHolds holds={holds} reply={reply} /> : null}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
