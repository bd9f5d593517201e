// `npm run retention`: the retention plan – per deletion rule (Verwaltung → Löschregeln) how many
// records are due today and how many a legal hold keeps. Nothing changes.
// `npm run retention -- --plan` draws the plan up and prints its id (still nothing changes);
// `npm run retention -- --apply <id>` applies exactly that plan (batches, at most RETENTION_CAP).

import { labelOf } from "../app/labels.ts";
import { formatDay } from "../app/lib/day.ts";
import { AppError } from "../app/lib/errors.ts";
import { applyPlan, draftPlan } from "../app/modules/retention/apply.server.ts";
import { type PlanLine, retentionPlan } from "../app/modules/retention/plan.server.ts";

const [flag, id] = process.argv.slice(2);

function print(lines: PlanLine[]) {
  for (const line of lines)
    console.log(
      `${labelOf("datenart", line.key)}: ${line.due} fällig (${
        line.key === "esf_nachweis"
          ? "Aufbewahrungsfrist aller ihrer Projekte abgelaufen"
          : `Frist endete vor dem ${formatDay(line.before)}`
      })${line.held ? `, ${line.held} durch Aufbewahrungssperre gehalten` : ""}`,
    );
}

try {
  if (flag === "--apply") {
    if (!id) throw new AppError(400, "Aufruf: npm run retention -- --apply <Plan-ID>");
    const report = await applyPlan(id, null);
    console.log(
      `Löschplan ${id} angewandt: ${report.applied} Einträge geändert oder gelöscht, ${report.held} durch Aufbewahrungssperre gehalten, ${report.remaining} für den nächsten Lauf offen.`,
    );
    for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table}: ${n}`);
  } else if (flag === "--plan") {
    const plan = await draftPlan(null);
    console.log(`Löschplan ${plan.id} vom ${formatDay(plan.day)} (es wurde nichts geändert)`);
    print(plan.lines);
    console.log(`Anwenden (nur heute): npm run retention -- --apply ${plan.id}`);
  } else {
    console.log("Löschplan (Vorschau, es wird nichts geändert)");
    print(await retentionPlan());
  }
  process.exit(0);
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exit(1);
}
