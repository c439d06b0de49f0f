import { describe, expect, it } from "vitest";
import { refreshAnalytics } from "../precompute/refresh-analytics";
import { answersStored } from "../precompute/result-cache";
import { emptyTouch, refreshSkylines } from "../precompute/skylines";
import { addModel, expectSkylineReadsMatchLedger, removeModels, useCuratedAnalytics } from "../testing/analytics";
import { countRows, uniqueTag, useTestDatabase } from "../testing/db";
import { getFrontier, getPriceTrend } from "./analytics";
import { computeFrontier, computePriceTrend } from "./analytics-live";
import { getCheapestAtCapability } from "./trends";
import { cheapestQuery } from "../schemas/trends";

const { pool } = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);

useCuratedAnalytics();

describe("the skylines", () => {
  it("read the skylines and the candidates: emptied, they show in the answers", async () => {
    await refreshAnalytics(pool());
    const mmlu = (await pool().query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = 'mmlu'`)).rows[0]!.id;
    const q = cheapestQuery.parse({ benchmark: "mmlu", threshold: "60", from: "2024-01-01", to: "2024-12-31" });
    const before = await getCheapestAtCapability(q);
    expect(before.points.map((p) => p.date)).toContain("2024-06-01");
    const w = { from: d("2024-05-20"), to: d("2024-08-30") };
    const trend = await computePriceTrend("mmlu", { score: 0 }, w);
    expect(await getPriceTrend("mmlu", { score: 0 }, w)).toEqual(trend);
    expect(trend.points.some((p) => p.date.getTime() >= d("2024-06-01").getTime())).toBe(true);
    try {
      await pool().query(`UPDATE cheapest_skylines SET points = '{"keys": [], "cols": []}' WHERE benchmark_id = $1 AND month = '2024-06-01'`, [mmlu]);
      await pool().query(`DELETE FROM trend_candidates WHERE benchmark_id = $1 AND observed_at >= '2024-06-01'`, [mmlu]);
      await answersStored();
      await pool().query(`DELETE FROM analytics_results`);
      expect((await getCheapestAtCapability(q)).points.map((p) => p.date)).not.toContain("2024-06-01");
      // the days before the window's first whole month come from the observations, the rest from the candidates
      const fromCandidates = await getPriceTrend("mmlu", { score: 0 }, w);
      expect(fromCandidates.points.every((p) => p.date.getTime() < d("2024-06-01").getTime())).toBe(true);
    } finally {
      // everything rebuilt
      const client = await pool().connect();
      try {
        await refreshSkylines(client, emptyTouch(), new Date(), true);
      } finally {
        client.release();
      }
      await answersStored();
      await pool().query(`DELETE FROM analytics_results`);
    }
    expect(await getCheapestAtCapability(q)).toEqual(before);
    expect(await getPriceTrend("mmlu", { score: 0 }, w)).toEqual(trend);
  });
});

describe("a model priced before its release", () => {
  it("is on no frontier, in no series and no trend before its release day", async () => {
    const tag = uniqueTag("early");
    try {
      // a preview price a month before the release
      await addModel(tag, "2024-05-01", [["2024-04-01", null, 0.001, 0.002]], 95);
      await refreshAnalytics(pool());
      const before = await getFrontier("mmlu", d("2024-04-15"));
      expect(before.available.some((e) => e.slug === tag)).toBe(false);
      expect(before).toEqual(await computeFrontier("mmlu", d("2024-04-15")));
      const after = await getFrontier("mmlu", d("2024-05-15"));
      expect(after.available.find((e) => e.slug === tag)).toMatchObject({ capability: 95, onFrontier: true });
      const w = { from: d("2024-04-01"), to: d("2024-06-30") };
      const trend = await getPriceTrend("mmlu", { score: 90 }, w);
      expect(trend).toEqual(await computePriceTrend("mmlu", { score: 90 }, w));
      expect(trend.points.find((p) => p.model === tag)).toMatchObject({ date: d("2024-05-01"), kind: "release" });
      await expectSkylineReadsMatchLedger();
    } finally {
      await removeModels(tag);
    }
  });
});

describe("models whose observations depend on the mix", () => {
  it("a zero price part: read from its segments; a change that repeats the blended price under one mix: dropped under that mix", async () => {
    await refreshAnalytics(pool());
    const tag = uniqueTag("zero");
    try {
      // free output, then free input, then both charged: under 1:0 the middle price is zero (no
      // observation) and the last repeats the first, so it is no observation either
      const model = await addModel(tag, "2024-03-03", [["2024-03-03", "2024-06-01", 0.02, 0], ["2024-06-01", "2024-08-05", 0, 0.01], ["2024-08-05", null, 0.02, 0.01]], 99);
      // a regular one whose price change repeats its blended price under 1:1 (0.04/0.02 → 0.03/0.03)
      const other = await addModel(`${tag}-b`, "2024-03-03", [["2024-03-03", "2024-06-10", 0.04, 0.02], ["2024-06-10", null, 0.03, 0.03]], 98);
      await refreshAnalytics(pool());
      expect(await countRows(`SELECT 1 FROM model_price_observations WHERE model_id = $1 AND NOT regular`, [model])).toBeGreaterThan(0);
      expect(await countRows(`SELECT 1 FROM model_price_observations WHERE model_id = $1 AND mode = 'reference' AND regular`, [other])).toBe(2);
      // the third window opens inside August: that month is read from its observations
      for (const window of [{ from: d("2024-01-01"), to: d("2024-12-31") }, { from: d("2024-06-01"), to: d("2024-12-31") }, { from: d("2024-08-02"), to: d("2024-12-31") }]) {
        for (const mix of [{ input: 3, output: 1 }, { input: 1, output: 0 }, { input: 0, output: 1 }, { input: 1, output: 1 }]) {
          const fast = await getPriceTrend("mmlu", { score: 95 }, window, { mix });
          expect(fast, JSON.stringify({ mix, window })).toEqual(await computePriceTrend("mmlu", { score: 95 }, window, { mix }));
          if (window.from.getUTCMonth() === 0) expect(fast.points.some((p) => p.model === tag), JSON.stringify(mix)).toBe(true);
        }
      }
    } finally {
      await removeModels(tag);
    }
  });
});
