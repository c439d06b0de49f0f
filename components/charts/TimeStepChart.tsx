"use client";
/** Render-only: one step line per series over time (e.g. a price per provider). Data arrives shaped. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour, type TimeChartData } from "../../lib/charts/series";
import { ChartTooltip } from "./ChartTooltip";

const monthFmt = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

export function TimeStepChart({ data, format }: { data: TimeChartData; format: (v: number) => string }) {
  const all = data.series.flatMap((s) => s.points);
  const ts = all.map((p) => p.t);
  const vals = all.map((p) => p.value).filter((v): v is number => v !== null && (!data.log || v > 0));
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const domain: [number, number | "auto"] = data.log ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))] : [0, "auto"];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 10, right: 16, bottom: 5, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="t" type="number" scale="time" domain={[Math.min(...ts), Math.max(...ts)]} tickFormatter={(t: number) => monthFmt.format(new Date(t))} stroke="var(--muted)" allowDuplicatedCategory={false} minTickGap={24} />
        <YAxis scale={data.log ? "log" : "linear"} domain={domain} allowDataOverflow tickFormatter={(v: number) => format(v)} stroke="var(--muted)" width={64} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={format} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {data.series.map((s, i) => (
          <Line key={s.key} data={s.points} dataKey="value" name={s.name} type="stepAfter" stroke={seriesColour(i)} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
