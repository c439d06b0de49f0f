import { describe, expect, it } from "vitest";
import type { CalculatorOffer } from "../queries/calculator";
import { prepareCalculator, priceOffers, toWorkload } from "./prepare-calculator";

const offer = (model: string, provider: string, input: number, output: number, extra: Partial<CalculatorOffer> = {}): CalculatorOffer => ({
  model, modelName: model.toUpperCase(), lab: "lab", provider, providerName: provider, quantization: "", openWeights: false, reasoning: false,
  input, output, cachedInput: null, reasoningPrice: null, validFrom: "2025-01-01", sourceUrl: null, capability: { "fw-ci-v1": 50 }, ...extra,
});
const workload = toWorkload({ input: 1000, output: 1000, cached: 50, reasoning_x: 3, requests: 1000 });

describe("priceOffers", () => {
  const offers = [
    offer("big", "a", 10, 30, { capability: { "fw-ci-v1": 90, mmlu: 88 } }),
    offer("small", "b", 0.1, 0.4, { openWeights: true, capability: { "fw-ci-v1": 40 } }),
    offer("think", "a", 1, 4, { reasoning: true, cachedInput: 0.25, capability: {} }),
  ];
  it("ranks by monthly cost, with the cached share and reasoning tokens priced", () => {
    const rows = priceOffers(offers, workload, { axis: "fw-ci-v1", sort: "cost" });
    expect(rows.map((r) => r.model)).toEqual(["small", "think", "big"]);
    // think: 500 × $1 + 500 × $0.25 + 1000 × $4 + 2000 hidden × $4, per 1M, × 1000 requests
    expect(rows[1]!.cost.perMonth).toBeCloseTo(12.625, 9);
  });
  it("ranks by capability on the chosen axis, unknown last, and filters by weights", () => {
    expect(priceOffers(offers, workload, { axis: "mmlu", sort: "capability" }).map((r) => [r.model, r.value])).toEqual([["big", 88], ["small", null], ["think", null]]);
    expect(priceOffers(offers, workload, { axis: "fw-ci-v1", open: true, sort: "cost" }).map((r) => r.model)).toEqual(["small"]);
  });
  it("plots only the options with a capability value, and exports the rows shown", () => {
    const p = prepareCalculator(priceOffers(offers, workload, { axis: "fw-ci-v1", sort: "cost" }), { slug: "fw-ci-v1", name: "Index" }, 2);
    expect(p.points).toBe(2);
    expect(p.chart.series.map((s) => s.key)).toEqual(["open", "proprietary"]);
    expect(p.shown.map((r) => r.model)).toEqual(["small", "think"]);
    expect(p.csv.rows).toHaveLength(2);
    expect(p.csv.header).not.toContain("mmlu");
    expect(p.chartCsv.rows.map((r) => r[0])).toEqual(["small", "big"]);
  });
});
