import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { ProjectForm } from "~/components/project-form";
import { formatDate } from "~/lib/day";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { projectUpdateSchema } from "~/modules/reporting/project-schema";
import { projectFormValues, saveProject } from "~/modules/reporting/projects.server";

export const meta: MetaFunction = () => [{ title: `${t("project.edit")} – ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "update", "project", "any");
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
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "project", "any");
  return submitForm(
    request,
    projectUpdateSchema,
    async (input) => {
      const project = await saveProject(user, params.id ?? "", input, { ip: context?.clientIp });
      return redirectWithToast("/berichte/projekte", {
        kind: "success",
        text: t("project.saved", { name: project.name }),
      });
    },
    { multi: ["districts"] },
  );
}

export default function EditProjectPage() {
  const { districts, defaults, version } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("project.edit")}</h1>
      <ProjectForm
        defaults={defaults}
        reply={useActionData<typeof action>()}
        districts={districts}
        version={version}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
