"use client";
/** The cheapest qualifying price over time: the frame of the drawing (label, caption) and its lines. Data arrives shaped. */
import type { CheapestChartData } from "../../lib/charts/prepare-cheapest-price";
import { CheapestPriceLines } from "./LazyCharts";

export function CheapestPriceChart({ data, label }: { data: CheapestChartData; label: string }) {
  if (data.points.length === 0) return <p className="muted" role="status">{data.summary}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <div className="chart" role="img" aria-label={`${label}. ${data.summary}`} data-testid="cheapest-chart" data-points={data.points.length}>
        <CheapestPriceLines data={data} />
      </div>
      <figcaption className="muted">{data.summary}</figcaption>
    </figure>
  );
}
