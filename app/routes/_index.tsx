import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";

// The start page is the dashboard; without a session requireUser sends to the login.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw redirect("/uebersicht");
}
