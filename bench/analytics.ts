/**
 * bench/analytics: the analyses' read time on the curated data plus a synthetic catalogue of
 * 1×, 10× and 100× (200 / 2,000 / 20,000 extra models, 20k / 200k / 2M price points), generated in
 * SQL. At each scale: the full refresh of the precomputed tables after generating; the frontier,
 * price trend, open-vs-proprietary gap, movements and cheapest-price reads (the first reads of 5
 * parameter sets nobody asked for, computed and stored: median and max; then the median of 5
 * repeats of the first set, served stored), and two standard
 * reads computed by the refresh itself; then an "ingest" of 20 price cuts and the incremental refresh after it, and one of 5
 * new scores on old models and the refresh after that. `--live` also times the same reads computed from the ledger (slow at 100×).
 * Usage: node --import tsx bench/analytics.ts [--live] [--keep=DIR] [scales…]
 * `--keep=DIR` keeps the database in DIR and reuses it on the next run (the generated catalogue is
 * only topped up), so a change can be timed again at 100× without generating it again.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSource } from "../ingest/run-source";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { capabilityOf, catalogueOf, getFrontier, getMovements, getOpenGap, getPriceTrend, isPrecomputeCurrent, STANDARD_TREND_FROM } from "../lib/queries/analytics";
import { getCheapestAtCapability } from "../lib/queries/trends";
import { getMovementsPage } from "../lib/queries/movements";
import { movementKey } from "../lib/analytics/movements";
import { cheapestQuery } from "../lib/schemas/trends";
import { computeFrontier, computeMovements, computeOpenGap, computePriceTrend } from "../lib/queries/analytics-live";
import { refreshAnalytics, type RefreshResult } from "../lib/precompute/refresh-analytics";
import { answersStored, forgetHeld, getAnalyticsVersion } from "../lib/precompute/result-cache";

const live = process.argv.includes("--live");
const keep = process.argv.find((a) => a.startsWith("--keep="))?.slice("--keep=".length);
const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SCALES = scales.length ? scales : [1, 10, 100];
const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function generate(total: number): Promise<void> {
  // grow the synthetic catalogue to `total` models: 5 offerings each, 20 price windows per offering
  const pool = getPool();
  const src = (await pool.query<{ id: number }>(`INSERT INTO sources (slug, name, kind) VALUES ('synthetic', 'Synthetic benchmark data', 'import') ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`)).rows[0]!.id;
  const run = (await pool.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'succeeded', 'test') RETURNING id`, [src])).rows[0]!.id;
  const have = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM models WHERE slug LIKE 'syn-%'`)).rows[0]!.n;
  if (have >= total) return;
  await pool.query(
    `INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, reasoning, domain, modalities, source_url, source_id, run_id)
     SELECT 'syn-' || i, 'Synthetic ' || i, (SELECT id FROM labs ORDER BY id OFFSET (i % 40) LIMIT 1), 'syn', date '2020-06-01' + (i * 7919 % 2300), i % 3 = 0, 'synthetic', i % 7 = 0, 'general', '{text}',
            'https://example.invalid/synthetic', $1, $2
     FROM generate_series($3::int + 1, $4::int) AS i`, [src, run, have, total]);
  await pool.query(
    `INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, source_id, run_id)
     SELECT m.id, b.id, least(b.scale_max, 25 + (m.released_on - date '2020-06-01') / 40.0 + (m.id * 37 % 20)), m.released_on, 'synthetic', $1, $2
     FROM models m CROSS JOIN benchmarks b WHERE m.slug LIKE 'syn-%' AND b.slug IN ('mmlu', 'gpqa-diamond')
       AND NOT EXISTS (SELECT 1 FROM benchmark_results x WHERE x.model_id = m.id AND x.source_id = $1)`, [src, run]);
  await pool.query(
    `INSERT INTO offerings (model_id, provider_id, quantization, source_id)
     SELECT m.id, p.id, '', $1 FROM models m CROSS JOIN LATERAL (SELECT id FROM providers ORDER BY (id * 13 + m.id) % 30 LIMIT 5) p
     WHERE m.slug LIKE 'syn-%' ON CONFLICT DO NOTHING`, [src]);
  await pool.query(
    `INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, source_id, run_id)
     SELECT o.id, 'standard', m.released_on + k * 45, CASE WHEN k < 19 THEN m.released_on + (k + 1) * 45 END,
            round((30.0 / (1 + k) / (1 + (m.released_on - date '2020-06-01') / 200.0) * (1 + (o.id % 5) / 10.0))::numeric, 6),
            round((60.0 / (1 + k) / (1 + (m.released_on - date '2020-06-01') / 200.0) * (1 + (o.id % 5) / 10.0))::numeric, 6), $1, $2
     FROM offerings o JOIN models m ON m.id = o.model_id CROSS JOIN generate_series(0, 19) AS k
     WHERE m.slug LIKE 'syn-%' AND o.source_id = $1 AND NOT EXISTS (SELECT 1 FROM price_points x WHERE x.offering_id = o.id)`, [src, run]);
  await pool.query(`ANALYZE`);
}

async function timed(fn: () => Promise<unknown>, runs = 5): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[runs >> 1]!, max: times[runs - 1]! };
}
const fmt = (t: { median: number; max: number }) => `${t.median.toFixed(1)} (max ${t.max.toFixed(1)})`;

/** a small price ingest: 20 synthetic offerings get a price cut */
async function priceCuts(round: number): Promise<void> {
  const pool = getPool();
  const src = (await pool.query<{ id: number }>(`SELECT id FROM sources WHERE slug = 'synthetic'`)).rows[0]!.id;
  const run = (await pool.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'succeeded', 'test') RETURNING id`, [src])).rows[0]!.id;
  await pool.query(
    `WITH target AS (SELECT pp.id, pp.offering_id, pp.input_usd, pp.output_usd FROM price_points pp JOIN offerings o ON o.id = pp.offering_id
                     WHERE o.source_id = $1 AND pp.valid_to IS NULL AND pp.superseded_at IS NULL AND pp.valid_from < date '2026-11-01' + $4::int ORDER BY pp.offering_id OFFSET $3 LIMIT 20),
          closed AS (UPDATE price_points p SET valid_to = date '2026-11-01' + $4::int FROM target t WHERE p.id = t.id RETURNING t.*)
     INSERT INTO price_points (offering_id, tier, valid_from, input_usd, output_usd, source_id, run_id)
     SELECT offering_id, 'standard', date '2026-11-01' + $4::int, round(input_usd * 0.8, 6), round(output_usd * 0.8, 6), $1, $2 FROM closed`,
    [src, run, round * 20, round],
  );
}

/** a small benchmark ingest: 5 of the oldest synthetic models get a new score */
async function newScores(round: number): Promise<void> {
  const pool = getPool();
  const src = (await pool.query<{ id: number }>(`SELECT id FROM sources WHERE slug = 'synthetic'`)).rows[0]!.id;
  const run = (await pool.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'succeeded', 'test') RETURNING id`, [src])).rows[0]!.id;
  await pool.query(
    `INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, source_id, run_id)
     SELECT m.id, b.id, 50, date '2026-11-01' + $3::int, 'synthetic-extra', $1, $2 FROM models m CROSS JOIN benchmarks b
     WHERE m.slug LIKE 'syn-%' AND b.slug = 'gpqa-diamond' ORDER BY m.id OFFSET $3 * 5 LIMIT 5`,
    [src, run, round],
  );
}

const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), "fw-bench-analytics-"));
mkdirSync(dir, { recursive: true });
chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54389, database: "bench" });
useDatabaseUrl(db.url);
await applyMigrations(db.url, "prisma/migrations");
await runSource(getPool(), "curated", "cli");
process.on("uncaughtException", async (err) => {
  console.error(err);
  await db.stop().catch(() => {});
  process.exit(1);
});
await refreshAnalytics(getPool());
console.log(`${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; embedded PostgreSQL 18`);
console.log("scale | models | price points | full refresh s (tables + standard answers) | frontier first (median, max of 5) / stored ms | trend first / stored | gap first / stored | movements first / stored | cheapest first / stored | standard trend, frontier ms | incremental refresh ms (tables + answers) after 20 price cuts, after 5 new scores | generate s");
/** five parameter sets per read, none asked before: the first read of each is computed, then stored */
const FIRSTS = 5;
const reads = {
  frontier: (i = 0) => getFrontier(["mmlu", "mmlu", "gpqa-diamond", "mmlu", "gpqa-diamond"][i]!, d(["2025-06-01", "2025-06-02", "2024-03-15", "2026-02-10", "2023-09-20"][i]!)),
  trend: (i = 0) => getPriceTrend(["mmlu", "mmlu", "gpqa-diamond", "mmlu", "mmlu"][i]!, { score: [64.8, 70, 40, 50, 60][i]! }, { from: d(["2022-11-01", "2023-03-15", "2024-01-01", "2021-05-01", "2025-01-01"][i]!), to: d("2026-11-01") }, { mix: [{ input: 3, output: 1 }, { input: 3, output: 1 }, { input: 3, output: 1 }, { input: 3, output: 1 }, { input: 1, output: 1 }][i]! }),
  gap: (i = 0) => getOpenGap(["mmlu"], { from: d(["2023-01-01", "2022-01-01", "2024-01-01", "2021-06-01", "2023-07-01"][i]!), to: d("2026-01-01") }),
  movements: (i = 0) => getMovements({ from: d(["2025-06-01", "2025-03-01", "2024-11-01", "2026-01-01", "2025-09-01"][i]!), to: d(["2025-07-01", "2025-04-01", "2024-12-01", "2026-02-01", "2025-10-01"][i]!) }),
  cheapest: (i = 0) => getCheapestAtCapability(cheapestQuery.parse({ benchmark: ["mmlu", "mmlu", "gpqa-diamond", "mmlu", "mmlu"][i]!, threshold: ["80", "70", "40", "60", "75"][i]!, from: ["2023-06-01", "2022-01-01", "2024-01-01", "2023-06-01", "2023-06-01"][i]!, mix: ["3:1", "3:1", "3:1", "1:1", "10:1"][i]! })),
};
const liveReads = {
  frontier: () => computeFrontier("mmlu", d("2025-06-01")),
  trend: () => computePriceTrend("mmlu", { score: 64.8 }, { from: d("2022-11-01"), to: d("2026-11-01") }),
  gap: () => computeOpenGap(["mmlu"], { from: d("2023-01-01"), to: d("2026-01-01") }),
  movements: () => computeMovements({ from: d("2025-06-01"), to: d("2025-07-01") }),
};
const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
const standard = {
  trend: () => getPriceTrend("mmlu", { score: 64.8 }, { from: STANDARD_TREND_FROM, to: today }),
  frontier: () => getFrontier("mmlu", today),
};
/**
 * The first read of parameters nobody asked for since the refresh (computed, then stored): median
 * and max over FIRSTS parameter sets; then the median of 5 repeats of the first set (stored).
 */
async function firstAndRepeat(fn: (i?: number) => Promise<unknown>): Promise<string> {
  const firsts: number[] = [];
  for (let i = 0; i < FIRSTS; i++) {
    const t = performance.now();
    await fn(i);
    firsts.push(performance.now() - t);
    // stored after it is returned: the repeats read the table, not the answer still in memory
    await answersStored();
  }
  firsts.sort((a, b) => a - b);
  return `${firsts[FIRSTS >> 1]!.toFixed(0)} (max ${firsts[FIRSTS - 1]!.toFixed(0)}) / ${(await timed(() => fn(0))).median.toFixed(1)}`;
}
// a kept database has had earlier rounds of the small ingest: carry on after them
let round = (await getPool().query<{ n: number }>(`SELECT count(DISTINCT measured_on)::int AS n FROM benchmark_results WHERE settings = 'synthetic-extra'`)).rows[0]!.n;
for (const scale of SCALES) {
  const t = performance.now();
  await generate(200 * scale);
  const gen = (performance.now() - t) / 1000;
  const full = await refreshAnalytics(getPool());
  // what autovacuum does after a bulk write (statistics, visibility map), so plans are those of a settled database
  await getPool().query(`VACUUM ANALYZE`);
  if (!(await isPrecomputeCurrent())) throw new Error("precomputed tables not current after a refresh");
  const counts = (await getPool().query<{ models: number; pp: number }>(`SELECT (SELECT count(*) FROM models)::int AS models, (SELECT count(*) FROM price_points)::int AS pp`)).rows[0]!;
  const r = {
    frontier: await firstAndRepeat(reads.frontier), trend: await firstAndRepeat(reads.trend), gap: await firstAndRepeat(reads.gap),
    movements: await firstAndRepeat(reads.movements), cheapest: await firstAndRepeat(reads.cheapest),
  };
  const std = { trend: await timed(standard.trend), frontier: await timed(standard.frontier) };
  await priceCuts(round);
  const afterPrices = await refreshAnalytics(getPool());
  await newScores(round++);
  const afterScores = await refreshAnalytics(getPool());
  const ms = (x: RefreshResult) => `${x.durationMs.toFixed(0)} + ${x.phases.warmAnswers ?? 0}`;
  console.log(
    `${scale}× | ${counts.models} | ${counts.pp} | ${(full.durationMs / 1000).toFixed(1)} + ${((full.phases.warmAnswers ?? 0) / 1000).toFixed(1)} | ${r.frontier} | ${r.trend} | ${r.gap} | ${r.movements} | ${r.cheapest} | ${fmt(std.trend)}, ${fmt(std.frontier)} | prices ${ms(afterPrices)} (${afterPrices.models} models), scores ${ms(afterScores)} (${afterScores.models} models) | ${gen.toFixed(1)}`,
  );
  console.log(`  full refresh phases ${JSON.stringify(full.phases)}; after price cuts ${JSON.stringify(afterPrices.phases)}; after new scores ${JSON.stringify(afterScores.phases)}`);
  const busy = await reads.movements(0);
  const sizes = { frontier: (await reads.frontier(0)).available.length, movements: busy.all.length };
  console.log(`  answer sizes: frontier ${sizes.frontier} models available, movements ${sizes.movements} items in the window`);
  // the frontier reads the models' facts and scores from copies each process loads once per refresh
  const refreshId = (await getAnalyticsVersion()).refreshId!;
  const mmluId = (await getPool().query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = 'mmlu'`)).rows[0]!.id;
  const copy = await timed(async () => {
    forgetHeld();
    await Promise.all([catalogueOf(refreshId), capabilityOf(refreshId, mmluId)]);
  });
  let day = 0;
  const cold = await timed(async () => {
    forgetHeld();
    await getFrontier("mmlu", d(`2025-07-${String(++day).padStart(2, "0")}`));
  });
  await answersStored();
  console.log(`  copies of the catalogue and the MMLU scores (once per refresh and process, median of 5): ${fmt(copy)} ms; first frontier read of a process without them (new dates) ${fmt(cold)} ms`);
  // what the API and the overview read: one page of the same window from the events (no stored answer)
  const monthWindow = { from: d("2025-06-01"), to: d("2025-07-01") };
  const deep = movementKey(busy.all[Math.max(0, busy.all.length - 150)]!);
  const pages = {
    first: await timed(() => getMovementsPage(monthWindow, { limit: 200 })),
    deep: await timed(() => getMovementsPage(monthWindow, { limit: 200, after: deep })),
    newest: await timed(() => getMovementsPage(monthWindow, { limit: 12, descending: true })),
    priceCuts: await timed(() => getMovementsPage(monthWindow, { limit: 200, kinds: ["price-change"], descending: true })),
    counts: await timed(() => getMovementsPage(monthWindow, { limit: 0 })),
  };
  console.log(`  movement pages (same window, median of 5 ms): first 200 ${fmt(pages.first)}; 200 after item ${sizes.movements - 150} ${fmt(pages.deep)}; newest 12 ${fmt(pages.newest)}; newest 200 price changes ${fmt(pages.priceCuts)}; counts only ${fmt(pages.counts)}`);
  if (live) {
    const l = { frontier: await timed(liveReads.frontier, 3), trend: await timed(liveReads.trend, 3), gap: await timed(liveReads.gap, 3), movements: await timed(liveReads.movements, 3) };
    console.log(`  live from the ledger: frontier ${fmt(l.frontier)}, trend ${fmt(l.trend)}, gap ${fmt(l.gap)}, movements ${fmt(l.movements)}`);
  }
}
await closeDb();
await db.stop();
if (!keep) rmSync(dir, { recursive: true, force: true });
