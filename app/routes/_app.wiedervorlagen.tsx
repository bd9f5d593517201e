import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { formatDate } from "~/lib/day";
import { AppError } from "~/lib/errors";
import { submitForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import {
  completeFollowUp,
  completeFollowUpSchema,
  listMyFollowUps,
} from "~/modules/interaction/follow-ups.server";

export const meta: MetaFunction = () => [{ title: `${t("followup.title")} – ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "followup");
  return { followUps: await listMyFollowUps(user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, context, "update", "followup");
  return submitForm(request, completeFollowUpSchema, async (input) => {
    const result = await completeFollowUp(user, input, context?.clientIp);
    // Done or changed meanwhile (e.g. in another tab): said on the list, which shows the state now.
    if (!result.ok)
      throw new AppError(409, t(result.reason === "stale" ? "error.stale" : "followup.notFound"));
    return redirectWithToast("/wiedervorlagen", {
      kind: "success",
      text: t("followup.done", { title: result.title }),
    });
  });
}

export default function FollowUpsPage() {
  const { followUps } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("followup.title")}</h1>
      <FormError message={result?.message} />
      {followUps.length === 0 ? (
        <p>{t("followup.none")}</p>
      ) : (
        <TableWrap label={t("followup.title")}>
          <table>
            <caption className="visually-hidden">{t("followup.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followup.due")}</th>
                <th scope="col">{t("followup.what")}</th>
                <th scope="col">{t("followup.about")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("followup.markDone")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => {
                return (
                  <tr key={f.id} className={f.overdue ? "row-overdue" : undefined}>
                    <td>
                      {formatDate(f.dueDate)}
                      {f.overdue ? (
                        <span className="badge badge-warn">{t("followup.overdue")}</span>
                      ) : null}
                    </td>
                    <td>{f.title}</td>
                    <td>
                      {[
                        f.company?.name,
                        f.contact ? `${f.contact.firstName} ${f.contact.lastName}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || t("common.none")}
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="id" value={f.id} />
                        <input type="hidden" name="version" value={f.version} />
                        <button
                          type="submit"
                          className="button button-small"
                          aria-label={`${t("followup.markDone")}: ${f.title}`}
                        >
                          {t("followup.markDone")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export const ErrorBoundary = PageErrorBoundary;
