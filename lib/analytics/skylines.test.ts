import { describe, expect, it } from "vitest";
import { rng } from "../testing/prng";
import type { BlendMix } from "./blended-price";
import { cheapestAtCapability } from "./cheapest-at-capability";
import { priceAtCapability, trendFromObservations, type PriceObservation, type PriceTrendModel } from "./price-at-capability";
import { referencePriceSegments } from "./price-segments";
import type { PriceWindow } from "./reference-price";
import {
  cheapestSkyline, dominatesAtInstant, dominatesInWalk, monthOf, observationsOfSegments, observationUnderMix, pickCheapest, walkCandidates, type SkylineModel, type StoredObservation,
} from "./skylines";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const MIXES: BlendMix[] = [{ input: 3, output: 1 }, { input: 1, output: 1 }, { input: 10, output: 1 }, { input: 1, output: 0 }, { input: 0, output: 1 }, { input: 2.5, output: 7 }];

const point = (slug: string, score: number, input: number, output: number, released = "2024-01-01"): SkylineModel => ({ slug, score, input, output, releasedOn: d(released) });

describe("cheapestSkyline", () => {
  it("drops a model another one beats under every mix and threshold, and keeps the rest", () => {
    const models = [
      point("strong-cheap", 90, 1, 2),
      point("weak-dear", 80, 2, 4), // strong-cheap is as capable, cheaper in both: dropped
      point("weak-cheap-input", 80, 0.5, 8), // cheaper input, dearer output: kept (wins at 1:0)
      point("stronger-dearer", 95, 3, 6), // the only one at 95: kept
      point("tie-later", 90, 1, 2, "2024-02-01"), // same price and score, released later: loses every tie
      point("tie-same-day-b", 70, 0.4, 0.4), point("tie-same-day-a", 70, 0.4, 0.4), // same day: slug a wins
    ];
    expect(cheapestSkyline(models).map((m) => m.slug).sort()).toEqual(["stronger-dearer", "strong-cheap", "tie-same-day-a", "weak-cheap-input"].sort());
    // strictly cheaper in both prices dominates whatever the release order
    expect(dominatesAtInstant(point("new", 80, 1, 1, "2025-01-01"), point("old", 80, 2, 2, "2023-01-01"))).toBe(true);
    // equal prices do not, unless the dominator wins the tie
    expect(dominatesAtInstant(point("new", 80, 1, 2, "2025-01-01"), point("old", 80, 1, 2, "2023-01-01"))).toBe(false);
    expect(dominatesAtInstant(point("old", 80, 1, 2, "2023-01-01"), point("new", 80, 1, 2, "2025-01-01"))).toBe(true);
  });

  it("picks what cheapestAtCapability picks, for every threshold and mix, on random catalogues with ties", () => {
    const next = rng(11);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(next() * 40);
      const models = Array.from({ length: n }, (_, i) => point(`m${Math.floor(next() * n)}-${i}`, Math.round(next() * 10), Math.round(next() * 6) / 2, Math.round(next() * 6) / 2 + (next() < 0.2 ? 0 : 0.5), `2024-0${1 + Math.floor(next() * 3)}-01`));
      const skyline = cheapestSkyline(models);
      for (const mix of MIXES) {
        for (const threshold of [0, 3, 5, 8, 10, 11]) {
          const all = pickCheapest(models, threshold, mix);
          expect(pickCheapest(skyline, threshold, mix)?.slug, JSON.stringify({ round, mix, threshold })).toBe(all?.slug);
        }
      }
      // nothing in the skyline is dominated by anything
      for (const s of skyline) expect(models.some((m) => dominatesAtInstant(m, s))).toBe(false);
    }
  });

  it("pickCheapest is cheapestAtCapability on one date", () => {
    const next = rng(5);
    const date = d("2024-06-01");
    for (let round = 0; round < 50; round++) {
      const models = Array.from({ length: 20 }, (_, i) => {
        const p = point(`m${i}`, Math.round(next() * 10), Math.round(next() * 4) / 2 + 0.5, Math.round(next() * 4) / 2 + 0.5, `2024-0${1 + Math.floor(next() * 3)}-01`);
        return { ...p, name: p.slug, labSlug: "lab", openWeights: false, prices: [{ providerSlug: "lab", firstParty: true, tier: "standard", validFrom: d("2024-01-01"), validTo: null, input: p.input, output: p.output }] };
      });
      for (const mix of MIXES) {
        const [pure] = cheapestAtCapability(models, 5, [date], mix);
        const picked = pickCheapest(cheapestSkyline(models), 5, mix);
        expect(picked?.slug ?? null).toBe(pure?.model ?? null);
        if (picked) expect(picked.price).toBe(pure!.price);
      }
    }
  });
});

describe("observationsOfSegments", () => {
  const seg = (from: string, to: string | null, input: number, output: number) => ({ validFrom: d(from), validTo: to ? d(to) : null, input, output, basis: "first-party" as const });

  it("observes each segment from its first day or the release, drops exact repeats, and knows which are sure", () => {
    const { regular, observations } = observationsOfSegments(
      [seg("2023-12-01", "2024-01-01", 9, 9), seg("2024-01-01", "2024-03-01", 4, 8), seg("2024-03-01", "2024-04-01", 4, 8), seg("2024-04-01", "2024-05-01", 2, 9), seg("2024-05-01", null, 1, 3)],
      d("2024-01-15"),
    );
    expect(regular).toBe(true);
    // the first segment ended before the release; the second is observed on the release day
    expect(observations.map((o) => [o.at.toISOString().slice(0, 10), o.input, o.output, o.first, o.sure])).toEqual([
      ["2024-01-15", 4, 8, true, true],
      // 2024-03-01 repeats 4/8 exactly: no observation
      ["2024-04-01", 2, 9, false, false], // input down, output up: a repeat under some mix
      ["2024-05-01", 1, 3, false, true],
    ]);
    expect(observations[1]).toMatchObject({ prevInput: 4, prevOutput: 8 });
    expect(observationsOfSegments([seg("2024-01-01", null, 0, 3)], d("2024-01-01")).regular).toBe(false);
  });

  it("under a mix, drops an observation that repeats the previous blended price", () => {
    const o: StoredObservation & { model: string; modelName: string; score: number } = {
      model: "m", modelName: "M", score: 80, at: d("2024-04-01"), input: 2, output: 9, basis: "first-party", first: false, prevInput: 4, prevOutput: 8, sure: false,
    };
    expect(observationUnderMix(o, { input: 1, output: 2 })).toBeNull(); // (2 + 18) / 3 = (4 + 16) / 3
    expect(observationUnderMix(o, { input: 3, output: 1 })).toMatchObject({ price: 3.75, kind: "price-change" });
  });
});

/** Random regular models sold by their lab only, so their segments are their windows. */
function randomModels(next: () => number, n: number): PriceTrendModel[] {
  const day = (i: number) => new Date(d("2024-01-01").getTime() + i * 86_400_000);
  return Array.from({ length: n }, (_, i) => {
    const released = Math.floor(next() * 200);
    const prices: PriceWindow[] = [];
    let t = released - Math.floor(next() * 10);
    let input = 1 + Math.floor(next() * 8);
    let output = input * (1 + Math.floor(next() * 3));
    for (let k = 0; k < 1 + Math.floor(next() * 6); k++) {
      const len = 5 + Math.floor(next() * 40);
      // a gap now and then; some changes repeat, some move the two prices apart
      const start = t + (next() < 0.15 ? Math.floor(next() * 10) : 0);
      prices.push({ providerSlug: "lab", firstParty: true, tier: "standard", validFrom: day(start), validTo: k === 5 || next() < 0.1 ? null : day(start + len), input, output });
      if (prices[prices.length - 1]!.validTo === null) break;
      t = start + len;
      const r = next();
      if (r < 0.2) continue; // same price again
      if (r < 0.4) { input = Math.max(0.5, input - 1); output += 1; continue; }
      input = Math.max(0.25, input * (0.5 + next() * 0.7));
      output = Math.max(0.25, output * (0.5 + next() * 0.7));
    }
    return { slug: `m${i}`, name: `M${i}`, labSlug: "lab", openWeights: false, reasoning: next() < 0.3, releasedOn: day(released), score: next() < 0.1 ? null : Math.round(next() * 10), prices };
  });
}

type Point = StoredObservation & { slug: string; name: string; score: number; reasoning: boolean };

function observationPoints(models: PriceTrendModel[]): Point[] {
  return models.flatMap((m) => (m.score === null ? [] : observationsOfSegments(referencePriceSegments(m.prices), m.releasedOn).observations.map((o) => ({ ...o, slug: m.slug, name: m.name, score: m.score!, reasoning: m.reasoning }))));
}

/**
 * The trend as lib/queries/analytics.ts reads it: from the window's first whole month, the
 * candidates with no dominator found at or after `from`; before it, every observation.
 */
function trendFromCandidates(points: Point[], candidates: { point: Point; dominatedAt: Date | null }[], threshold: number, window: { from: Date; to: Date }, mix: BlendMix, includeReasoning: boolean) {
  const firstWhole = window.from.getTime() === monthOf(window.from).getTime() ? window.from : new Date(Date.UTC(window.from.getUTCFullYear(), window.from.getUTCMonth() + 1, 1));
  const read = [
    ...candidates.filter((c) => c.point.at >= firstWhole && (c.dominatedAt === null || c.dominatedAt < window.from)).map((c) => c.point),
    ...points.filter((p) => p.at >= window.from && p.at < firstWhole),
  ];
  const observations: PriceObservation[] = [];
  let qualifying = 0;
  for (const p of read) {
    if (p.score < threshold || (p.reasoning && !includeReasoning) || p.at > window.to) continue;
    qualifying++;
    const o = observationUnderMix({ ...p, model: p.slug, modelName: p.name }, mix);
    if (o) observations.push(o);
  }
  return { trend: trendFromObservations(observations, { threshold, thresholdModel: null, window }), read: qualifying };
}

describe("walkCandidates", () => {
  it("gives the walk's answer for every threshold, mix, reasoning choice and window, on random histories", () => {
    const next = rng(23);
    let read = 0;
    let observed = 0;
    for (let round = 0; round < 60; round++) {
      const models = randomModels(next, 5 + Math.floor(next() * 40));
      const points = observationPoints(models);
      // a short lookback in some rounds: a dominator not looked for only makes the reader read more
      const candidates = walkCandidates(points, { lookback: round % 3 === 0 ? 3 : undefined });
      for (const mix of MIXES) {
        for (const threshold of [0, 4, 7]) {
          for (const includeReasoning of [false, true]) {
            const from = new Date(d("2024-01-01").getTime() + Math.floor(next() * 150) * 86_400_000);
            const window = { from: next() < 0.5 ? monthOf(from) : from, to: new Date(from.getTime() + Math.floor(next() * 300) * 86_400_000) };
            const pure = priceAtCapability(models, { threshold: { score: threshold }, window, mix, includeReasoning });
            const got = trendFromCandidates(points, candidates, threshold, window, mix, includeReasoning);
            expect(got.trend, JSON.stringify({ round, mix, threshold, includeReasoning, window })).toEqual(pure);
            read += got.read;
            observed += points.filter((p) => p.at >= window.from && p.at <= window.to && p.score >= threshold && (includeReasoning || !p.reasoning)).length;
          }
        }
      }
      // a candidate is dominated by nothing earlier in its month; dominatedAt is a dominator's date,
      // null exactly when nothing earlier dominates it; every other observation is dominated in its month
      for (const c of candidates) {
        const month = monthOf(c.point.at).getTime();
        expect(points.some((p) => p.at.getTime() >= month && dominatesInWalk(p, c.point))).toBe(false);
        if (c.dominatedAt) expect(points.some((p) => p.at.getTime() === c.dominatedAt!.getTime() && dominatesInWalk(p, c.point))).toBe(true);
        else expect(points.some((p) => dominatesInWalk(p, c.point))).toBe(false);
      }
      const kept = new Set(candidates.map((c) => c.point));
      for (const o of points) if (!kept.has(o)) expect(points.some((p) => p.at.getTime() >= monthOf(o.at).getTime() && dominatesInWalk(p, o))).toBe(true);
    }
    // the point of it: a window reads a fraction of its observations (here about half: short random
    // histories; at 100× a few percent, bench/RESULTS.md)
    expect(read).toBeLessThan(observed * 0.7);
  });

  it("continues a series from the candidates before its month as the whole series would", () => {
    const next = rng(31);
    for (let round = 0; round < 20; round++) {
      const points = observationPoints(randomModels(next, 30));
      const whole = walkCandidates(points, { lookback: round % 2 ? 5 : undefined });
      const cut = d("2024-04-01");
      const before = whole.filter((c) => c.point.at < cut && c.point.sure);
      const lookback = round % 2 ? 5 : undefined;
      const earlier = before.slice(-(lookback ?? 2000)).map((c) => c.point);
      const undominated = before.filter((c) => c.dominatedAt === null).map((c) => c.point);
      const rest = walkCandidates(points.filter((p) => p.at >= cut), { earlier, undominated, lookback });
      expect(rest).toEqual(whole.filter((c) => c.point.at >= cut));
    }
  });
});
