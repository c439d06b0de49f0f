import { describe, expect, it } from "vitest";
import { formatUsd, prepareCheapestPrice } from "./prepare-cheapest-price";

const res = (points: { date: string; price: number; model: string }[]) => ({
  benchmark: { slug: "mmlu", name: "MMLU", unit: "percent" },
  threshold: 86.4,
  mix: { input: 3, output: 1 },
  qualifyingModels: 3,
  points: points.map((p) => ({ ...p, modelName: p.model.toUpperCase(), score: 88, basis: "first-party" as const })),
});

describe("prepareCheapestPrice", () => {
  it("labels each handover of the cheapest model and spans the prices with powers of ten", () => {
    const data = prepareCheapestPrice(res([
      { date: "2023-04-01", price: 37.5, model: "gpt-4" },
      { date: "2023-05-01", price: 37.5, model: "gpt-4" },
      { date: "2024-06-01", price: 7.5, model: "gpt-4o" },
      { date: "2025-01-01", price: 0.48, model: "deepseek-v3" },
    ]));
    expect(data.points).toHaveLength(4);
    expect(data.handovers.map((h) => h.model)).toEqual(["gpt-4", "gpt-4o", "deepseek-v3"]);
    expect(data.yTicks).toEqual([0.1, 1, 10, 100]);
    expect(data.summary).toContain("78× cheaper");
  });
  it("says so when no model qualifies", () => {
    const data = prepareCheapestPrice(res([]));
    expect(data.points).toEqual([]);
    expect(data.summary).toMatch(/No model at or above 86.4/);
  });
  it("formats prices for reading", () => {
    expect(formatUsd(37.5)).toBe("37.50");
    expect(formatUsd(0.48)).toBe("0.480");
    expect(formatUsd(0.0042)).toBe("0.0042");
  });
});
