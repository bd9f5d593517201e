import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { ProjectForm } from "~/components/project-form";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { projectSchema } from "~/modules/reporting/project-schema";
import { saveProject } from "~/modules/reporting/projects.server";

export const meta: MetaFunction = () => [{ title: `${t("project.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "create", "project", "any");
  return { districts: await listServedDistricts() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "project", "any");
  return submitForm(
    request,
    projectSchema,
    async (input) => {
      const project = await saveProject(user, null, input, { ip: context?.clientIp });
      return redirectWithToast("/berichte/projekte", {
        kind: "success",
        text: t("project.saved", { name: project.name }),
      });
    },
    { multi: ["districts"] },
  );
}

export default function NewProjectPage() {
  const { districts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("project.new")}</h1>
      <ProjectForm
        defaults={{ districts: districts.map((d) => d.ags) }}
        reply={useActionData<typeof action>()}
        districts={districts}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
