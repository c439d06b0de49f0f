"use client";
/**
 * Render-only: points on two numeric axes (e.g. price against speed), one colour per series.
 * Axes may be log or time; a series may be a line (a Pareto line, a fitted trend) and may label its points.
 */
import { CartesianGrid, LabelList, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { logDomain, seriesColour, type XYAxis, type XYChartData } from "../../lib/charts/series";
import { ChartTooltip } from "./ChartTooltip";

const monthFmt = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

function axisProps(axis: XYAxis, values: number[]) {
  if (axis.log) {
    const { domain, ticks } = logDomain(values);
    return { scale: "log" as const, domain, ticks, allowDataOverflow: true };
  }
  if (axis.time) return { scale: "time" as const, domain: ["dataMin", "dataMax"] as [string, string] };
  return { domain: ["auto", "auto"] as [string, string] };
}

export function XYScatterChart({ data, formatX, formatY }: { data: XYChartData; formatX: (v: number) => string; formatY: (v: number) => string }) {
  const all = data.series.flatMap((s) => s.points);
  const fx = data.x.time ? (t: number) => monthFmt.format(new Date(t)) : formatX;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 10, right: 16, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="x" type="number" name={data.x.name} tickFormatter={fx} stroke="var(--muted)" minTickGap={16} {...axisProps(data.x, all.map((p) => p.x))}
          label={{ value: data.x.time ? data.x.name : `${data.x.name} (${data.x.unit})`, position: "insideBottom", offset: -12, fill: "var(--muted)", fontSize: 12 }} />
        <YAxis dataKey="y" type="number" name={data.y.name} tickFormatter={formatY} stroke="var(--muted)" width={60} {...axisProps(data.y, all.map((p) => p.y))} />
        <Tooltip content={(props) => <ChartTooltip {...props} format={(v, key) => (key === "x" ? fx(v) : formatY(v))} />} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
        {data.series.map((s, i) => {
          const colour = s.colour ?? seriesColour(i);
          return (
            <Scatter key={s.key} name={s.name} data={s.points} fill={colour} isAnimationActive={false}
              line={s.line ? { stroke: colour, strokeWidth: 2, strokeDasharray: s.dashed ? "6 4" : undefined } : undefined}
              shape={s.hideDots ? () => <g /> : "circle"}>
              {s.labels ? <LabelList dataKey="label" position="right" style={{ fontSize: 10, fill: "var(--fg)" }} /> : null}
            </Scatter>
          );
        })}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
