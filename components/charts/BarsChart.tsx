"use client";
/** Render-only: bars per category, one or more series, stacked or side by side. Data arrives shaped. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour, type BarChartData } from "../../lib/charts/series";
import { ChartTooltip } from "./ChartTooltip";

export function BarsChart({ data, format, colours, integer = false }: { data: BarChartData; format: (v: number) => string; colours?: string[]; integer?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data.rows} margin={{ top: 10, right: 16, bottom: 5, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="category" stroke="var(--muted)" interval="preserveStartEnd" minTickGap={8} tick={{ fontSize: 12 }} />
        <YAxis stroke="var(--muted)" tickFormatter={(v: number) => format(v)} width={56} allowDecimals={!integer} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={format} />} cursor={{ fill: "var(--border)", opacity: 0.4 }} />
        {data.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {data.series.map((s, i) => (
          <Bar key={s.key} dataKey={(r: { values: Record<string, number> }) => r.values[s.key] ?? 0} name={s.name} stackId={data.stacked ? "stack" : undefined} fill={colours?.[i] ?? seriesColour(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
