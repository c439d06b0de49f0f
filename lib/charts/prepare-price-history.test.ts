import { describe, expect, it } from "vitest";
import { preparePriceHistory, type PriceHistoryInput } from "./prepare-price-history";

const row = (providerSlug: string, validFrom: string, validTo: string | null, input: number, output: number, extra: Partial<PriceHistoryInput> = {}): PriceHistoryInput => ({
  providerSlug, providerName: providerSlug.toUpperCase(), tier: "standard", validFrom, validTo, input, output, sourceUrl: `https://src/${providerSlug}/${validFrom}`, source: "curated", ...extra,
});

describe("preparePriceHistory", () => {
  it("draws one step series per provider; an open window runs to the as-of date", () => {
    const r = preparePriceHistory([row("openai", "2024-05-13", "2024-08-06", 5, 15), row("openai", "2024-08-06", null, 2.5, 10), row("azure", "2024-06-01", null, 5, 15)], "2025-01-01", "p.csv");
    expect(r.chart.series.map((s) => s.key)).toEqual(["azure", "openai"]);
    const openai = r.chart.series[1]!;
    expect(openai.points.map((p) => [p.date, p.value])).toEqual([["2024-05-13", 7.5], ["2024-08-06", 4.375], ["2025-01-01", 4.375]]);
    expect(r.windows).toHaveLength(3);
    expect(r.csv.rows[0]).toEqual(["azure", "2024-06-01", null, 5, 15, 7.5, "https://src/azure/2024-06-01"]);
  });
  it("ends the line where a window closed with nothing after it, and breaks it across a gap", () => {
    const r = preparePriceHistory([row("x", "2024-01-01", "2024-03-01", 1, 1), row("x", "2024-06-01", "2024-09-01", 2, 2)], "2025-01-01", "p.csv");
    expect(r.chart.series[0]!.points.map((p) => [p.date, p.value])).toEqual([["2024-01-01", 1], ["2024-03-01", 1], ["2024-03-01", null], ["2024-06-01", 2], ["2024-09-01", 2]]);
  });
  it("keeps other tiers out of the chart and counts them; of two sources for one window draws the cheaper", () => {
    const r = preparePriceHistory([row("x", "2024-01-01", null, 1, 1), row("x", "2024-01-01", null, 2, 2, { source: "litellm" }), row("x", "2024-01-01", null, 0.5, 0.5, { tier: "batch" })], "2024-02-01", "p.csv");
    expect(r.windows.map((w) => w.blended)).toEqual([1]);
    expect(r.otherTierRows).toBe(1);
  });
  it("says so when there is no price", () => {
    const r = preparePriceHistory([], "2025-01-01", "p.csv");
    expect(r.chart.series).toEqual([]);
    expect(r.summary).toMatch(/No standard-tier price/);
  });
  it("uses a log axis when prices span more than 20×", () => {
    expect(preparePriceHistory([row("a", "2024-01-01", null, 60, 60), row("b", "2024-01-01", null, 1, 1)], "2024-02-01", "p.csv").chart.log).toBe(true);
  });
});
