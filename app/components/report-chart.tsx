import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type Series = { key: string; label: string; color: string };

/**
 * A grouped bar chart. It is a picture for sighted readers (role="img" with a summary); the
 * same numbers stand next to it as a table, which is what screen readers read.
 */
export function ReportBarChart<T extends Record<string, string | number>>({
  data,
  categoryKey,
  series,
  summary,
}: {
  data: T[];
  categoryKey: keyof T & string;
  series: Series[];
  summary: string;
}) {
  return (
    <figure className="chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 640, height: 260 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey={categoryKey as string}
            tick={{ fontSize: 12 }}
            interval="preserveStartEnd"
          />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12 }} />
          <Tooltip />
          {/* Legend text in the body colour: the series colours are too light for text. */}
          <Legend formatter={(value) => <span style={{ color: "#1b2733" }}>{value}</span>} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
