/** Shapes the cheapest-at-capability series for the step chart: points, log-axis ticks, labels. */
import type { CheapestResponse } from "../schemas/trends";

export interface CheapestChartPoint {
  t: number;
  date: string;
  price: number;
  model: string;
  modelName: string;
}

export interface CheapestChartData {
  points: CheapestChartPoint[];
  /** powers of ten that cover the data, for a log axis */
  yTicks: number[];
  yDomain: [number, number];
  /** where the cheapest model changes: one label each */
  handovers: CheapestChartPoint[];
  summary: string;
}

export function prepareCheapestPrice(res: CheapestResponse): CheapestChartData {
  const points = res.points.map((p) => ({ t: Date.parse(`${p.date}T00:00:00Z`), date: p.date, price: p.price, model: p.model, modelName: p.modelName }));
  if (points.length === 0) {
    return { points, yTicks: [], yDomain: [0.01, 100], handovers: [], summary: `No model at or above ${res.threshold} on ${res.benchmark.name} has a price in this window.` };
  }
  const prices = points.map((p) => p.price).filter((p) => p > 0);
  const lo = Math.floor(Math.log10(Math.min(...prices)));
  const hi = Math.ceil(Math.log10(Math.max(...prices)));
  const yTicks: number[] = [];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) yTicks.push(10 ** e);
  const handovers = points.filter((p, i) => i === 0 || points[i - 1]!.model !== p.model);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const factor = first.price / last.price;
  const summary =
    `${res.points.length} months: from $${formatUsd(first.price)} (${first.modelName}, ${first.date.slice(0, 7)}) to $${formatUsd(last.price)} (${last.modelName}, ${last.date.slice(0, 7)})` +
    (factor > 1.0001 ? `, ${factor >= 10 ? Math.round(factor) : factor.toFixed(1)}× cheaper.` : ".");
  return { points, yTicks, yDomain: [10 ** lo, 10 ** Math.max(hi, lo + 1)], handovers, summary };
}

export function formatUsd(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 1) return v.toFixed(2);
  if (v >= 0.01) return v.toFixed(3);
  return v.toPrecision(2);
}
