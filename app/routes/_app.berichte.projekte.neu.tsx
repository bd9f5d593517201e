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
import { errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { listServedDistricts } from "~/modules/reference/lists.server";
import { projectSchema, saveProject } from "~/modules/reporting/projects.server";

export const meta: MetaFunction = () => [{ title: `${t("project.new")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "create", "project", "any");
  return { districts: await listServedDistricts() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "create", "project", "any");
  const form = await parseForm(request, projectSchema, ["districts"]);
  if (!form.ok)
    return data({ errors: form.errors, message: null, values: form.values }, { status: 400 });
  try {
    const project = await saveProject(user, null, form.data, { ip: context?.clientIp });
    return redirectWithToast("/berichte/projekte", {
      kind: "success",
      text: t("project.saved", { name: project.name }),
    });
  } catch (error) {
    const e = errorsFrom(error);
    return data(
      { errors: e.errors, message: e.message, values: form.values },
      { status: e.status },
    );
  }
}

export default function NewProjectPage() {
  const { districts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const defaults = result?.values ?? { districts: districts.map((d) => d.ags) };
  return (
    <>
      <h1>{t("project.new")}</h1>
      <FormError message={result?.message} />
      <ProjectForm
        key={JSON.stringify(defaults)}
        defaults={defaults}
        errors={result?.errors}
        districts={districts}
      />
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
