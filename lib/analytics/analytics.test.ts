import { describe, expect, it } from "vitest";
import { blendedPrice } from "./blended-price";
import { cheapestAtCapability, type CapabilityModel } from "./cheapest-at-capability";
import { referencePriceOn, type PriceWindow } from "./reference-price";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const w = (providerSlug: string, firstParty: boolean, from: string, to: string | null, input: number, output: number, tier = "standard"): PriceWindow => ({
  providerSlug, firstParty, tier, validFrom: d(from), validTo: to ? d(to) : null, input, output,
});

describe("blendedPrice", () => {
  it("weights input three to one by default", () => {
    expect(blendedPrice({ input: 10, output: 40 })).toBe(17.5);
  });
  it("takes other mixes", () => {
    expect(blendedPrice({ input: 10, output: 40 }, { input: 1, output: 1 })).toBe(25);
    expect(blendedPrice({ input: 1, output: 12 }, { input: 10, output: 1 })).toBe(2);
  });
  it("refuses an empty mix", () => {
    expect(() => blendedPrice({ input: 1, output: 1 }, { input: 0, output: 0 })).toThrow(RangeError);
  });
});

describe("referencePriceOn", () => {
  const windows = [w("openai", true, "2025-04-16", "2025-06-10", 10, 40), w("openai", true, "2025-06-10", null, 2, 8), w("azure", false, "2025-04-16", null, 11, 44)];
  it("uses the first-party price valid that day", () => {
    expect(referencePriceOn(windows, d("2025-05-01"))).toMatchObject({ input: 10, output: 40, basis: "first-party" });
    expect(referencePriceOn(windows, d("2025-06-10"))).toMatchObject({ input: 2, output: 8 });
  });
  it("falls back to the median across providers", () => {
    const third = [w("together", false, "2024-07-23", null, 3.5, 3.5), w("fireworks", false, "2024-07-23", null, 3, 3), w("deepinfra", false, "2024-07-23", null, 1.79, 1.79)];
    expect(referencePriceOn(third, d("2024-08-01"))).toMatchObject({ input: 3, output: 3, basis: "median", providers: ["deepinfra", "fireworks", "together"] });
  });
  it("ignores promotional, free and batch tiers and prices not yet valid", () => {
    const ws = [w("deepseek", true, "2024-12-26", null, 0.27, 1.1), w("deepseek", true, "2024-12-26", "2025-02-08", 0.14, 0.28, "promo"), w("deepseek", true, "2024-12-26", null, 0.135, 0.55, "batch")];
    expect(referencePriceOn(ws, d("2025-01-15"))).toMatchObject({ input: 0.27, output: 1.1 });
    expect(referencePriceOn(ws, d("2024-12-01"))).toBeNull();
  });
});

describe("cheapestAtCapability", () => {
  const models: CapabilityModel[] = [
    { slug: "gpt-4-0314", name: "GPT-4", labSlug: "openai", openWeights: false, releasedOn: d("2023-03-14"), score: 86.4, prices: [w("openai", true, "2023-03-14", null, 30, 60)] },
    { slug: "cheap-weak", name: "Weak", labSlug: "x", openWeights: true, releasedOn: d("2023-01-01"), score: 60, prices: [w("together", false, "2023-01-01", null, 0.1, 0.1)] },
    { slug: "gpt-4o", name: "GPT-4o", labSlug: "openai", openWeights: false, releasedOn: d("2024-05-13"), score: 88.7, prices: [w("openai", true, "2024-05-13", null, 5, 15)] },
  ];
  it("picks the cheapest model at or above the threshold on each date", () => {
    const series = cheapestAtCapability(models, 86.4, [d("2023-01-01"), d("2023-06-01"), d("2024-06-01")]);
    expect(series.map((p) => [p.model, p.price])).toEqual([["gpt-4-0314", 37.5], ["gpt-4o", 7.5]]);
  });
  it("breaks a price tie by the earlier release", () => {
    const twins: CapabilityModel[] = [
      { slug: "a-later", name: "A", labSlug: "x", openWeights: true, releasedOn: d("2024-06-01"), score: 90, prices: [w("together", false, "2024-06-01", null, 1, 1)] },
      { slug: "z-earlier", name: "Z", labSlug: "x", openWeights: true, releasedOn: d("2024-01-01"), score: 90, prices: [w("together", false, "2024-01-01", null, 1, 1)] },
    ];
    expect(cheapestAtCapability(twins, 80, [d("2024-07-01")])[0]!.model).toBe("z-earlier");
  });
  it("does not count a model before its release", () => {
    expect(cheapestAtCapability(models, 88, [d("2024-05-12")])).toEqual([]);
  });
});
