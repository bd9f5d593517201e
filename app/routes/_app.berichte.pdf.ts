import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDate } from "~/lib/validation";
import { t } from "~/messages";
import { requirePermission } from "~/modules/auth/guard.server";
import { readSessionToken } from "~/modules/auth/session.server";
import { listProjects } from "~/modules/reporting/kpis.server";
import { pdfAvailable, printToPdf } from "~/modules/reporting/pdf.server";

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
  const from = parseDate(url.searchParams.get("von") ?? "") ?? project.startDate;
  const to = parseDate(url.searchParams.get("bis") ?? "") ?? project.endDate;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const german = (d: Date) => day(d).split("-").reverse().join(".");
  const view = new URLSearchParams({ projekt: project.id, von: german(from), bis: german(to) });
  const pdf = await printToPdf(`/berichte?${view}`, readSessionToken(request) ?? "").catch(
    (error: unknown) => {
      console.error("PDF report failed", error);
      throw new Response(t("report.pdfFailed"), {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    },
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sachbericht-${day(from)}-${day(to)}.pdf"`,
    },
  });
}
