"use client";
/** Render-only: points on two numeric axes (e.g. price against speed), one colour per series. */
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour, type XYChartData } from "../../lib/charts/series";
import { ChartTooltip } from "./ChartTooltip";

export function XYScatterChart({ data, formatX, formatY }: { data: XYChartData; formatX: (v: number) => string; formatY: (v: number) => string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 10, right: 16, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="x" type="number" name={data.x.name} tickFormatter={formatX} stroke="var(--muted)" label={{ value: `${data.x.name} (${data.x.unit})`, position: "insideBottom", offset: -12, fill: "var(--muted)", fontSize: 12 }} />
        <YAxis dataKey="y" type="number" name={data.y.name} tickFormatter={formatY} stroke="var(--muted)" width={56} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={(v, key) => (key === "x" ? formatX(v) : formatY(v))} />} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
        {data.series.map((s, i) => <Scatter key={s.key} name={s.name} data={s.points} fill={seriesColour(i)} isAnimationActive={false} />)}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
