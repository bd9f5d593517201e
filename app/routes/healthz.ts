import { databaseAnswers } from "~/modules/health/health.server";

// Public health check for load balancers: the app runs and the database answers.
export async function loader() {
  if (await databaseAnswers())
    return new Response("ok", {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response("database unavailable", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
