import { describe, expect, it } from "vitest";
import type { TrendDto } from "../queries/trend-levels";
import { formatFactor, prepareTrends } from "./prepare-trends";

const trend = (id: string, prices: number[], fit: boolean): TrendDto => ({
  level: { id, label: id.toUpperCase(), benchmark: "mmlu", threshold: 80 }, benchmarkName: "MMLU", n: prices.length,
  points: prices.map((price, i) => ({ date: `202${i}-01-01`, model: `${id}-m${i}`, modelName: `M${i}`, price, score: 81, kind: "release", basis: "first-party" })),
  fit: fit ? { factorPerYear: 12.5, ci90: { low: 4, high: 40 }, r2: 0.9, line: [{ date: "2020-01-01", price: 30 }, { date: "2023-01-01", price: 0.1 }] } : null,
  reason: fit ? null : "fewer than 4 kept models",
});

describe("prepareTrends", () => {
  it("draws each level's kept models (labelled) and its fitted line in the same colour", () => {
    const p = prepareTrends([trend("a", [30, 10, 1, 0.2], true), trend("b", [5, 1], false)], "3:1");
    expect(p.chart.series.map((s) => [s.key, s.points.length, !!s.line, !!s.labels])).toEqual([["a", 4, false, true], ["a-fit", 2, true, false], ["b", 2, false, true]]);
    expect(p.chart.series[0]!.colour).toBe(p.chart.series[1]!.colour);
    expect(p.chart.y.log).toBe(true);
    expect(p.chart.x.time).toBe(true);
    expect(p.points).toBe(6);
    expect(p.summary).toBe("A: 12.5× per year (90% CI 4.00–40.0, n = 4).");
  });

  it("exports one row per kept model, with its level", () => {
    const p = prepareTrends([trend("a", [30, 10, 1, 0.2], true)], "10:1");
    expect(p.csv.filename).toBe("price-at-capability-10-to-1.csv");
    expect(p.csv.rows).toHaveLength(4);
    expect(p.csv.rows[0]!.slice(0, 5)).toEqual(["a", "mmlu", 80, "2020-01-01", "a-m0"]);
  });

  it("formats factors by size", () => {
    expect([formatFactor(157.2), formatFactor(12.81), formatFactor(4.404)]).toEqual(["157", "12.8", "4.40"]);
  });
});
