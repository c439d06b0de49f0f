import { describe, expect, it } from "vitest";
import type { FrontierPoint, FrontierView } from "../queries/frontier-filters";
import { MAX_LAB_SERIES, prepareFrontier, replayMonths } from "./prepare-frontier";

const e = (slug: string, lab: string, price: number, capability: number, openWeights: boolean, onFrontier: boolean): FrontierPoint => ({
  slug, name: slug.toUpperCase(), labSlug: lab, labName: lab.toUpperCase(), openWeights, reasoning: false, releasedOn: "2024-01-01", price, capability,
  basis: "first-party", onFrontier, country: "US", contextWindow: 128000, domain: "general", sourceUrl: "https://example.com",
});
const view = (available: FrontierPoint[]): FrontierView => ({
  date: "2025-01-01", axis: { slug: "fw-ci-v1", name: "Index", unit: "index" }, available, pareto: available.filter((x) => x.onFrontier).map((x) => x.slug), filteredOut: 0, unscored: 0,
});

describe("prepareFrontier", () => {
  const v = view([e("a", "meta", 0.2, 50, true, true), e("b", "openai", 2, 80, false, true), e("c", "openai", 5, 70, false, false)]);

  it("colours by weights: an open and a proprietary series, then the Pareto line through the frontier models", () => {
    const p = prepareFrontier(v, "weights");
    expect(p.chart.series.map((s) => [s.key, s.points.length, !!s.line])).toEqual([["open", 1, false], ["proprietary", 2, false], ["pareto", 2, true]]);
    expect(p.chart.series[2]!.points.map((x) => x.x)).toEqual([0.2, 2]);
    expect(p.points).toBe(3);
    expect(p.chart.x.log).toBe(true);
    expect(p.summary).toContain("3 models priced on 2025-01-01, 2 on the frontier");
  });

  it("colours by lab, the smaller labs folded into one series", () => {
    expect(prepareFrontier(v, "lab").chart.series.map((s) => s.key)).toEqual(["openai", "meta", "pareto"]);
    const many = view(Array.from({ length: 12 }, (_, i) => e(`m${i}`, `lab${String(i).padStart(2, "0")}`, i + 1, i, false, false)));
    const series = prepareFrontier(many, "lab").chart.series;
    expect(series).toHaveLength(MAX_LAB_SERIES + 1);
    expect(series.at(-1)!.name).toBe("Other labs (5)");
    expect(series.reduce((n, s) => n + s.points.length, 0)).toBe(12);
  });

  it("exports one CSV row per model drawn, with the axis as a column", () => {
    const p = prepareFrontier(v, "weights");
    expect(p.csv.filename).toBe("frontier-fw-ci-v1-2025-01-01.csv");
    expect(p.csv.header).toContain("fw-ci-v1");
    expect(p.csv.rows.map((r) => r[0])).toEqual(["a", "b", "c"]);
  });

  it("says so when nothing matches", () => {
    const p = prepareFrontier(view([]), "weights");
    expect(p.chart.series).toEqual([]);
    expect(p.summary).toMatch(/^No model/);
  });
});

describe("replayMonths", () => {
  it("steps month by month across years, both ends included", () => {
    expect(replayMonths("2024-11-01", "2025-02-17")).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
  });
});
