import { TableWrap } from "~/components/table-wrap";
import { formatMonth } from "~/lib/day";
import { formatNumber, formatPercent, formatProtectedCount } from "~/lib/format";
import { t } from "~/messages";
import type { FigureRow } from "~/modules/reporting/figures";
import type { DistrictRow, MonthRow } from "~/modules/reporting/kpis.server";

/** "2025-04" → "Apr. 25". */
export const monthLabel = (month: string) => formatMonth(month, "short");

/** A figure's value as shown: a count, or a rate in per cent. */
export const figureValue = (f: Pick<FigureRow, "value" | "kind">) =>
  f.kind === "rate" ? formatPercent(f.value) : formatNumber(f.value);

export const MONTH_SERIES = [
  { key: "entered", label: t("report.entered"), color: "#0b5563" },
  { key: "exited", label: t("report.exited"), color: "#c2410c" },
  { key: "internships", label: t("report.internships"), color: "#6b7d8c" },
  { key: "employersInformed", label: t("report.informed"), color: "#2f8f5b" },
] as const;

export const DISTRICT_SERIES = [
  { key: "entered", label: t("report.entered"), color: "#0b5563" },
  { key: "apprenticeship", label: t("report.apprenticeship"), color: "#c2410c" },
  { key: "employersInformed", label: t("report.informed"), color: "#2f8f5b" },
] as const;

/** A breakdown as a table: one row per category, one column per series. */
function BreakdownTable<R>({
  label,
  head,
  rows,
  rowKey,
  rowLabel,
  series,
  protect = false,
}: {
  label: string;
  head: string;
  rows: R[];
  rowKey: (r: R) => string;
  rowLabel: (r: R) => string;
  series: readonly { key: string; label: string }[];
  /** For a report that leaves the team: counts of 1 and 2 show as "< 3". */
  protect?: boolean;
}) {
  const show = protect ? formatProtectedCount : formatNumber;
  return (
    <TableWrap label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              <th scope="row">{rowLabel(r)}</th>
              {series.map((s) => (
                <td key={s.key} className="num">
                  {show(Number((r as Record<string, unknown>)[s.key] ?? 0))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The months as a table. `byYear` (the Übersicht) puts each calendar year in its own
 * expandable table with the year's totals, the latest year open – a three-year project stays
 * short on a phone. The funder report prints every month.
 */
export function MonthTable({
  rows,
  byYear = false,
  protect = false,
}: {
  rows: MonthRow[];
  byYear?: boolean;
  protect?: boolean;
}) {
  const years = [...new Set(rows.map((r) => r.month.slice(0, 4)))];
  if (byYear && years.length > 1)
    return (
      <div className="month-years">
        {years.map((year, i) => {
          const months = rows.filter((r) => r.month.startsWith(year));
          const sum = (key: (typeof MONTH_SERIES)[number]["key"]) =>
            months.reduce((a, m) => a + m[key], 0);
          return (
            <details key={year} open={i === years.length - 1}>
              <summary>
                {year}:{" "}
                {MONTH_SERIES.map((s) => `${formatNumber(sum(s.key))} ${s.label}`).join(" · ")}
              </summary>
              <MonthTable rows={months} />
            </details>
          );
        })}
      </div>
    );
  return (
    <BreakdownTable
      label={t("report.byMonth")}
      head={t("report.month")}
      rows={rows}
      rowKey={(m) => m.month}
      rowLabel={(m) => monthLabel(m.month)}
      series={MONTH_SERIES}
      protect={protect}
    />
  );
}

export function DistrictTable({
  rows,
  protect = false,
}: {
  rows: DistrictRow[];
  protect?: boolean;
}) {
  return (
    <BreakdownTable
      label={t("report.byDistrict")}
      head={t("report.district")}
      rows={rows}
      rowKey={(d) => d.ags}
      rowLabel={(d) => d.name}
      series={DISTRICT_SERIES}
      protect={protect}
    />
  );
}
