import { formatDate, formatDay } from "~/lib/day";
import { t } from "~/messages";
import type { DatenartKey } from "~/modules/retention/datenarten";
import type { Decisions, RequestKind } from "./values";

/**
 * The German answer to a request, ready to print or send. It names no person (the coach adds
 * the address), so it can be kept with the request after an erasure.
 */
export function answerLetter(request: {
  kind: RequestKind;
  receivedOn: Date | string;
  decisions: Decisions | null;
}): string {
  const lines = [
    t("letter.subject", {
      kind: t(`requestKind.${request.kind}`),
      date: formatDate(request.receivedOn),
    }),
    "",
    t("letter.greeting"),
    "",
    t("letter.received", { date: formatDate(request.receivedOn) }),
    "",
  ];
  if (request.kind === "auskunft" || request.kind === "uebertragbarkeit") {
    lines.push(t(request.kind === "auskunft" ? "letter.copy" : "letter.portable"), "");
  }
  const decided = Object.entries(request.decisions ?? {}) as [
    DatenartKey,
    NonNullable<Decisions[DatenartKey]>,
  ][];
  const group = (kind: "erase" | "restrict" | "refuse") =>
    decided.filter(([, d]) => d.decision === kind);
  if (group("erase").length) {
    lines.push(t("letter.erased"));
    for (const [key] of group("erase")) lines.push(`- ${t(`datenart.${key}`)}`);
    lines.push("");
  }
  if (group("restrict").length) {
    lines.push(t("letter.restricted"));
    for (const [key, d] of group("restrict"))
      lines.push(
        `- ${t(`datenart.${key}`)}: ${t("letter.until", { date: d.until ? formatDay(d.until) : "" })} ${d.reason ?? ""}`.trimEnd(),
      );
    lines.push("");
  }
  if (group("refuse").length) {
    lines.push(t("letter.refused"));
    for (const [key, d] of group("refuse"))
      lines.push(`- ${t(`datenart.${key}`)}: ${d.reason ?? ""}`.trimEnd());
    lines.push("");
  }
  lines.push(t("letter.rights"), "", t("letter.closing"));
  return lines.join("\n");
}
