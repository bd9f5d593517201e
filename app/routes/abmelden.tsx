import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { redirectWithToast } from "~/lib/toast.server";
import { t } from "~/messages";
import { audit } from "~/modules/audit/audit.server";
import { clearSessionCookie, endSession, getOptionalUser } from "~/modules/auth/session.server";

// Logging out changes state, so only POST; a GET just goes back.
export async function loader() {
  throw redirect("/uebersicht");
}

// Open to anyone: ending one's own session needs no permission.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  await endSession(request);
  if (user)
    await audit({
      actorId: user.id,
      action: "logout",
      entityType: "user",
      entityId: user.id,
      ip: context?.clientIp,
    });
  return redirectWithToast(
    "/anmelden",
    { kind: "info", text: t("logout.done") },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}
