"use client";
/** Render-only: a step line of the cheapest qualifying price, log scale (recharts; loaded through LazyCharts). */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, type CheapestChartData } from "../../lib/charts/prepare-cheapest-price";

const monthFmt = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

export function CheapestPriceLines({ data }: { data: CheapestChartData }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data.points} margin={{ top: 10, right: 20, bottom: 5, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => monthFmt.format(new Date(t))} stroke="var(--muted)" />
        <YAxis dataKey="price" scale="log" domain={data.yDomain} ticks={data.yTicks} allowDataOverflow tickFormatter={(v: number) => `$${formatUsd(v)}`} stroke="var(--muted)" width={70} />
        <Tooltip
          formatter={(v) => [`$${formatUsd(Number(v))} per 1M tokens`, "blended price"]}
          labelFormatter={(_, payload) => {
            const p = payload?.[0]?.payload as { date: string; modelName: string } | undefined;
            return p ? `${p.date.slice(0, 7)} — ${p.modelName}` : "";
          }}
          contentStyle={{ background: "var(--card)", border: "1px solid var(--border)" }}
        />
        <Line type="stepAfter" dataKey="price" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
