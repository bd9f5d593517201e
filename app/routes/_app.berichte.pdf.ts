import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { readSessionToken } from "~/modules/auth/session.server";
import { pdfAvailable, printToPdf } from "~/modules/reporting/pdf.server";
import { periodQuery, resolvePeriod } from "~/modules/reporting/period";
import { listProjects } from "~/modules/reporting/projects.server";

// The funder report of a project and period as PDF, printed by the machine's Chromium.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read", "report", "any");
  const url = new URL(request.url);
  const project = (await listProjects()).find((p) => p.id === url.searchParams.get("projekt"));
  if (!project) throw new Response(t("validation.notFound"), { status: 404 });
  if (!pdfAvailable())
    throw new Response(t("report.pdfUnavailable"), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { from, to } = resolvePeriod(url.searchParams, project, new Date());
  const pdf = await printToPdf(
    `/berichte?${periodQuery(project.id, { from, to })}`,
    readSessionToken(request) ?? "",
  ).catch((error: unknown) => {
    console.error("PDF report failed", error);
    throw new Response(t("report.pdfFailed"), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sachbericht-${from}-${to}.pdf"`,
    },
  });
}
