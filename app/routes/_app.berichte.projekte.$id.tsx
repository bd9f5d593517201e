import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { ProjectForm } from "~/components/project-form";
import { formatDate } from "~/lib/day";
import { errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { notFound, requirePermission } from "~/modules/auth/guard.server";
import { listServedDistricts } from "~/modules/reference/lists.server";
import {
  projectFormValues,
  projectUpdateSchema,
  saveProject,
} from "~/modules/reporting/projects.server";

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
      districts: project.districts,
      ...project.targets,
    } as Record<string, string | string[]>,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "project", "any");
  const form = await parseForm(request, projectUpdateSchema, ["districts"]);
  if (!form.ok)
    return data({ errors: form.errors, message: null, values: form.values }, { status: 400 });
  try {
    const project = await saveProject(user, params.id ?? "", form.data, { ip: context?.clientIp });
    return redirectWithToast("/berichte/projekte", {
      kind: "success",
      text: t("project.saved", { name: project.name }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    if (e.status === 404) throw new Response(e.message, { status: 404 });
    return data(
      { errors: e.errors, message: e.message, values: form.values },
      { status: e.status },
    );
  }
}

export default function EditProjectPage() {
  const { districts, defaults, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? defaults;
  return (
    <>
      <h1>{t("project.edit")}</h1>
      <FormError message={result?.message} />
      <ProjectForm
        key={JSON.stringify(values)}
        defaults={values}
        errors={result?.errors}
        districts={districts}
        version={version}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
