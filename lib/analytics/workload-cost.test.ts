import { describe, expect, it } from "vitest";
import { workloadCost, type Workload } from "./workload-cost";

const w: Workload = { inputTokens: 2000, outputTokens: 500, cachedShare: 0, reasoningMultiplier: 1, requestsPerMonth: 1000 };
const prices = { input: 3, output: 15, cachedInput: 0.3, reasoning: null };

describe("workloadCost", () => {
  it("prices input and output tokens per 1M and multiplies by the requests per month", () => {
    const c = workloadCost(w, prices, { reasoning: false });
    // 2000 × $3/1M + 500 × $15/1M = 0.006 + 0.0075
    expect(c.perRequest).toBeCloseTo(0.0135, 12);
    expect(c.perMonth).toBeCloseTo(13.5, 9);
    expect(c.billedTokens).toBe(2500);
  });

  it("bills the cached share at the cached-input price, or at the input price when none is listed", () => {
    const cached = workloadCost({ ...w, cachedShare: 0.75 }, prices, { reasoning: false });
    expect(cached.parts.input).toBeCloseTo(1.5, 9);
    expect(cached.parts.cachedInput).toBeCloseTo(0.45, 9);
    expect(cached.cacheNotPriced).toBe(false);
    const unpriced = workloadCost({ ...w, cachedShare: 0.75 }, { ...prices, cachedInput: null }, { reasoning: false });
    expect(unpriced.perMonth).toBeCloseTo(workloadCost(w, prices, { reasoning: false }).perMonth, 9);
    expect(unpriced.cacheNotPriced).toBe(true);
  });

  it("adds hidden reasoning tokens for reasoning models only, at the reasoning price when listed", () => {
    const heavy = { ...w, reasoningMultiplier: 4 };
    expect(workloadCost(heavy, prices, { reasoning: false }).perMonth).toBeCloseTo(13.5, 9);
    const r = workloadCost(heavy, prices, { reasoning: true });
    // 1500 hidden tokens per request at the output price
    expect(r.parts.reasoning).toBeCloseTo(22.5, 9);
    expect(r.billedTokens).toBe(4000);
    expect(workloadCost(heavy, { ...prices, reasoning: 5 }, { reasoning: true }).parts.reasoning).toBeCloseTo(7.5, 9);
  });

  it("costs nothing for no requests, and refuses shares and multipliers out of range", () => {
    expect(workloadCost({ ...w, requestsPerMonth: 0 }, prices, { reasoning: false }).perMonth).toBe(0);
    expect(() => workloadCost({ ...w, cachedShare: 1.5 }, prices, { reasoning: false })).toThrow(RangeError);
    expect(() => workloadCost({ ...w, reasoningMultiplier: 0.5 }, prices, { reasoning: true })).toThrow(RangeError);
  });
});
