"use client";
/** Render-only: a step line of the cheapest qualifying price, log scale. Data arrives shaped. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, type CheapestChartData } from "../../lib/charts/prepare-cheapest-price";

const monthFmt = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

export function CheapestPriceChart({ data, label }: { data: CheapestChartData; label: string }) {
  if (data.points.length === 0) return <p className="muted" role="status">{data.summary}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <div className="chart" role="img" aria-label={`${label}. ${data.summary}`} data-testid="cheapest-chart" data-points={data.points.length}>
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
      </div>
      <figcaption className="muted">{data.summary}</figcaption>
    </figure>
  );
}
