import { describe, expect, it } from "vitest";
import { refreshAnalytics } from "../precompute/refresh-analytics";
import { answersStored } from "../precompute/result-cache";
import { expectSkylineReadsMatchLedger, expectSkylinesAsRebuilt, useCuratedAnalytics } from "../testing/analytics";
import { countRows, uniqueTag, useTestDatabase } from "../testing/db";
import { getFrontier, getMovements, getOpenGap, getPriceTrend, isPrecomputeCurrent } from "./analytics";
import { computeFrontier, computeMovements, computeOpenGap, computePriceTrend } from "./analytics-live";
import { getCheapestAtCapability } from "./trends";
import { CAPABILITY_LEVELS, cheapestQuery } from "../schemas/trends";

const { pool } = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);

useCuratedAnalytics();

describe("precomputed analytics on the curated dataset", () => {
  it("are current after a refresh, with segments, best scores, events and gap months", async () => {
    await refreshAnalytics(pool());
    expect(await isPrecomputeCurrent()).toBe(true);
    expect(await countRows(`SELECT 1 FROM model_price_segments WHERE mode = 'reference'`)).toBeGreaterThan(400);
    expect(await countRows(`SELECT 1 FROM model_best_scores`)).toBeGreaterThan(500);
    expect(await countRows(`SELECT 1 FROM analytics_events WHERE kind = 'price-change'`)).toBeGreaterThan(50);
    expect(await countRows(`SELECT 1 FROM analytics_events WHERE kind = 'new-leader'`)).toBeGreaterThan(14);
    // every benchmark with results, every month from 2019-01 to the current one
    const months = (new Date().getUTCFullYear() - 2019) * 12 + new Date().getUTCMonth() + 1;
    expect(await countRows(`SELECT 1 FROM open_gap_months`)).toBe(months * (await countRows(`SELECT DISTINCT benchmark_id FROM benchmark_results`)));
    // a second refresh finds nothing to do
    const again = await refreshAnalytics(pool());
    expect(again).toMatchObject({ refreshId: null, models: 0, benchmarks: 0 });
  });

  it("give the same frontier as the ledger on every date, benchmark and mode", async () => {
    await refreshAnalytics(pool());
    for (const benchmark of ["mmlu", "gpqa-diamond", "arena-elo", "fw-ci-v1"]) {
      for (const date of ["2023-06-01", "2024-06-01", "2025-02-15", "2026-06-01"]) {
        for (const mode of ["reference", "first-party", "median"] as const) {
          const fast = await getFrontier(benchmark, d(date), { mode });
          expect(fast, `${benchmark} ${date} ${mode}`).toEqual(await computeFrontier(benchmark, d(date), { mode }));
        }
      }
    }
    const byIndex = await getFrontier("fw-ci-v1", d("2025-06-01"));
    expect(byIndex.available.length).toBeGreaterThan(30);
    expect(byIndex.pareto.length).toBeGreaterThan(3);
    const f = await getFrontier("mmlu", d("2025-01-01"), { mix: { input: 1, output: 1 } });
    expect(f.pareto.length).toBeGreaterThan(3);
    expect(f).toEqual(await computeFrontier("mmlu", d("2025-01-01"), { mix: { input: 1, output: 1 } }));
  });

  it("give the same price-at-capability trend as the ledger", async () => {
    await refreshAnalytics(pool());
    const window = { from: d("2022-11-01"), to: d("2026-11-01") };
    const cases = [
      { benchmark: "mmlu", threshold: { score: 64.8 } },
      { benchmark: "mmlu", threshold: { score: 42 }, options: { mix: { input: 1, output: 1 } } },
      { benchmark: "gpqa-diamond", threshold: { score: 33 }, options: { includeReasoning: true } },
      { benchmark: "gpqa-diamond", threshold: { model: "gpt-4-0314" } },
      { benchmark: "mmlu", threshold: { model: "no-such-model" } },
      { benchmark: "mmlu", threshold: { score: 80 }, options: { mode: "median" as const } },
      { benchmark: "mmlu", threshold: { score: 80 }, options: { mode: "first-party" as const } },
      // mixes with a zero part, several options at once
      { benchmark: "mmlu", threshold: { score: 70 }, options: { mix: { input: 0, output: 1 } } },
      { benchmark: "mmlu", threshold: { score: 70 }, options: { mix: { input: 1, output: 0 } } },
      { benchmark: "gpqa-diamond", threshold: { score: 50 }, options: { mix: { input: 10, output: 1 }, includeReasoning: true, mode: "median" as const } },
    ];
    // windows that open mid-history: a price already seen before the window is not a new observation;
    // windows that open mid-month read that month's first days whole, the rest from the candidates
    const windows = [window, { from: d("2024-03-01"), to: d("2025-09-01") }, { from: d("2025-01-01"), to: d("2026-06-30") }, { from: d("2023-05-17"), to: d("2025-02-11") }, { from: d("2024-07-31"), to: d("2024-08-20") }];
    for (const c of cases) {
      for (const w of windows) {
        const fast = await getPriceTrend(c.benchmark, c.threshold, w, c.options);
        expect(fast, JSON.stringify({ ...c, w })).toEqual(await computePriceTrend(c.benchmark, c.threshold, w, c.options));
      }
    }
    const t = await getPriceTrend("mmlu", { score: 64.8 }, window);
    expect(t.n).toBeGreaterThanOrEqual(4);
    expect(t.fit).not.toBeNull();
    // the candidates hold fewer rows than the observations (a few a month here: little is ruled out;
    // at 100× a fraction, bench/RESULTS.md), and a window reads fewer still
    const observations = await countRows(`SELECT 1 FROM model_price_observations o JOIN model_best_scores bs ON bs.model_id = o.model_id JOIN benchmarks b ON b.id = bs.benchmark_id WHERE b.slug = 'mmlu' AND o.mode = 'reference'`);
    const candidates = await countRows(`SELECT 1 FROM trend_candidates t JOIN benchmarks b ON b.id = t.benchmark_id WHERE b.slug = 'mmlu' AND t.mode = 'reference'`);
    const read = await countRows(`SELECT 1 FROM trend_candidates t JOIN benchmarks b ON b.id = t.benchmark_id WHERE b.slug = 'mmlu' AND t.mode = 'reference' AND t.observed_at >= '2024-01-01' AND (t.dominated_at IS NULL OR t.dominated_at < '2024-01-01')`);
    expect(candidates).toBeGreaterThan(10);
    expect(candidates).toBeLessThan(observations);
    expect(read).toBeLessThan(candidates);
  });

  it("give the same open-vs-proprietary months as the ledger, and compute live outside the precomputed months", async () => {
    await refreshAnalytics(pool());
    const window = { from: d("2023-01-01"), to: d("2025-12-01") };
    const benchmarks = ["mmlu", "gpqa-diamond", "arena-elo"];
    expect(await getOpenGap(benchmarks, window)).toEqual(await computeOpenGap(benchmarks, window));
    const early = { from: d("2017-01-01"), to: d("2019-06-01") };
    expect(await getOpenGap(["mmlu"], early)).toEqual(await computeOpenGap(["mmlu"], early));
    expect(await getOpenGap(["mmlu", "no-such-benchmark"], window)).toEqual(await computeOpenGap(["mmlu", "no-such-benchmark"], window));
  });

  it("give the same movements as the ledger in every quarter, and honour other rules and mixes", async () => {
    await refreshAnalytics(pool());
    let seen = 0;
    for (const from of ["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"]) {
      const to = new Date(d(from).getTime() + 91 * 86_400_000);
      const fast = await getMovements({ from: d(from), to });
      expect(fast, from).toEqual(await computeMovements({ from: d(from), to }));
      seen += fast.all.length;
    }
    expect(seen).toBeGreaterThan(100);
    const all = { from: d("2019-01-01"), to: d("2027-01-01") };
    const everything = await getMovements(all);
    expect(everything.crossings.length).toBeGreaterThan(0);
    expect(everything.priceChanges.length).toBeGreaterThan(20);
    const rules = [{ benchmark: "gpqa-diamond", minScore: 70, maxPrice: 2 }];
    expect(await getMovements(all, { rules })).toEqual(await computeMovements(all, { rules }));
    expect(await getMovements(all, { mix: { input: 1, output: 1 } })).toEqual(await computeMovements(all, { mix: { input: 1, output: 1 } }));
  });
});

describe("the overview's cheapest price at each capability level", () => {
  it("is the same from the precomputed tables as from the ledger", async () => {
    await refreshAnalytics(pool());
    const queries = [
      ...CAPABILITY_LEVELS.map((level) => ({ id: level.id, benchmark: level.benchmark, threshold: String(level.threshold), from: "2023-01-01", to: "2026-10-01" })),
      // other mixes (a zero part included), a first day inside a month, a window past the skylines' last month
      ...["1:1", "10:1", "0:1", "1:0"].map((mix) => ({ id: `mmlu 70 ${mix}`, benchmark: "mmlu", threshold: "70", mix, from: "2023-03-15", to: "2026-10-01" })),
      { id: "gpqa 40 to 2027", benchmark: "gpqa-diamond", threshold: "40", from: "2024-01-01", to: "2027-03-01" },
    ];
    for (const level of queries) {
      const { id: _id, ...params } = level;
      const q = cheapestQuery.parse(params);
      const fast = await getCheapestAtCapability(q);
      // a pending change makes the read compute from the ledger
      const b = (await pool().query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = $1`, [level.benchmark])).rows[0]!.id;
      await pool().query(`INSERT INTO analytics_dirty (kind, id) VALUES ('benchmark', $1)`, [b]);
      const live = await getCheapestAtCapability(q);
      await pool().query(`DELETE FROM analytics_dirty WHERE kind = 'benchmark' AND id = $1`, [b]);
      expect(fast, level.id).toEqual(live);
      expect(fast.points.length, level.id).toBeGreaterThan(10);
    }
  });
});

describe("stored answers", () => {
  it("serve a repeated read from analytics_results, only under the refresh it was computed after", async () => {
    await refreshAnalytics(pool());
    const date = d("2024-09-09");
    const first = await getFrontier("gpqa-diamond", date, { mode: "median" });
    await answersStored();
    const stored = await pool().query<{ key: string; refresh_id: number }>(`SELECT key, refresh_id FROM analytics_results WHERE key LIKE 'frontier:%' AND key LIKE '%2024-09-09%' AND key LIKE '%median%'`);
    expect(stored.rows).toHaveLength(1);
    expect(await getFrontier("gpqa-diamond", date, { mode: "median" })).toEqual(first);
    expect(first).toEqual(await computeFrontier("gpqa-diamond", date, { mode: "median" }));
    // prove the second read came from the table: change the stored body and read again
    await pool().query(`UPDATE analytics_results SET body = jsonb_set(body::jsonb, '{unscored}', '["stored"]')::text WHERE key = $1`, [stored.rows[0]!.key]);
    expect((await getFrontier("gpqa-diamond", date, { mode: "median" })).unscored).toEqual(["stored"]);
    // a body that cannot be read is recomputed, not an error
    await pool().query(`UPDATE analytics_results SET body = '{"broken":' WHERE key = $1`, [stored.rows[0]!.key]);
    expect(await getFrontier("gpqa-diamond", date, { mode: "median" })).toEqual(first);
    await answersStored();
    // a change to the ledger: no stored answer is served while it is pending, nor after the refresh
    await pool().query(`UPDATE models SET name = name || ' ' WHERE slug = 'gpt-4o-2024-08-06'`);
    expect(await getFrontier("gpqa-diamond", date, { mode: "median" })).toEqual(await computeFrontier("gpqa-diamond", date, { mode: "median" }));
    await pool().query(`UPDATE models SET name = rtrim(name) WHERE slug = 'gpt-4o-2024-08-06'`);
    const refresh = await refreshAnalytics(pool());
    expect(refresh.models).toBe(1);
    expect(await getFrontier("gpqa-diamond", date, { mode: "median" })).toEqual(first);
    expect(await countRows(`SELECT 1 FROM analytics_results WHERE refresh_id < $1`, [refresh.refreshId])).toBe(0);
    // every kind of answer reads back equal to what was computed (stored column-wise, Dates revived)
    const all = { from: d("2019-01-01"), to: d("2027-01-01") };
    const windows = { from: d("2022-11-01"), to: d("2026-11-01") };
    const reads: [string, () => Promise<unknown>][] = [
      ["movements", () => getMovements(all)],
      ["trend", () => getPriceTrend("mmlu", { score: 64.8 }, windows)],
      ["trend by model", () => getPriceTrend("gpqa-diamond", { model: "gpt-4-0314" }, windows, { includeReasoning: true })],
      ["frontier by index", () => getFrontier("fw-ci-v1", d("2025-03-03"))],
    ];
    for (const [name, read] of reads) {
      const computed = await read();
      await answersStored();
      const storedAnswer = await read();
      expect(storedAnswer, name).toEqual(computed);
    }
    expect(await getMovements(all)).toEqual(await computeMovements(all));
    // the standard reads were computed right after the refresh
    expect(await countRows(`SELECT 1 FROM analytics_results WHERE refresh_id = $1 AND key LIKE 'price-trend:%'`, [refresh.refreshId])).toBeGreaterThanOrEqual(4);
  });
});

describe("precomputed analytics after a change to the ledger", () => {
  it("answer from the ledger until the refresh, then fold in exactly the changed model", async () => {
    await refreshAnalytics(pool());
    const tag = uniqueTag("pre");
    const everything = { from: d("2019-01-01"), to: d("2027-01-01") };
    const before = await getMovements(everything);
    const db = pool();
    const src = (await db.query<{ id: number }>(`SELECT id FROM sources WHERE slug = 'curated'`)).rows[0]!.id;
    const run = (await db.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'succeeded', 'test') RETURNING id`, [src])).rows[0]!.id;
    const model = (await db.query<{ id: number }>(
      `INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, reasoning, domain, source_url, source_id, run_id)
       SELECT $1, $1, id, 'test', '2024-03-03', true, 'mit', false, 'general', 'https://example.invalid', $2, $3 FROM labs WHERE slug = 'deepseek' RETURNING id`,
      [tag, src, run],
    )).rows[0]!.id;
    try {
      expect(await isPrecomputeCurrent()).toBe(false); // the new model marked itself
      const provider = (await db.query<{ id: number }>(`SELECT id FROM providers WHERE slug = 'together'`)).rows[0]!.id;
      const offering = (await db.query<{ id: number }>(`INSERT INTO offerings (model_id, provider_id, source_id) VALUES ($1, $2, $3) RETURNING id`, [model, provider, src])).rows[0]!.id;
      await db.query(
        `INSERT INTO price_points (offering_id, valid_from, valid_to, input_usd, output_usd, source_id, run_id) VALUES
         ($1, '2024-03-03', '2024-05-01', 0.8, 1.6, $2, $3), ($1, '2024-05-01', NULL, 0.4, 0.8, $2, $3)`,
        [offering, src, run],
      );
      const bench = (await db.query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = 'mmlu'`)).rows[0]!.id;
      await db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_id, run_id) VALUES ($1, $2, 5, '2024-03-03', $3, $4)`, [model, bench, src, run]);
      // GPQA Diamond 75 at $0.50 blended from 2024-05-01: the first to cross "≥ 60 under $1"
      const gpqa = (await db.query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = 'gpqa-diamond'`)).rows[0]!.id;
      await db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_id, run_id) VALUES ($1, $2, 75, '2024-03-03', $3, $4)`, [model, gpqa, src, run]);

      const window = { from: d("2024-03-01"), to: d("2024-06-01") };
      const live = await getMovements(window);
      expect(live.priceChanges.map((c) => [c.model, c.percentChange])).toContainEqual([tag, -50]);
      expect(live.releases.map((r) => r.model)).toContain(tag);
      expect(live.crossings.map((c) => [c.model, c.date, c.price])).toContainEqual([tag, d("2024-05-01"), 0.5]);

      const refresh = await refreshAnalytics(db);
      expect(refresh.models).toBe(1);
      expect(await isPrecomputeCurrent()).toBe(true);
      const fast = await getMovements(window);
      expect(fast).toEqual(live);
      expect(await getMovements(everything)).toEqual(await computeMovements(everything));
      const frontier = await getFrontier("mmlu", d("2024-05-15"));
      expect(frontier.available.find((e) => e.slug === tag)).toMatchObject({ price: 0.5, capability: 5 });
      expect(frontier).toEqual(await computeFrontier("mmlu", d("2024-05-15")));
      // the skylines of the months it is in were recomputed
      await expectSkylineReadsMatchLedger();
      await expectSkylinesAsRebuilt();
      // a price cut on a model priced for years, a new best score for another, a renamed third:
      // the refresh compares them before and after and recomputes only what they change
      const cut = await db.query<{ id: number; offering_id: number }>(
        `SELECT pp.id, pp.offering_id FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id
         WHERE m.slug = 'gpt-4o-2024-08-06' AND pp.valid_to IS NULL AND pp.tier = 'standard' AND pp.superseded_at IS NULL ORDER BY pp.id LIMIT 1`,
      );
      await db.query(`UPDATE price_points SET valid_to = '2025-02-01' WHERE id = $1`, [cut.rows[0]!.id]);
      await db.query(
        `INSERT INTO price_points (offering_id, valid_from, input_usd, output_usd, source_id, run_id) SELECT offering_id, '2025-02-01', input_usd / 2, output_usd / 2, $2, $3 FROM price_points WHERE id = $1`,
        [cut.rows[0]!.id, src, run],
      );
      await db.query(
        `INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_id, run_id) SELECT id, $1, 99.5, '2024-06-01', $2, $3 FROM models WHERE slug = 'claude-3-5-sonnet-20240620'`,
        [bench, src, run],
      );
      await db.query(`UPDATE models SET name = name || ' (renamed)' WHERE slug = 'gemini-1.5-pro-002'`);
      const partial = await refreshAnalytics(db);
      expect(partial.models).toBe(3);
      await expectSkylineReadsMatchLedger();
      await expectSkylinesAsRebuilt();
    } finally {
      await db.query(`DELETE FROM price_points WHERE run_id = $1 AND offering_id NOT IN (SELECT id FROM offerings WHERE model_id = $2)`, [run, model]);
      await db.query(`UPDATE price_points SET valid_to = NULL WHERE valid_to = '2025-02-01' AND offering_id IN (SELECT o.id FROM offerings o JOIN models m ON m.id = o.model_id WHERE m.slug = 'gpt-4o-2024-08-06')`);
      await db.query(`DELETE FROM benchmark_results WHERE run_id = $1 AND model_id <> $2`, [run, model]);
      await db.query(`UPDATE models SET name = replace(name, ' (renamed)', '') WHERE slug = 'gemini-1.5-pro-002'`);
      await db.query(`DELETE FROM price_points WHERE offering_id IN (SELECT id FROM offerings WHERE model_id = $1)`, [model]);
      await db.query(`DELETE FROM offerings WHERE model_id = $1`, [model]);
      await db.query(`DELETE FROM benchmark_results WHERE model_id = $1`, [model]);
      await db.query(`DELETE FROM models WHERE id = $1`, [model]);
      await refreshAnalytics(db);
    }
    expect(await countRows(`SELECT 1 FROM analytics_events e JOIN models m ON m.id = e.model_id WHERE m.slug = $1`, [tag])).toBe(0);
    expect((await getFrontier("mmlu", d("2024-05-15"))).available.some((e) => e.slug === tag)).toBe(false);
    // the crossing its model held goes back to the one before
    expect(await getMovements(everything)).toEqual(before);
    // a deleted model leaves no point behind
    expect(await countRows(`SELECT 1 FROM cheapest_skylines WHERE points::text LIKE $1`, [`%"${tag}"%`])).toBe(0);
    await expectSkylineReadsMatchLedger();
  });
});
