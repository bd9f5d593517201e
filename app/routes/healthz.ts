import { db } from "~/db.server";

// Public health check for load balancers: the app runs and the database answers.
export async function loader() {
  try {
    await db.$queryRaw`SELECT 1`;
    return new Response("ok", {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch {
    return new Response("database unavailable", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
