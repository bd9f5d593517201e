// `npm run retention`: the retention plan – per deletion rule (Verwaltung → Löschregeln) how
// many records are due today and how many a legal hold keeps. It reads only; nothing changes.

import { labelOf } from "../app/labels.ts";
import { formatDay } from "../app/lib/day.ts";
import { retentionPlan } from "../app/modules/retention/plan.server.ts";

const plan = await retentionPlan();
console.log("Löschplan (Vorschau, es wird nichts geändert)");
for (const line of plan) {
  console.log(
    `${labelOf("datenart", line.key)}: ${line.due} fällig (${
      line.key === "esf_nachweis"
        ? "Aufbewahrungsfrist aller ihrer Projekte abgelaufen"
        : `Frist endete vor dem ${formatDay(line.before)}`
    })${line.held ? `, ${line.held} durch Aufbewahrungssperre gehalten` : ""}`,
  );
}
process.exit(0);
