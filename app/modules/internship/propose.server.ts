import type { AppLoadContext } from "@remix-run/node";
import { errorsFrom, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { proposeInternship } from "./editing.server";
import { proposeSchema } from "./schema";

/**
 * The action behind "Praktikum vorschlagen" on both matching pages: permission first, then the
 * proposal, then on to the new internship's page.
 */
export async function proposeFromMatch(
  request: Request,
  context: Partial<AppLoadContext> | undefined,
) {
  const { user, scope } = await requirePermission(request, context, "create", "internship");
  const form = await parseForm(request, proposeSchema);
  if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
  try {
    const { id, created } = await proposeInternship(
      user,
      scope,
      form.data.participantId,
      form.data.offerId,
      { ip: context?.clientIp },
    );
    return redirectWithToast(`/praktika/${id}`, {
      kind: "success",
      text: created ? t("internship.proposed") : t("internship.alreadyProposed"),
    });
  } catch (error) {
    const e = errorsFrom(error);
    throw new Response(e.message, { status: e.status });
  }
}
