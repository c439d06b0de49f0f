import { describe, expect, it } from "vitest";
import { monthsBetween, openGapByMonth, priceAtParity, type GapModel, type ScoreResult } from "./open-gap";
import type { PriceWindow } from "./reference-price";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const model = (slug: string, openWeights: boolean, released: string, prices: PriceWindow[] = []): GapModel => ({
  slug, name: slug.toUpperCase(), labSlug: "lab", openWeights, releasedOn: d(released), prices,
});
const r = (m: string, score: number, benchmark = "mmlu", measured?: string): ScoreResult => ({ model: m, benchmark, score, measuredOn: measured ? d(measured) : null });
const price = (providerSlug: string, from: string, input: number, output: number, firstParty = true): PriceWindow => ({
  providerSlug, firstParty, tier: "standard", validFrom: d(from), validTo: null, input, output,
});


describe("openGapByMonth", () => {
  const models = [model("prop-a", false, "2024-01-10"), model("prop-b", false, "2024-03-05"), model("open-a", true, "2024-02-20"), model("open-b", true, "2024-04-15")];
  const results = [r("prop-a", 80), r("prop-b", 90), r("open-a", 70), r("open-a", 78), r("open-b", 85)];
  const rows = openGapByMonth(models, results, { from: d("2024-01-01"), to: d("2024-05-31") });
  const at = (month: string) => rows.find((x) => x.month.getTime() === d(month).getTime())!;

  it("emits months before any open model with no open score, no gap and no lag", () => {
    expect(at("2024-01-01")).toMatchObject({ open: null, proprietary: null, gapPoints: null, lagMonths: null });
    expect(at("2024-02-01")).toMatchObject({ open: null, proprietary: { model: "prop-a", score: 80 }, gapPoints: null, gapPercent: null, lagMonths: null });
  });

  it("uses each model's best score and measures the gap in points and percent of the proprietary best", () => {
    const march = at("2024-03-01");
    expect(march.open).toMatchObject({ model: "open-a", score: 78 });
    expect(march.gapPoints).toBe(2);
    expect(march.gapPercent).toBeCloseTo(2.5, 10);
    // no proprietary model has reached 78 except prop-a (80), released 2024-01-10
    expect(march.lagReference).toEqual({ model: "prop-a", since: d("2024-01-10") });
    expect(march.lagMonths).toBeCloseTo(monthsBetween(d("2024-01-10"), d("2024-03-01")), 10);
  });

  it("counts a model from the first month start after its release", () => {
    expect(at("2024-04-01")).toMatchObject({ proprietary: { model: "prop-b", score: 90 }, gapPoints: 12 });
    expect(at("2024-05-01")).toMatchObject({ open: { model: "open-b", score: 85 }, gapPoints: 5 });
    // 85 was first reached by prop-b on 2024-03-05
    expect(at("2024-05-01").lagReference?.model).toBe("prop-b");
  });

  it("reproduces the Stanford AI Index style percentage", () => {
    const ms = [model("closed", false, "2024-01-01"), model("open", true, "2024-01-01")];
    const [row] = openGapByMonth(ms, [r("closed", 1250, "arena"), r("open", 1150, "arena")], { from: d("2024-01-01"), to: d("2024-01-01") });
    expect(row!.gapPercent).toBeCloseTo(8.0, 10);
  });

  it("reports a negative gap and a lag of 0 when open leads", () => {
    const ms = [model("closed", false, "2024-01-01"), model("open", true, "2024-01-01")];
    const [row] = openGapByMonth(ms, [r("closed", 60), r("open", 66)], { from: d("2024-02-01"), to: d("2024-02-01") });
    expect(row).toMatchObject({ gapPoints: -6, gapPercent: -10, lagMonths: 0, lagReference: null });
  });

  it("breaks score ties by who got there first, then by slug", () => {
    const ms = [model("open-late", true, "2024-03-01"), model("open-early", true, "2024-02-01"), model("closed-z", false, "2024-01-01"), model("closed-y", false, "2024-01-01")];
    const [row] = openGapByMonth(ms, [r("open-late", 70), r("open-early", 70), r("closed-z", 70), r("closed-y", 70)], { from: d("2024-04-01"), to: d("2024-04-01") });
    expect(row).toMatchObject({ open: { model: "open-early" }, proprietary: { model: "closed-y" }, gapPoints: 0, lagReference: { model: "closed-y" } });
    expect(row!.lagMonths).toBeCloseTo(monthsBetween(d("2024-01-01"), d("2024-04-01")), 10);
  });

  it("ignores models without a score on the benchmark and results for unknown models", () => {
    const ms = [model("closed", false, "2024-01-01"), model("open", true, "2024-01-01"), model("unscored", true, "2024-01-01")];
    const rows2 = openGapByMonth(ms, [r("closed", 50), r("open", 40), r("ghost", 99), r("unscored", 95, "gpqa")], { from: d("2024-02-01"), to: d("2024-02-01"), benchmarks: ["mmlu"] });
    expect(rows2).toHaveLength(1);
    expect(rows2[0]).toMatchObject({ open: { model: "open" }, proprietary: { model: "closed" }, gapPoints: 10 });
  });

  it("counts a late-measured result from its measured date only under the measured basis", () => {
    const ms = [model("closed", false, "2023-06-01"), model("open", true, "2023-06-01")];
    const res = [r("closed", 50), r("open", 45, "mmlu", "2024-03-10")];
    const opts = { from: d("2024-02-01"), to: d("2024-04-01") };
    expect(openGapByMonth(ms, res, opts).map((x) => x.open?.score ?? null)).toEqual([45, 45, 45]);
    expect(openGapByMonth(ms, res, { ...opts, basis: "measured" }).map((x) => x.open?.score ?? null)).toEqual([null, null, 45]);
  });

  it("never lets a best score fall or a lag go negative (seeded random catalogues)", () => {
    const rand = rng(4);
    for (let c = 0; c < 300; c++) {
      const n = 1 + Math.floor(rand() * 12);
      const ms: GapModel[] = [];
      const rs: ScoreResult[] = [];
      for (let i = 0; i < n; i++) {
        const released = new Date(Date.UTC(2023, Math.floor(rand() * 24), 1 + Math.floor(rand() * 28)));
        ms.push({ slug: `m${i}`, name: `M${i}`, labSlug: "x", openWeights: rand() < 0.5, releasedOn: released });
        if (rand() < 0.8) rs.push({ model: `m${i}`, benchmark: "b", score: Math.round(rand() * 20) * 5 });
      }
      const rowsR = openGapByMonth(ms, rs, { from: d("2023-01-01"), to: d("2025-01-01") });
      for (let i = 1; i < rowsR.length; i++) {
        expect(rowsR[i]!.open?.score ?? -1).toBeGreaterThanOrEqual(rowsR[i - 1]!.open?.score ?? -1);
        expect(rowsR[i]!.proprietary?.score ?? -1).toBeGreaterThanOrEqual(rowsR[i - 1]!.proprietary?.score ?? -1);
      }
      for (const row of rowsR) {
        if (row.lagMonths !== null) expect(row.lagMonths).toBeGreaterThanOrEqual(0);
        if (row.gapPoints !== null && row.gapPoints < 0) expect(row.lagMonths).toBe(0);
        if (row.gapPoints !== null) expect(row.gapPoints).toBe(row.proprietary!.score - row.open!.score);
      }
    }
  });
});

describe("priceAtParity", () => {
  const models = [
    model("gpt-x", false, "2024-01-01", [price("openai", "2024-01-01", 10, 30)]),
    model("gpt-x-mini", false, "2024-06-01", [price("openai", "2024-06-01", 1, 3)]),
    model("llama-big", true, "2024-03-01", [price("together", "2024-03-01", 0.9, 0.9, false), price("fireworks", "2024-03-01", 0.5, 0.5, false), price("deepinfra", "2024-03-01", 0.3, 0.3, false)]),
    model("llama-small", true, "2024-03-01", [price("together", "2024-03-01", 0.1, 0.1, false)]),
  ];
  const results = [r("gpt-x", 86), r("gpt-x-mini", 82), r("llama-big", 84), r("llama-big", 83), r("llama-small", 70)];

  it("compares the cheapest open and proprietary models at or above the threshold", () => {
    const p = priceAtParity(models, results, "mmlu", 82, d("2024-07-01"));
    expect(p.open).toMatchObject({ model: "llama-big", price: 0.5, basis: "median", score: 84 });
    expect(p.proprietary).toMatchObject({ model: "gpt-x-mini", price: 1.5 });
    expect(p.proprietaryOverOpen).toBeCloseTo(3, 10);
  });

  it("uses only models released by the date", () => {
    const p = priceAtParity(models, results, "mmlu", 82, d("2024-02-01"));
    expect(p.open).toBeNull();
    expect(p.proprietary).toMatchObject({ model: "gpt-x", price: 15 });
    expect(p.proprietaryOverOpen).toBeNull();
  });

  it("returns nothing on a side where no model reaches the threshold", () => {
    const p = priceAtParity(models, results, "mmlu", 85, d("2024-07-01"));
    expect(p.open).toBeNull();
    expect(p.proprietary?.model).toBe("gpt-x");
  });
});
