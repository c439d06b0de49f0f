import { describe, expect, it } from "vitest";
import { blendedPrice } from "./blended-price";
import { providerSpreadOn, type OfferingPrice, type SpreadOffering } from "./provider-spread";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const p = (from: string, to: string | null, input: number, output: number, tier = "standard"): OfferingPrice => ({
  tier, validFrom: d(from), validTo: to ? d(to) : null, input, output,
});
const offering = (providerSlug: string, extra: Partial<SpreadOffering> & { prices: OfferingPrice[] }): SpreadOffering => ({
  providerSlug, providerName: providerSlug, providerKind: "gpu_cloud", hardware: "gpu", firstParty: false, ...extra,
});


const deepseekBlended = blendedPrice({ input: 0.27, output: 1.1 }); // ≈ 0.4775
const model = { slug: "deepseek-v3", releasedOn: d("2024-12-26") };
const offerings: SpreadOffering[] = [
  offering("deepseek", { providerKind: "first_party", firstParty: true, prices: [p("2024-12-26", "2025-02-09", 0.14, 0.28, "promo"), p("2024-12-26", null, 0.27, 1.1)] }),
  offering("together", { prices: [p("2025-01-02", null, 1.25, 1.25)], throughput: [{ measuredAt: d("2025-01-05"), tokensPerSecond: 40, ttftMs: 600 }] }),
  offering("groq", { providerKind: "specialised_hardware", hardware: "lpu", prices: [p("2025-01-20", null, 0.75, 0.99)], throughput: [{ measuredAt: d("2025-01-21"), tokensPerSecond: 250, ttftMs: 200 }, { measuredAt: d("2025-03-01"), tokensPerSecond: 300, ttftMs: 150 }] }),
  offering("fireworks", { prices: [p("2025-01-10", "2025-02-01", 0.9, 0.9), p("2025-02-01", null, 0.9, 0.9), p("2025-01-10", null, 0.45, 0.45, "batch")], throughput: [{ measuredAt: d("2025-01-15"), tokensPerSecond: 250, ttftMs: 300 }] }),
];

describe("providerSpreadOn", () => {
  const spread = providerSpreadOn(model, offerings, d("2025-02-01"));

  it("lists each host's standard blended price with its kind, hardware and latest speed", () => {
    expect(spread.rows.map((r) => [r.providerSlug, r.blended])).toEqual([["deepseek", deepseekBlended], ["groq", 0.81], ["fireworks", 0.9], ["together", 1.25]]);
    expect(spread.rows[1]).toMatchObject({ providerKind: "specialised_hardware", hardware: "lpu", tokensPerSecond: 250, ttftMs: 200 });
    expect(spread.rows[0]).toMatchObject({ firstParty: true, tokensPerSecond: null, ttftMs: null });
  });

  it("summarises min, median, max and the max/min ratio", () => {
    expect(spread.hosts).toBe(4);
    expect(spread.price).toEqual({ min: deepseekBlended, median: (0.81 + 0.9) / 2, max: 1.25, maxOverMin: 1.25 / deepseekBlended });
    expect(spread.cheapest?.providerSlug).toBe("deepseek");
  });

  it("names the fastest host, breaking a speed tie by time to first token", () => {
    expect(spread.fastest?.providerSlug).toBe("groq");
    expect(providerSpreadOn(model, offerings, d("2025-03-01")).fastest).toMatchObject({ providerSlug: "groq", tokensPerSecond: 300 });
  });

  it("counts days from release to the first third-party price", () => {
    expect(spread.firstThirdPartyHost).toEqual({ providerSlug: "together", validFrom: d("2025-01-02") });
    expect(spread.daysToFirstThirdPartyHost).toBe(7);
  });

  it("answers a past date without prices or hosts that came later", () => {
    const early = providerSpreadOn(model, offerings, d("2024-12-30"));
    expect(early.rows.map((r) => r.providerSlug)).toEqual(["deepseek"]);
    expect(early.hosts).toBe(1);
    expect(early.price?.maxOverMin).toBe(1);
    expect(early.fastest).toBeNull();
    expect(early.daysToFirstThirdPartyHost).toBeNull();
  });

  it("has no first third-party host when only the lab serves the model", () => {
    const s = providerSpreadOn(model, offerings.slice(0, 1), d("2025-06-01"));
    expect(s.firstThirdPartyHost).toBeNull();
    expect(s.daysToFirstThirdPartyHost).toBeNull();
  });

  it("returns an empty spread when nobody has a standard price that day", () => {
    const s = providerSpreadOn(model, [offering("x", { prices: [p("2025-01-01", null, 0, 0, "free")] })], d("2025-02-01"));
    expect(s).toMatchObject({ rows: [], hosts: 0, price: null, cheapest: null, fastest: null });
    // a free listing is still a host for the days-to-third-party count
    expect(s.daysToFirstThirdPartyHost).toBe(6);
  });

  it("counts a provider once as a host even with two quantisations, and uses the blend mix", () => {
    const s = providerSpreadOn(model, [offering("a", { quantization: "fp8", prices: [p("2025-01-01", null, 1, 3)] }), offering("a", { quantization: "bf16", prices: [p("2025-01-01", null, 2, 6)] })], d("2025-02-01"), { input: 1, output: 1 });
    expect(s.hosts).toBe(1);
    expect(s.rows.map((r) => [r.quantization, r.blended])).toEqual([["fp8", 2], ["bf16", 4]]);
    expect(s.price?.maxOverMin).toBe(2);
  });

  it("keeps min ≤ median ≤ max and the cheapest row at the minimum (seeded random offerings)", () => {
    const rand = rng(11);
    for (let c = 0; c < 300; c++) {
      const os: SpreadOffering[] = [];
      const n = Math.floor(rand() * 8);
      for (let i = 0; i < n; i++) {
        const from = new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 60)));
        const tier = rand() < 0.8 ? "standard" : "promo";
        os.push(offering(`p${Math.floor(rand() * 5)}`, { firstParty: rand() < 0.2, prices: [{ tier, validFrom: from, validTo: null, input: rand() * 5, output: rand() * 15 }], throughput: rand() < 0.5 ? [{ measuredAt: from, tokensPerSecond: Math.round(rand() * 5) * 50, ttftMs: rand() * 1000 }] : [] }));
      }
      const s = providerSpreadOn(model, os, d("2025-02-01"));
      expect(s.hosts).toBeLessThanOrEqual(s.rows.length);
      if (!s.price) { expect(s.rows).toEqual([]); continue; }
      expect(s.price.min).toBeLessThanOrEqual(s.price.median);
      expect(s.price.median).toBeLessThanOrEqual(s.price.max);
      expect(s.cheapest!.blended).toBe(s.price.min);
      for (const r of s.rows) if (r.tokensPerSecond !== null) expect(s.fastest!.tokensPerSecond!).toBeGreaterThanOrEqual(r.tokensPerSecond);
      if (s.daysToFirstThirdPartyHost !== null) expect(s.daysToFirstThirdPartyHost).toBeGreaterThanOrEqual(6);
    }
  });
});
