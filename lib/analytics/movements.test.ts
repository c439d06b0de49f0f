import { describe, expect, it } from "vitest";
import { compareMovementKeys, listMovements, movementKey, pageMovements, type MovementModel, type MovementOffering, type MovementsInput } from "./movements";
import type { ScoreResult } from "./open-gap";
import type { OfferingPrice } from "./provider-spread";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const p = (from: string, to: string | null, input: number, output: number, tier = "standard"): OfferingPrice => ({
  tier, validFrom: d(from), validTo: to ? d(to) : null, input, output,
});
const model = (slug: string, released: string, openWeights: boolean, reasoning = false): MovementModel => ({
  slug, name: slug.toUpperCase(), labSlug: `${slug}-lab`, openWeights, reasoning, releasedOn: d(released),
});
const r = (m: string, benchmark: string, score: number, measured?: string): ScoreResult => ({ model: m, benchmark, score, measuredOn: measured ? d(measured) : null });


// the week of Monday 2025-03-03, [from, to)
const week = { from: d("2025-03-03"), to: d("2025-03-10") };
const models = [
  model("old-prop", "2024-06-01", false),
  model("new-open", "2025-03-03", true, true),
  model("mid", "2025-03-05", false),
  model("next-week", "2025-03-10", true),
  model("cheap", "2025-01-01", true),
];
const offerings: MovementOffering[] = [
  { model: "old-prop", providerSlug: "openai", firstParty: true, prices: [p("2024-06-01", "2025-03-03", 10, 30), p("2025-03-03", "2025-03-10", 5, 15), p("2025-03-10", null, 6, 18), p("2025-03-05", null, 1, 1, "promo")] },
  { model: "new-open", providerSlug: "together", firstParty: false, prices: [p("2025-03-03", "2025-03-06", 1, 1), p("2025-03-06", null, 1.2, 1.2)] },
  { model: "cheap", providerSlug: "deepinfra", firstParty: false, quantization: "fp8", prices: [p("2025-01-01", null, 0.5, 0.5)] },
];
const results = [
  r("old-prop", "gpqa", 70),
  r("new-open", "gpqa", 72, "2025-03-03"),
  r("mid", "gpqa", 78, "2025-03-07"),
  r("cheap", "gpqa", 65, "2025-03-08"),
  r("next-week", "mmlu", 90, "2025-03-10"),
];
const input: MovementsInput = {
  models, offerings, results,
  rules: [
    { benchmark: "gpqa", minScore: 60, maxPrice: 1 },
    { benchmark: "gpqa", minScore: 70, maxPrice: 2 },
    { benchmark: "gpqa", minScore: 60, maxPrice: 20 },
    { benchmark: "mmlu", minScore: 80, maxPrice: 100 },
  ],
};

describe("listMovements", () => {
  const m = listMovements(input, week);

  it("reports price cuts and increases with percent of the blended price, including a change at the window start", () => {
    expect(m.priceChanges.map((c) => [c.date, c.model, c.provider, c.before.blended, c.after.blended])).toEqual([
      [d("2025-03-03"), "old-prop", "openai", 15, 7.5],
      [d("2025-03-06"), "new-open", "together", 1, 1.2],
    ]);
    expect(m.priceChanges[0]!.percentChange).toBe(-50);
    expect(m.priceChanges[1]!.percentChange).toBeCloseTo(20, 10);
    expect(m.priceChanges[0]).toMatchObject({ kind: "price-change", modelName: "OLD-PROP", before: { input: 10, output: 30 }, after: { input: 5, output: 15 } });
  });

  it("leaves out a change at the window end, a first listing and a promotional tier", () => {
    const later = listMovements(input, { from: d("2025-03-10"), to: d("2025-03-17") });
    expect(later.priceChanges.map((c) => [c.model, c.before.blended, c.after.blended, c.percentChange])).toEqual([["old-prop", 7.5, 9, 20]]);
    expect(m.priceChanges.some((c) => c.model === "cheap")).toBe(false);
  });

  it("reports a price change when input and output move but the blend does not", () => {
    const o: MovementOffering = { model: "x", providerSlug: "p", firstParty: true, prices: [p("2025-01-01", "2025-03-04", 2, 2), p("2025-03-04", null, 1, 5)] };
    const c = listMovements({ models: [], offerings: [o], results: [] }, week).priceChanges;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ modelName: "x", percentChange: 0, before: { blended: 2 }, after: { blended: 2 } });
  });

  it("lists releases in the window with openness and the reasoning flag, start included, end excluded", () => {
    expect(m.releases.map((x) => [x.model, x.openWeights, x.reasoning, x.lab])).toEqual([["new-open", true, true, "new-open-lab"], ["mid", false, false, "mid-lab"]]);
  });

  it("names each new leader with the one it replaced", () => {
    expect(m.newLeaders.map((l) => [l.date, l.benchmark, l.model, l.score, l.previous?.model ?? null])).toEqual([
      [d("2025-03-03"), "gpqa", "new-open", 72, "old-prop"],
      [d("2025-03-07"), "gpqa", "mid", 78, "new-open"],
    ]);
    // the first score on mmlu comes at the window end, so next week reports it, with no previous leader
    expect(listMovements(input, { from: d("2025-03-10"), to: d("2025-03-17") }).newLeaders).toMatchObject([{ model: "next-week", previous: null }]);
  });

  it("does not count a tie or a leader improving its own score as a new leader", () => {
    const res = [r("old-prop", "b", 70), r("mid", "b", 70, "2025-03-06"), r("old-prop", "b", 75, "2025-03-07")];
    expect(listMovements({ models, offerings: [], results: res }, week).newLeaders).toEqual([]);
  });

  it("reports the first model ever to cross each rule, only in the window where it happens", () => {
    expect(m.crossings.map((c) => [c.date, c.rule.maxPrice, c.rule.minScore, c.model, c.score, c.price])).toEqual([
      [d("2025-03-03"), 2, 70, "new-open", 72, 1],
      [d("2025-03-08"), 1, 60, "cheap", 65, 0.5],
    ]);
    // gpqa ≥ 60 under $20 was crossed by old-prop in 2024: not news this week
    expect(listMovements(input, { from: d("2024-06-01"), to: d("2024-06-02") }).crossings.map((c) => [c.rule.maxPrice, c.model])).toEqual([[20, "old-prop"]]);
  });

  it("needs a price strictly under the limit", () => {
    // new-open scores 72 at exactly $1 blended: not under $1
    const only = listMovements({ ...input, rules: [{ benchmark: "gpqa", minScore: 70, maxPrice: 1 }] }, { from: d("2025-01-01"), to: d("2026-01-01") });
    expect(only.crossings).toEqual([]);
  });

  it("breaks a crossing tie on the same instant by price", () => {
    const ms2 = [model("a", "2025-03-04", false), model("b", "2025-03-04", true)];
    const os: MovementOffering[] = [
      { model: "a", providerSlug: "pa", firstParty: true, prices: [p("2025-03-04", null, 0.8, 0.8)] },
      { model: "b", providerSlug: "pb", firstParty: false, prices: [p("2025-03-04", null, 0.6, 0.6)] },
    ];
    const c = listMovements({ models: ms2, offerings: os, results: [r("a", "g", 90), r("b", "g", 80)], rules: [{ benchmark: "g", minScore: 75, maxPrice: 1 }] }, week).crossings;
    expect(c.map((x) => x.model)).toEqual(["b"]);
  });

  it("dates a late-measured score at its release under the release basis", () => {
    const byRelease = listMovements(input, { ...week, basis: "release" });
    expect(byRelease.crossings.map((c) => c.model)).toEqual(["new-open"]); // cheap now crosses on 2025-01-01
    expect(listMovements(input, { from: d("2025-01-01"), to: d("2025-01-02"), basis: "release" }).crossings.map((c) => c.model)).toEqual(["cheap"]);
  });

  it("merges everything by date then kind", () => {
    expect(m.all.map((x) => [x.date.toISOString().slice(0, 10), x.kind, x.model])).toEqual([
      ["2025-03-03", "release", "new-open"],
      ["2025-03-03", "price-change", "old-prop"],
      ["2025-03-03", "new-leader", "new-open"],
      ["2025-03-03", "threshold-crossing", "new-open"],
      ["2025-03-05", "release", "mid"],
      ["2025-03-06", "price-change", "new-open"],
      ["2025-03-07", "new-leader", "mid"],
      ["2025-03-08", "threshold-crossing", "cheap"],
    ]);
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => listMovements(input, { from: week.to, to: week.from })).toThrow(RangeError);
    expect(listMovements(input, { from: week.from, to: week.from }).all).toEqual([]);
  });

  it("splits a window into two without losing or repeating an event (seeded random data)", () => {
    const rand = rng(21);
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));
    let events = 0;
    const kinds = new Set<string>();
    for (let c = 0; c < 200; c++) {
      const ms2: MovementModel[] = [];
      const os: MovementOffering[] = [];
      const rs: ScoreResult[] = [];
      for (let i = 0; i < 1 + Math.floor(rand() * 8); i++) {
        const released = Math.floor(rand() * 60);
        ms2.push({ slug: `m${i}`, name: `M${i}`, labSlug: "l", openWeights: rand() < 0.5, reasoning: rand() < 0.3, releasedOn: day(released) });
        let t = released;
        const prices: OfferingPrice[] = [];
        for (let k = 0; k < 3; k++) {
          const next = t + 1 + Math.floor(rand() * 20);
          prices.push({ tier: "standard", validFrom: day(t), validTo: k === 2 ? null : day(next), input: Math.round(rand() * 8) / 4, output: Math.round(rand() * 8) / 2 });
          t = next;
        }
        os.push({ model: `m${i}`, providerSlug: `p${i % 3}`, firstParty: rand() < 0.5, prices });
        rs.push({ model: `m${i}`, benchmark: rand() < 0.5 ? "a" : "b", score: Math.round(rand() * 10) * 10, measuredOn: rand() < 0.5 ? day(released + Math.floor(rand() * 30)) : null });
      }
      const data: MovementsInput = { models: ms2, offerings: os, results: rs, rules: [{ benchmark: "a", minScore: 50, maxPrice: 2 }, { benchmark: "b", minScore: 30, maxPrice: 1 }] };
      const from = day(Math.floor(rand() * 40));
      const to = day(40 + Math.floor(rand() * 60));
      const mid = new Date((from.getTime() + to.getTime()) / 2);
      const whole = listMovements(data, { from, to }).all;
      const split = [...listMovements(data, { from, to: mid }).all, ...listMovements(data, { from: mid, to }).all];
      expect(split).toEqual(whole);
      events += whole.length;
      for (const x of whole) kinds.add(x.kind);
      for (const x of whole) expect(x.date >= from && x.date < to).toBe(true);
      for (let i = 1; i < whole.length; i++) expect(whole[i]!.date.getTime()).toBeGreaterThanOrEqual(whole[i - 1]!.date.getTime());
    }
    expect(events).toBeGreaterThan(500); // the cases are not empty
    expect([...kinds].sort()).toEqual(["new-leader", "price-change", "release", "threshold-crossing"]);
  });
});

describe("pageMovements", () => {
  const all = listMovements(input, { from: d("2024-01-01"), to: d("2026-01-01") }).all;

  it("orders `all` by movementKey, every key distinct", () => {
    const keys = all.map(movementKey);
    for (let i = 1; i < keys.length; i++) expect(compareMovementKeys(keys[i - 1]!, keys[i]!), JSON.stringify(keys[i])).toBeLessThan(0);
    expect(new Set(all.map((m) => m.kind)).size).toBe(4);
  });

  it("pages concatenate to the whole list, in either direction, with or without a kind filter, for any page size", () => {
    for (const kinds of [undefined, ["price-change"], ["release", "threshold-crossing"]] as const) {
      const wanted = all.filter((m) => !kinds || (kinds as readonly string[]).includes(m.kind));
      for (const descending of [false, true]) {
        for (const limit of [1, 2, 3, 50]) {
          const seen = [];
          let after = null;
          for (let guard = 0; guard < 100; guard++) {
            const page = pageMovements(all, { kinds, limit, after, descending });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items);
            if (!page.more) break;
            after = movementKey(page.items.at(-1)!);
          }
          expect(seen, `${kinds} ${descending} ${limit}`).toEqual(descending ? [...wanted].reverse() : wanted);
        }
      }
    }
  });

  it("a page of 0 is empty; after the last item nothing follows", () => {
    expect(pageMovements(all, { limit: 0 }).items).toEqual([]);
    expect(pageMovements(all, { limit: 10, after: movementKey(all.at(-1)!) })).toEqual({ items: [], more: false });
    expect(pageMovements(all, { limit: 10, after: movementKey(all[0]!), descending: true })).toEqual({ items: [], more: false });
  });
});
