import { describe, expect, it } from "vitest";
import { filterProviders, prepareHardwareCounts, prepareSpeedVsPrice, prepareSpread } from "./prepare-providers";

const p = (slug: string, over: Partial<Parameters<typeof filterProviders>[0][number]> = {}) => ({
  slug, name: slug.toUpperCase(), kind: "gpu_cloud", hardware: "gpu", country: "US", regions: ["us"], trainsOnPrompts: false as boolean | null, zeroDataRetention: null as boolean | null, sourceUrl: "https://x", ...over,
});
const none = { no_training: false, eu: false, not_cn: false, zdr: false, kind: "all" as const, hardware: "all" as const };
const list = [p("a"), p("b", { trainsOnPrompts: null, regions: ["eu"], country: "FR" }), p("c", { country: "CN", regions: ["cn"], hardware: "tpu" }), p("d", { trainsOnPrompts: true, zeroDataRetention: true, regions: ["us", "eu"] })];

describe("filterProviders", () => {
  it("keeps everything with no filter on", () => expect(filterProviders(list, none)).toHaveLength(4));
  it("no training on prompts: only providers confirmed not to train", () => expect(filterProviders(list, { ...none, no_training: true }).map((x) => x.slug)).toEqual(["a", "c"]));
  it("EU datacenter and not CN-origin", () => {
    expect(filterProviders(list, { ...none, eu: true }).map((x) => x.slug)).toEqual(["b", "d"]);
    expect(filterProviders(list, { ...none, not_cn: true }).map((x) => x.slug)).toEqual(["a", "b", "d"]);
    expect(filterProviders(list, { ...none, no_training: true, not_cn: true, eu: true })).toEqual([]);
  });
  it("zero retention, kind and hardware", () => {
    expect(filterProviders(list, { ...none, zdr: true }).map((x) => x.slug)).toEqual(["d"]);
    expect(filterProviders(list, { ...none, hardware: "tpu" }).map((x) => x.slug)).toEqual(["c"]);
  });
});

describe("prepareHardwareCounts", () => {
  it("counts providers per hardware kind, most first, and exports the same counts", () => {
    const r = prepareHardwareCounts(list, "hw.csv");
    expect(r.chart.rows.map((x) => [x.category, x.values.providers])).toEqual([["GPU", 3], ["TPU", 1]]);
    expect(r.csv.rows).toEqual([["gpu", 3], ["tpu", 1]]);
  });
});

describe("prepareSpread", () => {
  it("one bar per offering with its blended price, date and source", () => {
    const r = prepareSpread([
      { providerSlug: "groq", providerName: "Groq", hardware: "lpu", quantization: "", input: 0.59, output: 0.79, blended: 0.64, tokensPerSecond: null, validFrom: "2024-10-30", sourceUrl: "https://s" },
      { providerSlug: "together", providerName: "Together", hardware: "gpu", quantization: "fp8", input: 0.88, output: 0.88, blended: 0.88, tokensPerSecond: 80, validFrom: null, sourceUrl: null },
    ], "2025-01-01", "s.csv");
    expect(r.chart.rows.map((x) => [x.category, x.values.blended, x.date, x.source])).toEqual([["Groq", 0.64, "price valid from 2024-10-30", "https://s"], ["Together (fp8)", 0.88, "2025-01-01", "curated"]]);
    expect(r.csv.rows[1]).toEqual(["together", "gpu", "fp8", 0.88, 0.88, 0.88, 80, null, null]);
  });
});

describe("prepareSpeedVsPrice", () => {
  const row = (providerSlug: string, hardware: string, blended: number, tokensPerSecond: number | null) => ({ providerSlug, providerName: providerSlug, hardware, quantization: "", input: blended, output: blended, blended, tokensPerSecond, validFrom: "2025-01-01", sourceUrl: null });
  it("plots measured offerings by hardware kind and counts the unmeasured", () => {
    const r = prepareSpeedVsPrice([row("groq", "lpu", 0.6, 250), row("together", "gpu", 0.9, 80), row("deepinfra", "gpu", 0.3, 40), row("x", "gpu", 0.2, null)], "2025-06-01", "s.csv");
    expect(r.chart.series.map((s) => [s.name, s.points.map((p) => [p.x, p.y])])).toEqual([["GPU", [[0.9, 80], [0.3, 40]]], ["LPU", [[0.6, 250]]]]);
    expect(r.points).toBe(3);
    expect(r.unmeasured).toBe(1);
    expect(r.csv.rows.map((x) => x[0])).toEqual(["groq", "together", "deepinfra"]);
  });
  it("is empty when nothing was measured", () => {
    expect(prepareSpeedVsPrice([row("x", "gpu", 1, null)], "2025-06-01", "s.csv").chart.series).toEqual([]);
  });
});
