import type { ActionFunctionArgs } from "@remix-run/node";
import { orThrow, parseForm } from "~/lib/forms.server";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { proposeInternship } from "~/modules/internship/editing.server";
import { proposeSchema } from "~/modules/internship/schema";

// "Praktikum vorschlagen" from both matching pages: the proposal, then the new internship's page.
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, context, "create", "internship");
  const form = await parseForm(request, proposeSchema);
  if (!form.ok) throw new Response(t("validation.notFound"), { status: 400 });
  const { id, created } = await orThrow(
    proposeInternship(user, scope, form.data.participantId, form.data.offerId, {
      ip: context?.clientIp,
    }),
  );
  return redirectWithToast(`/praktika/${id}`, {
    kind: "success",
    text: created ? t("internship.proposed") : t("internship.alreadyProposed"),
  });
}
