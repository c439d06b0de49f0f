import { describe, expect, it } from "vitest";
import { dominates, frontierOn, paretoAmong, type FrontierModel } from "./frontier";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const priced = (slug: string, capability: number, price: number, openWeights = false): FrontierModel => ({
  slug, name: slug, labSlug: "lab", openWeights, reasoning: false, releasedOn: d("2024-01-01"), capability,
  prices: [{ providerSlug: "lab", firstParty: true, tier: "standard", validFrom: d("2024-01-01"), validTo: null, input: price, output: price }],
});

describe("paretoAmong", () => {
  it("gives the frontier among open models, not the open models on the overall frontier", () => {
    const models = [priced("closed-cheap-strong", 90, 1), priced("open-a", 60, 0.5, true), priced("open-b", 80, 2, true), priced("open-dominated", 70, 3, true)];
    const all = frontierOn(models, d("2024-06-01"));
    expect(all.pareto.map((e) => e.slug)).toEqual(["open-a", "closed-cheap-strong"]);
    const open = paretoAmong(all.available.filter((e) => e.openWeights));
    expect(open.pareto.map((e) => e.slug)).toEqual(["open-a", "open-b"]);
    expect(open.available.find((e) => e.slug === "open-dominated")!.onFrontier).toBe(false);
    // the input entries are not changed
    expect(all.available.find((e) => e.slug === "open-b")!.onFrontier).toBe(false);
  });

  it("agrees with frontierOn over the same models, ties included", () => {
    const next = rng(7);
    for (let round = 0; round < 50; round++) {
      const models = Array.from({ length: 30 }, (_, i) => priced(`m${i}`, Math.round(next() * 10), Math.round(next() * 8) / 2 + 0.5, next() < 0.5));
      const keep = (e: { openWeights: boolean }) => e.openWeights;
      const direct = frontierOn(models.filter(keep), d("2024-06-01"));
      const subset = paretoAmong(frontierOn(models, d("2024-06-01")).available.filter(keep));
      expect(subset.pareto.map((e) => e.slug)).toEqual(direct.pareto.map((e) => e.slug));
      expect(subset.available.map((e) => e.slug)).toEqual(direct.available.map((e) => e.slug));
      for (const e of subset.available) expect(e.onFrontier).toBe(!subset.available.some((o) => dominates(o, e)));
    }
  });
});
