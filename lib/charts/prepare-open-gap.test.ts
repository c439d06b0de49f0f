import { describe, expect, it } from "vitest";
import type { GapMonthDto, ParityMonthDto } from "../queries/open-gap-view";
import { prepareGapMetric, prepareParity } from "./prepare-open-gap";

const g = (benchmark: string, month: string, open: number | null, prop: number | null): GapMonthDto => ({
  benchmark, month,
  open: open === null ? null : { model: "o", name: "O", score: open, since: "2024-01-01" },
  proprietary: prop === null ? null : { model: "p", name: "P", score: prop, since: "2023-01-01" },
  gapPoints: open !== null && prop !== null ? prop - open : null, gapPercent: open !== null && prop !== null ? ((prop - open) / prop) * 100 : null,
  lagMonths: open !== null && prop !== null ? 12 : null, lagReference: null,
});

describe("prepareGapMetric", () => {
  const months = [g("mmlu", "2024-01-01", null, 86), g("mmlu", "2024-02-01", 80, 86), g("gpqa", "2024-01-01", 40, 60), g("gpqa", "2024-02-01", 50, 60)];
  it("draws one line per benchmark, a month with one side missing as a gap", () => {
    const p = prepareGapMetric(months, "gapPoints", new Map([["mmlu", "MMLU"]]));
    expect(p.chart.series.map((s) => [s.key, s.name, s.points.map((x) => x.value)])).toEqual([["mmlu", "MMLU", [null, 6]], ["gpqa", "gpqa", [20, 10]]]);
    expect(p.points).toBe(3);
    expect(p.csv.rows.map((r) => [r[0], r[1], r[2]])).toEqual([["mmlu", "2024-02-01", 6], ["gpqa", "2024-01-01", 20], ["gpqa", "2024-02-01", 10]]);
  });
  it("rounds the percentage", () => {
    expect(prepareGapMetric(months, "gapPercent", new Map()).chart.series[1]!.points[0]!.value).toBe(33.33);
  });
});

describe("prepareParity", () => {
  it("draws the cheapest open and proprietary price, log scale when they are far apart", () => {
    const months: ParityMonthDto[] = [
      { month: "2024-01-01", open: null, proprietary: { model: "p", modelName: "P", price: 30, score: 87 }, proprietaryOverOpen: null },
      { month: "2024-02-01", open: { model: "o", modelName: "O", price: 0.5, score: 88 }, proprietary: { model: "p", modelName: "P", price: 30, score: 87 }, proprietaryOverOpen: 60 },
    ];
    const p = prepareParity(months, "gpt-4");
    expect(p.chart.series.map((s) => s.points.map((x) => x.value))).toEqual([[null, 0.5], [30, 30]]);
    expect(p.chart.log).toBe(true);
    expect(p.points).toBe(3);
    expect(p.csv.filename).toBe("price-at-parity-gpt-4.csv");
    expect(p.csv.rows).toHaveLength(2);
  });
});
