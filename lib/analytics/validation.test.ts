import { describe, expect, it } from "vitest";
import type { PriceTrend } from "./price-at-capability";
import type { GapMonth } from "./open-gap";
import { compareGapToPublished, compareToPublished, PUBLISHED_GAPS, PUBLISHED_TRENDS } from "./validation";

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

describe("compareGapToPublished", () => {
  const stanford = PUBLISHED_GAPS[0]!;
  const month = (m: string, gapPercent: number | null): GapMonth => ({
    benchmark: "arena-elo", month: new Date(`${m}T00:00:00Z`), gapPercent, gapPoints: null, lagMonths: null, lagReference: null,
    open: gapPercent === null ? null : { model: "open-m", name: "Open", score: 1200, since: new Date("2023-01-01") },
    proprietary: gapPercent === null ? null : { model: "prop-m", name: "Prop", score: 1300, since: new Date("2023-01-01") },
  });

  it("agrees when every month is within the tolerance and the gap narrows", () => {
    const r = compareGapToPublished(stanford, [month("2024-01-01", 10.4), month("2025-02-01", 0.6), month("2024-06-01", 7)]);
    expect(r.status).toBe("within");
    expect(r.ours.map((o) => o.gapPercent)).toEqual([10.4, 0.6]);
    expect(r.explanation).toContain("2024-01: ours 10.4% vs theirs 8.0%");
  });

  it("differs when a month is too far off, or the gap widens", () => {
    expect(compareGapToPublished(stanford, [month("2024-01-01", 12), month("2025-02-01", 1)]).status).toBe("outside");
    const slight = compareGapToPublished(stanford, [month("2024-01-01", 5.5), month("2025-02-01", 4.6)]);
    expect(slight.status).toBe("within"); // narrows a little, both within 3 points
    const wider = compareGapToPublished(stanford, [month("2024-01-01", 5.5), month("2025-02-01", 6)]);
    expect(wider.status).toBe("outside");
    expect(wider.explanation).toContain("not narrowing");
  });

  it("is not comparable, and says for which months, without both sides' scores", () => {
    const r = compareGapToPublished(stanford, [month("2024-01-01", null), month("2025-02-01", 1.5)]);
    expect(r.status).toBe("not-comparable");
    expect(r.explanation).toContain("2024-01");
  });
});
