import { env } from "~/env.server";
import { DATENART_KEYS, DATENARTEN, type Datenart } from "./datenarten";
import { FIELD_DATENART } from "./fields";
import { type PeriodOverrides, parsePeriodOverrides, periodMonths } from "./rules";

/** The periods this installation set (checked at start-up, see env.server.ts). */
export function installationPeriods(): PeriodOverrides {
  const parsed = parsePeriodOverrides(env.RETENTION_MONTHS);
  return parsed.ok ? parsed.overrides : {};
}

/** The deletion rules as this installation runs them, with the columns of each Datenart. */
export function retentionRules() {
  const periods = installationPeriods();
  return DATENART_KEYS.map((key) => {
    const rule: Datenart = DATENARTEN[key];
    const tables = Object.entries(FIELD_DATENART)
      .map(([table, fields]) => ({
        table,
        columns: Object.keys(fields).filter((column) => fields[column] === key),
      }))
      .filter((t) => t.columns.length > 0);
    return {
      key,
      start: rule.start,
      action: rule.action,
      months: periodMonths(key, periods),
      defaultMonths: rule.months,
      bounds: rule.bounds,
      fromYearEnd: rule.fromYearEnd === true,
      sensitive: rule.sensitive === true,
      tables,
    };
  });
}
