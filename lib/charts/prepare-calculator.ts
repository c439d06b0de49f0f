/** The cost calculator: every offering priced for a workload, ranked, and the capability each buys. */
import { CAPABILITY_INDEX_VERSION } from "../analytics/capability-index";
import { workloadCost, type Workload, type WorkloadCost } from "../analytics/workload-cost";
import type { CalculatorOffer } from "../queries/calculator";
import type { WorkloadForm } from "../schemas/calculator";
import { csvFilename, csvTable, type CsvColumn, type CsvTable } from "./csv";
import type { XYChartData, XYPoint } from "./series";

export interface PricedOffer extends CalculatorOffer {
  cost: WorkloadCost;
  /** value on the chosen axis; null when unknown */
  value: number | null;
  index: number | null;
}

export function toWorkload(f: WorkloadForm): Workload {
  return { inputTokens: f.input, outputTokens: f.output, cachedShare: f.cached / 100, reasoningMultiplier: f.reasoning_x, requestsPerMonth: f.requests };
}

/** Prices every offering (open / proprietary filter applied), cheapest first or most capable first. */
export function priceOffers(offers: CalculatorOffer[], workload: Workload, o: { axis: string; open?: boolean; sort: "cost" | "capability" }): PricedOffer[] {
  const rows = offers
    .filter((x) => o.open === undefined || x.openWeights === o.open)
    .map((x) => ({
      ...x,
      cost: workloadCost(workload, { input: x.input, output: x.output, cachedInput: x.cachedInput, reasoning: x.reasoningPrice }, x),
      value: x.capability[o.axis] ?? null,
      index: x.capability[CAPABILITY_INDEX_VERSION] ?? null,
    }));
  const byName = (a: PricedOffer, b: PricedOffer) => a.model.localeCompare(b.model) || a.provider.localeCompare(b.provider) || a.quantization.localeCompare(b.quantization);
  return rows.sort(o.sort === "cost"
    ? (a, b) => a.cost.perMonth - b.cost.perMonth || byName(a, b)
    : (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.cost.perMonth - b.cost.perMonth || byName(a, b));
}

const cents = (v: number) => Math.round(v * 100) / 100;

export function prepareCalculator(rows: PricedOffer[], axis: { slug: string; name: string }, limit: number): { shown: PricedOffer[]; chart: XYChartData; csv: CsvTable; chartCsv: CsvTable; points: number } {
  const shown = rows.slice(0, limit);
  const placed = rows.filter((r) => r.value !== null && r.cost.perMonth > 0);
  const point = (r: PricedOffer): XYPoint => ({
    x: r.cost.perMonth, y: r.value!, label: `${r.modelName} on ${r.providerName}${r.quantization ? ` (${r.quantization})` : ""}`,
    date: `price valid from ${r.validFrom}`, source: r.sourceUrl ?? "price ledger",
  });
  const series = [
    { key: "open", name: "Open weights", colour: "var(--open)", points: placed.filter((r) => r.openWeights).map(point) },
    { key: "proprietary", name: "Proprietary", colour: "var(--closed)", points: placed.filter((r) => !r.openWeights).map(point) },
  ].filter((s) => s.points.length);
  const columns: CsvColumn<PricedOffer>[] = [
    { header: "model", value: (r: PricedOffer) => r.model }, { header: "provider", value: (r) => r.provider }, { header: "quantization", value: (r) => r.quantization },
    { header: "open_weights", value: (r) => r.openWeights }, { header: "reasoning", value: (r) => r.reasoning },
    { header: "usd_per_month", value: (r) => cents(r.cost.perMonth) }, { header: "usd_per_request", value: (r) => Math.round(r.cost.perRequest * 1e8) / 1e8 },
    { header: "input_usd_per_1m", value: (r) => r.input }, { header: "output_usd_per_1m", value: (r) => r.output }, { header: "cached_input_usd_per_1m", value: (r) => r.cachedInput },
    { header: "reasoning_usd_per_1m", value: (r) => r.reasoningPrice }, { header: CAPABILITY_INDEX_VERSION, value: (r) => r.index },
    ...(axis.slug === CAPABILITY_INDEX_VERSION ? [] : [{ header: axis.slug, value: (r: PricedOffer) => r.value }]),
    { header: "price_valid_from", value: (r: PricedOffer) => r.validFrom }, { header: "source", value: (r: PricedOffer) => r.sourceUrl },
  ];
  return {
    shown, chart: { series, x: { name: "Cost per month", unit: "USD", log: true }, y: { name: axis.name, unit: "" } },
    csv: csvTable(csvFilename("workload-cost", axis.slug), columns, shown),
    chartCsv: csvTable(csvFilename("workload-cost", axis.slug, "chart"), columns, placed),
    points: placed.length,
  };
}
