import type { LoaderFunctionArgs } from "@remix-run/node";
import { orThrow } from "~/lib/forms.server";
import { requirePermission } from "~/modules/auth/guard.server";
import { can, scopeFor } from "~/modules/auth/permissions";
import { openDocument } from "~/modules/documents/documents.server";

// A document's bytes, only through this route: signed in first, then the document's own record
// decides (a participant in the user's scope, a company for those who may read companies).
// Anything else is a 404 that does not say whether the document exists.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "read", "dashboard");
  const doc = await orThrow(
    openDocument(
      user,
      {
        participant: scopeFor(user.role, "read", "participant"),
        company: can(user.role, "read", "company"),
      },
      params.id ?? "",
      { ip: context?.clientIp },
    ),
  );
  return new Response(doc.body, {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.size),
      // Always a download, never shown inside Lotse's origin (a PDF or image with script in it
      // cannot run here).
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
