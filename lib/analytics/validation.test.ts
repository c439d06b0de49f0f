import { describe, expect, it } from "vitest";
import type { PriceTrend } from "./price-at-capability";
import { compareToPublished, PUBLISHED_TRENDS } from "./validation";

const trend = (factor: number, low: number, high: number): PriceTrend =>
  ({ threshold: 64.8, thresholdModel: null, window: { from: new Date(0), to: new Date(0) }, n: 6, points: [], reason: null,
     fit: { slope: -Math.log10(factor), intercept: 0, r2: 0.9, slopeStdError: 0.1, factorPerYear: factor, ci90: { low, high }, line: [] } }) as unknown as PriceTrend;

describe("compareToPublished", () => {
  const epoch = PUBLISHED_TRENDS.find((p) => p.id === "epoch-2025-mmlu-gpt35")!;
  it("says our estimate is within a published interval", () => {
    expect(compareToPublished(epoch, trend(12, 6, 20)).status).toBe("within");
  });
  it("says when it is outside, and whether the intervals overlap", () => {
    const r = compareToPublished(epoch, trend(8, 5, 12.9));
    expect(r.status).toBe("outside");
    expect(r.explanation).toMatch(/though the intervals overlap/);
  });
  it("reads a point estimate without an interval through its tolerance band", () => {
    const a16z = PUBLISHED_TRENDS.find((p) => p.id === "a16z-2024-llmflation")!;
    expect(compareToPublished(a16z, trend(12.8, 9.7, 16.9)).status).toBe("within");
  });
  it("cannot compare without a fit and says why", () => {
    const r = compareToPublished(epoch, { ...trend(1, 1, 1), fit: null, reason: "fewer than 4 points" } as PriceTrend);
    expect(r).toMatchObject({ status: "not-comparable", ours: null });
    expect(r.explanation).toMatch(/fewer than 4 points/);
  });
});
