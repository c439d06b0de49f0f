import { describe, expect, it } from "vitest";
import { dominates, frontierOn, type FrontierModel } from "./frontier";
import type { PriceWindow } from "./reference-price";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const w = (providerSlug: string, firstParty: boolean, from: string, to: string | null, input: number, output: number): PriceWindow => ({
  providerSlug, firstParty, tier: "standard", validFrom: d(from), validTo: to ? d(to) : null, input, output,
});
const m = (slug: string, released: string, capability: number | null, prices: PriceWindow[], extra: Partial<FrontierModel> = {}): FrontierModel => ({
  slug, name: slug.toUpperCase(), labSlug: "lab", openWeights: false, reasoning: false, releasedOn: d(released), capability, prices, ...extra,
});
const priced = (slug: string, capability: number | null, price: number) => m(slug, "2024-01-01", capability, [w("lab", true, "2024-01-01", null, price, price)]);


describe("frontierOn", () => {
  it("lists models released by the date with a price that day, and their blended reference price", () => {
    const models = [
      m("gpt-4", "2023-03-14", 86.4, [w("openai", true, "2023-03-14", null, 30, 60)]),
      m("future", "2024-09-01", 95, [w("lab", true, "2024-09-01", null, 1, 1)]),
      m("withdrawn", "2023-01-01", 70, [w("lab", true, "2023-01-01", "2024-01-01", 1, 1)]),
      m("announced", "2024-05-01", 90, []),
      m("open", "2024-04-18", 82, [w("together", false, "2024-04-18", null, 0.9, 0.9), w("fireworks", false, "2024-04-18", null, 0.7, 0.7), w("deepinfra", false, "2024-04-18", null, 0.5, 0.5)], { openWeights: true }),
      m("no-score", "2024-01-01", null, [w("lab", true, "2024-01-01", null, 2, 2)]),
    ];
    const f = frontierOn(models, d("2024-06-01"));
    expect(f.available.map((e) => [e.slug, e.price, e.basis])).toEqual([["open", 0.7, "median"], ["gpt-4", 37.5, "first-party"]]);
    expect(f.unscored).toEqual(["no-score"]);
    expect(f.pareto.map((e) => e.slug)).toEqual(["open", "gpt-4"]);
  });

  it("counts a model on its release day", () => {
    expect(frontierOn([priced("a", 50, 1)], d("2024-01-01")).available).toHaveLength(1);
    expect(frontierOn([priced("a", 50, 1)], d("2023-12-31")).available).toHaveLength(0);
  });

  it("keeps the models no other is both cheaper-or-equal and at-least-as-capable than", () => {
    const models = [priced("cheap-weak", 40, 0.1), priced("mid", 70, 1), priced("dominated", 65, 2), priced("strong", 90, 10), priced("pricey-weak", 60, 20)];
    const f = frontierOn(models, d("2024-06-01"));
    expect(f.pareto.map((e) => e.slug)).toEqual(["cheap-weak", "mid", "strong"]);
    expect(f.available.filter((e) => !e.onFrontier).map((e) => e.slug)).toEqual(["dominated", "pricey-weak"]);
  });

  it("handles ties: exact twins both stay, equal price keeps the abler, equal capability keeps the cheaper", () => {
    const models = [priced("twin-b", 80, 5), priced("twin-a", 80, 5), priced("same-price-weaker", 70, 5), priced("same-score-dearer", 80, 6), priced("cheap", 60, 1)];
    const f = frontierOn(models, d("2024-06-01"));
    expect(f.pareto.map((e) => e.slug)).toEqual(["cheap", "twin-a", "twin-b"]);
    expect(f.available.map((e) => e.slug)).toEqual(["cheap", "twin-a", "twin-b", "same-price-weaker", "same-score-dearer"]);
  });

  it("blends with the given mix and prices by the chosen mode", () => {
    const lab = m("lab-model", "2024-01-01", 80, [w("lab", true, "2024-01-01", null, 1, 9), w("cloud", false, "2024-01-01", null, 3, 3)]);
    expect(frontierOn([lab], d("2024-02-01")).available[0]).toMatchObject({ price: 3, basis: "first-party" });
    expect(frontierOn([lab], d("2024-02-01"), { mix: { input: 1, output: 1 } }).available[0]).toMatchObject({ price: 5 });
    expect(frontierOn([lab], d("2024-02-01"), { mode: "median" }).available[0]).toMatchObject({ price: 3, basis: "median" });
  });

  it("property: no member is dominated, every non-member is dominated by a member, and input order does not matter", () => {
    const next = rng(42);
    for (let c = 0; c < 300; c++) {
      const models = Array.from({ length: Math.floor(next() * 25) }, (_, i) => {
        const released = `2024-0${1 + Math.floor(next() * 9)}-01`;
        // small integer ranges make ties on price, capability and both common
        const price = 1 + Math.floor(next() * 8);
        return m(`m${i}`, released, next() < 0.1 ? null : Math.floor(next() * 8), [w("lab", true, released, null, price, price)]);
      });
      const date = d("2024-06-15");
      const f = frontierOn(models, date);
      for (const p of f.pareto) for (const a of f.available) expect(dominates(a, p)).toBe(false);
      for (const a of f.available) if (!a.onFrontier) expect(f.pareto.some((p) => dominates(p, a))).toBe(true);
      expect(f.available.length + f.unscored.length).toBe(models.filter((x) => x.releasedOn.getTime() <= date.getTime()).length);
      const shuffled = [...models].sort(() => next() - 0.5);
      expect(frontierOn(shuffled, date)).toEqual(f);
    }
  });
});

describe("dominates", () => {
  it("needs strictly better on one axis", () => {
    expect(dominates({ price: 1, capability: 5 }, { price: 1, capability: 5 })).toBe(false);
    expect(dominates({ price: 1, capability: 6 }, { price: 1, capability: 5 })).toBe(true);
    expect(dominates({ price: 0.5, capability: 5 }, { price: 1, capability: 5 })).toBe(true);
    expect(dominates({ price: 0.5, capability: 4 }, { price: 1, capability: 5 })).toBe(false);
  });
});
