/**
 * bench/analytics: the analyses' read time on the curated data plus a synthetic catalogue of
 * 1×, 10× and 100× (200 / 2,000 / 20,000 extra models, 20k / 200k / 2M price points), generated in
 * SQL. Times the frontier, the price trend, the open-vs-proprietary gap and the movements queries
 * (each run 3 times; the median is reported). Usage: node --import tsx bench/analytics.ts [scales…]
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSource } from "../ingest/run-source";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { getFrontier, getMovements, getOpenGap, getPriceTrend } from "../lib/queries/analytics";

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

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[1]!;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-analytics-"));
chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54389, database: "bench" });
useDatabaseUrl(db.url);
await applyMigrations(db.url, "prisma/migrations");
await runSource(getPool(), "curated", "cli");
console.log(`${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; embedded PostgreSQL 18`);
console.log("scale | models | price points | frontier ms | trend ms | gap ms | movements ms | generate s");
for (const scale of SCALES) {
  const t = performance.now();
  await generate(200 * scale);
  const gen = (performance.now() - t) / 1000;
  const counts = (await getPool().query<{ models: number; pp: number }>(`SELECT (SELECT count(*) FROM models)::int AS models, (SELECT count(*) FROM price_points)::int AS pp`)).rows[0]!;
  const frontier = await median(() => getFrontier("mmlu", d("2025-06-01")));
  const trend = await median(() => getPriceTrend("mmlu", { score: 64.8 }, { from: d("2022-11-01"), to: d("2026-11-01") }));
  const gap = await median(() => getOpenGap(["mmlu"], { from: d("2023-01-01"), to: d("2026-01-01") }));
  const movements = await median(() => getMovements({ from: d("2025-06-01"), to: d("2025-07-01") }));
  console.log(`${scale}× | ${counts.models} | ${counts.pp} | ${frontier.toFixed(0)} | ${trend.toFixed(0)} | ${gap.toFixed(0)} | ${movements.toFixed(0)} | ${gen.toFixed(1)}`);
}
await closeDb();
await db.stop();
rmSync(dir, { recursive: true, force: true });
