import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentStorageReady } from "~/modules/documents/documents.server";
import { databaseAnswers, migrationState } from "~/modules/health/health.server";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

// Public health check for load balancers: "ok" when the database answers, its migrations are
// this version's and the documents' directory (shared by all servers) can be written; 503 with
// the reason otherwise. `?details=1` answers the same as JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const [database, documents] = await Promise.all([databaseAnswers(), documentStorageReady()]);
  const migrations = database
    ? await migrationState()
    : { current: null, pending: [] as string[], unknown: [] as string[] };
  const healthy = database && documents && migrations.current !== false;
  const status = healthy ? 200 : 503;
  if (new URL(request.url).searchParams.get("details") === "1")
    return Response.json(
      { ok: healthy, database, migrations, documents },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  if (!database) return new Response("database unavailable", { status, headers: TEXT });
  if (!documents) return new Response("documents directory unavailable", { status, headers: TEXT });
  if (!healthy)
    return new Response(
      `migrations not current: ${migrations.pending.length} pending, ${migrations.unknown.length} unknown`,
      { status, headers: TEXT },
    );
  return new Response("ok", { headers: TEXT });
}
