import { describe, expect, it } from "vitest";
import { priceAtCapability, priceObservations, referencePriceInMode, walkCheapest, type PriceObservation, type PriceTrendModel } from "./price-at-capability";
import type { PriceWindow } from "./reference-price";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const YEAR_MS = 365 * 86_400_000;
// input = output, so the blended price equals it under any mix
const flat = (providerSlug: string, from: Date, to: Date | null, price: number, firstParty = true): PriceWindow => ({
  providerSlug, firstParty, tier: "standard", validFrom: from, validTo: to, input: price, output: price,
});
const model = (slug: string, released: Date, score: number | null, prices: PriceWindow[], extra: Partial<PriceTrendModel> = {}): PriceTrendModel => ({
  slug, name: slug.toUpperCase(), labSlug: "lab", openWeights: false, reasoning: false, releasedOn: released, score, prices, ...extra,
});
const launch = (slug: string, day: string, score: number | null, price: number, extra: Partial<PriceTrendModel> = {}) => model(slug, d(day), score, [flat("lab", d(day), null, price)], extra);
const WINDOW = { from: d("2020-01-01"), to: d("2030-01-01") };


describe("priceAtCapability", () => {
  it("finds a factor of exactly 2 with r² 1 when the price halves every year", () => {
    const start = Date.UTC(2021, 0, 1);
    const models = [16, 8, 4, 2, 1].map((price, k) => model(`m${k}`, new Date(start + k * YEAR_MS), 70, [flat("lab", new Date(start + k * YEAR_MS), null, price)]));
    const trend = priceAtCapability(models, { threshold: { score: 60 }, window: WINDOW });
    expect(trend.reason).toBeNull();
    expect(trend.n).toBe(5);
    expect(trend.fit!.factorPerYear).toBeCloseTo(2, 12);
    expect(trend.fit!.r2).toBe(1);
    expect(trend.fit!.ci90.low).toBeCloseTo(2, 10);
    expect(trend.fit!.ci90.high).toBeCloseTo(2, 10);
    expect(trend.fit!.line[0].price).toBeCloseTo(16, 10);
    expect(trend.fit!.line[1].price).toBeCloseTo(1, 10);
    expect(trend.fit!.line[1].date).toEqual(new Date(start + 4 * YEAR_MS));
  });

  it("matches an independent fit (scipy linregress and t.ppf) for the factor, its 90% interval and r²", () => {
    const days = ["2023-01-01", "2023-05-01", "2023-11-15", "2024-03-01", "2024-09-01"];
    const models = days.map((day, i) => launch(`m${i}`, day, 80, [20, 12, 5, 3.5, 0.9][i]!));
    const fit = priceAtCapability(models, { threshold: { score: 80 }, window: WINDOW }).fit!;
    expect(fit.factorPerYear).toBeCloseTo(5.997926760037131, 9);
    expect(fit.ci90.low).toBeCloseTo(4.204087349596603, 9);
    expect(fit.ci90.high).toBeCloseTo(8.55717839026857, 9);
    expect(fit.r2).toBeCloseTo(0.979130086439939, 12);
  });

  it("keeps only models at or above the threshold that undercut every earlier one", () => {
    const models = [
      launch("a", "2023-01-01", 70, 30),
      launch("weak-cheap", "2023-02-01", 50, 0.1), // below the threshold
      launch("b", "2023-03-01", 75, 40), // dearer than a: not kept
      launch("c", "2023-06-01", 70, 10), // exactly at the threshold
      launch("d", "2023-09-01", 90, 10), // equal to c, not cheaper: not kept
      launch("e", "2024-01-01", 72, 2),
    ];
    const trend = priceAtCapability(models, { threshold: { score: 70 }, window: WINDOW });
    expect(trend.points.map((p) => [p.model, p.price])).toEqual([["a", 30], ["c", 10], ["e", 2]]);
    expect(trend.fit).toBeNull();
    expect(trend.reason).toMatch(/3 points.*at least 4/);
  });

  it("keeps only the cheaper of two models released on the same date, and the first slug on an exact tie", () => {
    const models = [launch("x-dear", "2023-01-01", 80, 9), launch("x-cheap", "2023-01-01", 80, 6), launch("tie-b", "2023-06-01", 80, 3), launch("tie-a", "2023-06-01", 80, 3)];
    const { points } = priceAtCapability(models, { threshold: { score: 80 }, window: WINDOW });
    expect(points.map((p) => p.model)).toEqual(["x-cheap", "tie-a"]);
  });

  it("reports a single point without a fit", () => {
    const trend = priceAtCapability([launch("only", "2024-01-01", 90, 5), launch("weak", "2024-02-01", 10, 1)], { threshold: { score: 80 }, window: WINDOW });
    expect(trend).toMatchObject({ threshold: 80, n: 1, fit: null });
    expect(trend.points[0]).toMatchObject({ model: "only", price: 5, score: 90, kind: "release" });
    expect(trend.reason).toMatch(/1 point at or above/);
  });

  it("counts a price cut after release as a new observation on the day of the cut", () => {
    const cut = model("cut", d("2023-01-01"), 80, [flat("lab", d("2023-01-01"), d("2023-07-01"), 10), flat("lab", d("2023-07-01"), d("2024-02-01"), 4), flat("lab", d("2024-02-01"), null, 1)]);
    const models = [cut, launch("rival", "2023-04-01", 85, 6), launch("late", "2024-06-01", 80, 0.5)];
    const trend = priceAtCapability(models, { threshold: { score: 80 }, window: WINDOW });
    expect(trend.points.map((p) => [p.model, p.date.toISOString().slice(0, 10), p.price, p.kind])).toEqual([
      ["cut", "2023-01-01", 10, "release"],
      ["rival", "2023-04-01", 6, "release"],
      ["cut", "2023-07-01", 4, "price-change"],
      ["cut", "2024-02-01", 1, "price-change"],
      ["late", "2024-06-01", 0.5, "release"],
    ]);
    expect(trend.fit).not.toBeNull();
  });

  it("excludes reasoning models unless asked to include them", () => {
    const models = [launch("a", "2023-01-01", 80, 20), launch("r1", "2023-03-01", 90, 2, { reasoning: true }), launch("b", "2023-06-01", 80, 10), launch("c", "2023-09-01", 80, 5), launch("d", "2024-01-01", 80, 1)];
    const without = priceAtCapability(models, { threshold: { score: 80 }, window: WINDOW });
    expect(without.points.map((p) => p.model)).toEqual(["a", "b", "c", "d"]);
    const withReasoning = priceAtCapability(models, { threshold: { score: 80 }, window: WINDOW, includeReasoning: true });
    expect(withReasoning.points.map((p) => p.model)).toEqual(["a", "r1", "d"]);
    expect(withReasoning.fit).toBeNull();
  });

  it("takes the threshold from a named model's score, and says why when it cannot", () => {
    const models = [launch("gpt-4", "2023-03-14", 86.4, 37.5), launch("below", "2023-05-01", 86.3, 1), launch("above", "2023-06-01", 88, 7.5), launch("unscored", "2023-07-01", null, 0.1)];
    const trend = priceAtCapability(models, { threshold: { model: "gpt-4" }, window: WINDOW });
    expect(trend).toMatchObject({ threshold: 86.4, thresholdModel: "gpt-4" });
    expect(trend.points.map((p) => p.model)).toEqual(["gpt-4", "above"]);
    expect(priceAtCapability(models, { threshold: { model: "nope" }, window: WINDOW })).toMatchObject({ threshold: null, fit: null, reason: expect.stringMatching(/not among/) });
    expect(priceAtCapability(models, { threshold: { model: "unscored" }, window: WINDOW })).toMatchObject({ threshold: null, fit: null, reason: expect.stringMatching(/no score/) });
  });

  it("never counts a model without a score, however cheap", () => {
    const { points } = priceAtCapability([launch("a", "2023-01-01", 70, 5), launch("unknown", "2023-02-01", null, 0.01)], { threshold: { score: 0 }, window: WINDOW });
    expect(points.map((p) => p.model)).toEqual(["a"]);
  });

  it("counts only observations inside the window, including a cut to an older model", () => {
    const old = model("old", d("2022-01-01"), 80, [flat("lab", d("2022-01-01"), d("2023-03-01"), 10), flat("lab", d("2023-03-01"), null, 3)]);
    const trend = priceAtCapability([old, launch("new", "2023-02-01", 80, 5), launch("after", "2025-01-01", 80, 1)], { threshold: { score: 80 }, window: { from: d("2023-01-01"), to: d("2024-12-31") } });
    expect(trend.points.map((p) => [p.model, p.price])).toEqual([["new", 5], ["old", 3]]);
  });

  it("blends with the given mix and prices by the chosen reference mode", () => {
    const prices = [
      { providerSlug: "lab", firstParty: true, tier: "standard", validFrom: d("2023-01-01"), validTo: null, input: 10, output: 30 },
      { providerSlug: "cloud-a", firstParty: false, tier: "standard", validFrom: d("2023-01-01"), validTo: null, input: 2, output: 2 },
      { providerSlug: "cloud-b", firstParty: false, tier: "standard", validFrom: d("2023-01-01"), validTo: null, input: 4, output: 4 },
    ];
    const m = model("m", d("2023-01-01"), 80, prices);
    const first = (opts: Parameters<typeof priceAtCapability>[1]) => priceAtCapability([m], opts).points[0];
    expect(first({ threshold: { score: 80 }, window: WINDOW })).toMatchObject({ price: 15, basis: "first-party" });
    expect(first({ threshold: { score: 80 }, window: WINDOW, mix: { input: 1, output: 1 } })).toMatchObject({ price: 20 });
    expect(first({ threshold: { score: 80 }, window: WINDOW, mode: "median" })).toMatchObject({ price: 4, basis: "median" });
    const thirdPartyOnly = model("open", d("2023-01-01"), 80, prices.slice(1));
    expect(priceAtCapability([thirdPartyOnly], { threshold: { score: 80 }, window: WINDOW, mode: "first-party" }).points).toEqual([]);
    expect(referencePriceInMode(prices, d("2023-02-01"), "first-party")).toMatchObject({ input: 10, output: 30 });
  });

  it("starts a model's observations on its first priced day when it had no price at release", () => {
    const open = model("open", d("2024-01-10"), 80, [flat("host", d("2024-01-20"), null, 2, false)]);
    expect(priceObservations({ ...open, score: 80 })).toMatchObject([{ date: d("2024-01-20"), kind: "release", price: 2 }]);
  });

  it("refuses a window that ends before it starts", () => {
    expect(priceAtCapability([], { threshold: { score: 1 }, window: { from: d("2024-01-01"), to: d("2023-01-01") } }).reason).toMatch(/window/);
  });
});

describe("walkCheapest (property)", () => {
  it("keeps strictly falling prices on distinct dates, each the cheapest observation up to its date", () => {
    const next = rng(20250401);
    for (let c = 0; c < 300; c++) {
      const observations: PriceObservation[] = Array.from({ length: 1 + Math.floor(next() * 30) }, (_, i) => ({
        model: `m${i}`, modelName: `M${i}`, date: new Date(Date.UTC(2023, 0, 1 + Math.floor(next() * 40))), price: 1 + Math.floor(next() * 12), score: 80, kind: "release", basis: "first-party",
      }));
      const kept = walkCheapest(observations);
      for (let i = 1; i < kept.length; i++) {
        expect(kept[i]!.price).toBeLessThan(kept[i - 1]!.price);
        expect(kept[i]!.date.getTime()).toBeGreaterThan(kept[i - 1]!.date.getTime());
      }
      for (const k of kept) {
        const upToDate = observations.filter((o) => o.date.getTime() <= k.date.getTime());
        expect(k.price).toBe(Math.min(...upToDate.map((o) => o.price)));
      }
      // every observation left out was matched or undercut by a kept point no later than it
      for (const o of observations) if (!kept.includes(o)) expect(kept.some((k) => k.date.getTime() <= o.date.getTime() && k.price <= o.price)).toBe(true);
    }
  });

  it("keeps the points of priceAtCapability falling for random catalogues with price cuts", () => {
    const next = rng(7);
    for (let c = 0; c < 200; c++) {
      const models = Array.from({ length: 2 + Math.floor(next() * 12) }, (_, i) => {
        const released = Date.UTC(2022, 0, 1) + Math.floor(next() * 900) * 86_400_000;
        let from = released;
        const windows: PriceWindow[] = [];
        for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) {
          const to = k === n - 1 ? null : from + (10 + Math.floor(next() * 200)) * 86_400_000;
          windows.push(flat(next() < 0.8 ? "lab" : "host", new Date(from), to === null ? null : new Date(to), Math.round(next() * 5000) / 100 + 0.01, true));
          if (to !== null) from = to;
        }
        return model(`m${i}`, new Date(released), next() < 0.1 ? null : Math.floor(next() * 100), windows, { reasoning: next() < 0.2 });
      });
      const trend = priceAtCapability(models, { threshold: { score: 40 }, window: WINDOW, includeReasoning: next() < 0.5 });
      for (let i = 1; i < trend.points.length; i++) expect(trend.points[i]!.price).toBeLessThan(trend.points[i - 1]!.price);
      for (const p of trend.points) expect(p.score).toBeGreaterThanOrEqual(40);
      expect(trend.fit === null).toBe(trend.n < 4);
      if (trend.fit) expect(trend.fit.factorPerYear).toBeGreaterThan(1);
    }
  });
});
