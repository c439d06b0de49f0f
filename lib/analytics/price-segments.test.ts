import { describe, expect, it } from "vitest";
import { priceAtCapability, referencePriceInMode, type PriceTrendModel } from "./price-at-capability";
import { referencePriceSegments, REFERENCE_PRICE_MODES, segmentsAsWindows } from "./price-segments";
import type { PriceWindow } from "./reference-price";
import { frontierOn } from "./frontier";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const w = (providerSlug: string, firstParty: boolean, from: string, to: string | null, input: number, output: number, tier = "standard"): PriceWindow => ({
  providerSlug, firstParty, tier, validFrom: d(from), validTo: to ? d(to) : null, input, output,
});
const DAY = 86_400_000;

function randomWindows(r: () => number): PriceWindow[] {
  const out: PriceWindow[] = [];
  const providers = ["lab", "together", "fireworks", "groq"].slice(0, 1 + Math.floor(r() * 4));
  for (const p of providers) {
    let t = d("2023-01-01").getTime() + Math.floor(r() * 200) * DAY;
    const rows = 1 + Math.floor(r() * 4);
    for (let i = 0; i < rows; i++) {
      const len = (5 + Math.floor(r() * 120)) * DAY;
      const last = i === rows - 1 && r() < 0.5;
      const price = [0.5, 1, 2, 3][Math.floor(r() * 4)]!;
      out.push({ providerSlug: p, firstParty: p === "lab", tier: r() < 0.15 ? "promo" : "standard", validFrom: new Date(t), validTo: last ? null : new Date(t + len), input: price, output: price * (1 + Math.floor(r() * 4)) });
      t += len + (r() < 0.3 ? Math.floor(r() * 30) * DAY : 0); // sometimes a gap
    }
  }
  return out;
}

describe("referencePriceSegments", () => {
  it("steps at each change of the reference price and merges equal neighbours", () => {
    const windows = [
      w("openai", true, "2024-01-01", "2024-03-01", 10, 30),
      w("openai", true, "2024-03-01", "2024-05-01", 10, 30), // same price, new row: no new segment
      w("openai", true, "2024-05-01", null, 5, 15),
      w("azure", false, "2024-02-01", null, 1, 1), // first-party wins while it exists
      w("openai", true, "2024-06-01", null, 0, 0, "free"), // variants never count
    ];
    expect(referencePriceSegments(windows)).toEqual([
      { validFrom: d("2024-01-01"), validTo: d("2024-05-01"), input: 10, output: 30, basis: "first-party", providers: ["openai"] },
      { validFrom: d("2024-05-01"), validTo: null, input: 5, output: 15, basis: "first-party", providers: ["openai"] },
    ]);
    expect(referencePriceSegments(windows, "median").map((s) => [s.validFrom.toISOString().slice(0, 10), s.input, s.providers.join()])).toEqual([
      ["2024-01-01", 10, "openai"], ["2024-02-01", 5.5, "azure,openai"], ["2024-05-01", 3, "azure,openai"],
    ]);
  });

  it("leaves gaps where no provider had a price, and returns nothing for no windows", () => {
    const s = referencePriceSegments([w("a", false, "2024-01-01", "2024-02-01", 1, 1), w("a", false, "2024-03-01", "2024-04-01", 1, 1)]);
    expect(s.map((x) => [x.validFrom, x.validTo])).toEqual([[d("2024-01-01"), d("2024-02-01")], [d("2024-03-01"), d("2024-04-01")]]);
    expect(referencePriceSegments([])).toEqual([]);
  });

  it("gives the same reference price as the price rows on every day, in every mode (property)", () => {
    const r = rng(4242);
    for (let c = 0; c < 200; c++) {
      const windows = randomWindows(r);
      for (const mode of REFERENCE_PRICE_MODES) {
        const seg = segmentsAsWindows(referencePriceSegments(windows, mode));
        for (let k = 0; k < 30; k++) {
          const day = new Date(d("2022-12-01").getTime() + Math.floor(r() * 800) * DAY);
          const want = referencePriceInMode(windows, day, mode);
          const got = referencePriceInMode(seg, day, "reference");
          expect(got && { input: got.input, output: got.output, basis: got.basis }).toEqual(want && { input: want.input, output: want.output, basis: want.basis });
        }
        // segments never overlap and never touch with the same price
        const s = referencePriceSegments(windows, mode);
        for (let i = 1; i < s.length; i++) expect(s[i]!.validFrom.getTime()).toBeGreaterThanOrEqual(s[i - 1]!.validTo!.getTime());
      }
    }
  });

  it("lets the trend and the frontier read segments instead of price rows with identical results (property)", () => {
    const r = rng(99);
    const models: PriceTrendModel[] = Array.from({ length: 40 }, (_, i) => ({
      slug: `m${i}`, name: `M${i}`, labSlug: "lab", openWeights: r() < 0.5, reasoning: r() < 0.2,
      releasedOn: new Date(d("2023-01-01").getTime() + Math.floor(r() * 300) * DAY), score: r() < 0.1 ? null : Math.round(r() * 100), prices: randomWindows(r),
    }));
    for (const mode of REFERENCE_PRICE_MODES) {
      const viaSegments = models.map((m) => ({ ...m, prices: segmentsAsWindows(referencePriceSegments(m.prices, mode)) }));
      const opts = { threshold: { score: 40 }, window: { from: d("2023-01-01"), to: d("2025-01-01") }, mode };
      const a = priceAtCapability(models, opts);
      const b = priceAtCapability(viaSegments, { ...opts, mode: "reference" });
      expect(b.points.map((p) => [p.model, p.date, p.price, p.kind, p.basis])).toEqual(a.points.map((p) => [p.model, p.date, p.price, p.kind, p.basis]));
      expect(b.fit?.factorPerYear).toEqual(a.fit?.factorPerYear);
      const fa = frontierOn(models.map((m) => ({ ...m, capability: m.score })), d("2023-09-01"), { mode });
      const fb = frontierOn(viaSegments.map((m) => ({ ...m, capability: m.score })), d("2023-09-01"));
      expect(fb).toEqual(fa);
    }
  });
});
