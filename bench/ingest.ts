/**
 * bench/ingest: full ingest of the 2026-07 LiteLLM copy and of an OpenRouter copy, served over HTTP
 * from 127.0.0.1; then the same again with no change (with the 304 short-cut, and without it, i.e.
 * fetch + parse + compare); and a plain COPY of the same price rows: into price_points itself
 * (the "same table", rolled back), and, as lower floors, into a copy of the table without
 * foreign keys and one with them. Prints records/s, wall time and peak RSS.
 * The first LiteLLM ingest is the first HTTP request and the first payload write of the process, so
 * it also pays for loading Node's fetch (undici) and for compiling the write path. The same ingest
 * is then repeated in the warm process on a fresh copy of the curated-only database, as a long-lived
 * worker would run it; both are printed against the same COPY.
 * Phases of each ingest are in its "payload ingested" log line (fetchMs, parseMs, resolveMs, snapshotMs, writeMs).
 * Usage: node --import tsx bench/ingest.ts [--port N]   (own embedded database in a temp folder; default port 54379)
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { respond, serveFile, startFixtureServer } from "../lib/testing/fixture-server";
import { runSource } from "../ingest/run-source";
import { parseLitellm } from "../ingest/sources/litellm";
import { parseOpenrouterModels } from "../ingest/sources/openrouter";

const LITELLM = "../shared/data/litellm-prices/model_prices_and_context_window.2026-07-24.json";
const OPENROUTER = "../shared/data/openrouter-models/openrouter-models.2026-05-01.json";

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T; peak: number }> {
  peak = process.memoryUsage().rss;
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  return { ms, value, peak };
}

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 54379;

const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-ingest-"));
chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, database: "bench" });
useDatabaseUrl(db.url);
await applyMigrations(db.url, "prisma/migrations");
// a copy of the migrated, still empty database for the warm-process run at the end
const admin = new pg.Client({ connectionString: db.url.replace(/\/bench$/, "/postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE bench_warm TEMPLATE bench`);
await admin.end();
let pool = getPool();
const server = await startFixtureServer({
  "/litellm.json": serveFile(LITELLM),
  "/openrouter.json": serveFile(OPENROUTER),
  "/litellm-no-etag.json": respond(200, readFileSync(LITELLM, "utf8"), { "Content-Type": "application/json" }),
});
console.log(`${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model}; ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; node ${process.version}; PostgreSQL 18 embedded`);

const curated = await timed("curated", () => runSource(pool, "curated", "cli"));
console.log(`curated load (prerequisite): ${curated.ms.toFixed(0)} ms`);

// parse alone, cold and warm, to show where the time goes
const rawLitellm = readFileSync(LITELLM, "utf8");
const parseTimes = [0, 1, 2].map(() => { const t = performance.now(); parseLitellm(rawLitellm, { observedAt: new Date() }); return (performance.now() - t).toFixed(0); });
console.log(`LiteLLM parse + validate alone (1.5 MB, 2,983 entries): ${parseTimes.join(" / ")} ms (cold → warm)`);
const litellmRecords = parseLitellm(readFileSync(LITELLM, "utf8"), { observedAt: new Date() }).records.length;
const openrouterRecords = parseOpenrouterModels(readFileSync(OPENROUTER, "utf8"), { observedAt: new Date() }).records.length;

const lit = await timed("litellm", () => runSource(pool, "litellm", "cli", { urls: [server.url("/litellm.json")] }));
console.log(`LiteLLM 2026-07 full ingest (cold process): ${lit.ms.toFixed(0)} ms, ${litellmRecords} records parsed (${(litellmRecords / (lit.ms / 1000)).toFixed(0)} records/s), rows inserted ${lit.value.counts.inserted}, peak RSS ${mb(lit.peak)}; ${lit.value.message}`);
const full = await timed("litellm no etag", () => runSource(pool, "litellm", "cli", { urls: [server.url("/litellm-no-etag.json")] }));
console.log(`no-change re-run without 304 (fetch + snapshot + parse + resolve + compare): LiteLLM ${full.ms.toFixed(0)} ms; inserted ${full.value.counts.inserted}, updated ${full.value.counts.updated}, unchanged ${full.value.counts.unchanged}, peak RSS ${mb(full.peak)}`);

const or = await timed("openrouter", () => runSource(pool, "openrouter", "cli", { urls: [server.url("/openrouter.json")] }));
console.log(`OpenRouter 2026-05 full ingest: ${or.ms.toFixed(0)} ms, ${openrouterRecords} records (${(openrouterRecords / (or.ms / 1000)).toFixed(0)} records/s), rows inserted ${or.value.counts.inserted}, peak RSS ${mb(or.peak)}`);

const lit304 = await timed("litellm again", () => runSource(pool, "litellm", "cli", { urls: [server.url("/litellm.json")] }));
const or304 = await timed("openrouter again", () => runSource(pool, "openrouter", "cli", { urls: [server.url("/openrouter.json")] }));
console.log(`no-change re-run with conditional GET (304): LiteLLM ${lit304.ms.toFixed(0)} ms, OpenRouter ${or304.ms.toFixed(0)} ms; writes ${JSON.stringify(lit304.value.counts)} / ${JSON.stringify(or304.value.counts)}`);

// the floor: COPY the same price rows into an identical table (same indexes and checks; LIKE copies no foreign keys)
const rows = await pool.query(`SELECT offering_id, tier, valid_from, valid_to, observed_at, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, source_id, run_id, snapshot_id FROM price_points WHERE run_id = $1`, [lit.value.runId]);
const csvFile = path.join(dir, "prices.csv");
const esc = (v: unknown) => (v === null ? "" : v instanceof Date ? v.toISOString() : `"${String(v).replace(/"/g, '""')}"`);
writeFileSync(csvFile, rows.rows.map((r) => Object.values(r).map(esc).join(",")).join("\n"));
chmodSync(csvFile, 0o644);
await pool.query(`CREATE TABLE price_points_copy (LIKE price_points INCLUDING ALL)`);
const copy = await timed("copy", () => pool.query(`COPY price_points_copy (offering_id, tier, valid_from, valid_to, observed_at, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, source_id, run_id, snapshot_id) FROM '${csvFile}' WITH (FORMAT csv)`));
console.log(`plain COPY of the same ${rows.rowCount} price rows: ${copy.ms.toFixed(1)} ms; full LiteLLM ingest (cold process) / COPY = ${(lit.ms / copy.ms).toFixed(1)}×`);
// for reference only: the same COPY into a table that also has price_points' four foreign keys, which the ingest must check
await pool.query(`CREATE TABLE price_points_copy_fk (LIKE price_points INCLUDING ALL)`);
for (const [col, ref] of [["offering_id", "offerings"], ["source_id", "sources"], ["run_id", "ingest_runs"], ["snapshot_id", "raw_snapshots"]]) {
  await pool.query(`ALTER TABLE price_points_copy_fk ADD FOREIGN KEY (${col}) REFERENCES ${ref}(id)`);
}
const copyFk = await timed("copy fk", () => pool.query(`COPY price_points_copy_fk (offering_id, tier, valid_from, valid_to, observed_at, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, source_id, run_id, snapshot_id) FROM '${csvFile}' WITH (FORMAT csv)`));
console.log(`  (reference: the same COPY into a table with price_points' four foreign keys: ${copyFk.ms.toFixed(1)} ms)`);
// the definition: the same rows COPYed into the same table, price_points itself, with its
// foreign keys, indexes and triggers; the run's own rows are taken out first and everything is
// rolled back, so the database is left as it was
const same = await pool.connect();
let copySame: { ms: number };
try {
  await same.query("BEGIN");
  await same.query(`DELETE FROM price_points WHERE run_id = $1`, [lit.value.runId]);
  copySame = await timed("copy same table", () => same.query(`COPY price_points (offering_id, tier, valid_from, valid_to, observed_at, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, source_id, run_id, snapshot_id) FROM '${csvFile}' WITH (FORMAT csv)`));
} finally {
  await same.query("ROLLBACK");
  same.release();
}
console.log(`COPY of the same rows into the same table (price_points: foreign keys, indexes, triggers; rolled back): ${copySame.ms.toFixed(1)} ms; full LiteLLM ingest (cold process) / that COPY = ${(lit.ms / copySame.ms).toFixed(1)}×`);

// the same full ingest again, in this now warm process, on a fresh database prepared the same way
// (migrations, then the curated load on the pool the ingest uses)
await closeDb();
useDatabaseUrl(db.url.replace(/\/bench$/, "/bench_warm"));
pool = getPool();
await runSource(pool, "curated", "cli");
const warm = await timed("litellm warm", () => runSource(pool, "litellm", "cli", { urls: [server.url("/litellm.json")] }));
console.log(`LiteLLM 2026-07 full ingest (warm process, fresh database): ${warm.ms.toFixed(0)} ms, rows inserted ${warm.value.counts.inserted}; full ingest (warm process) / COPY = ${(warm.ms / copy.ms).toFixed(1)}×; / COPY into the same table = ${(warm.ms / copySame.ms).toFixed(1)}×`);

clearInterval(sampler);
await server.close();
await closeDb();
await db.stop();
rmSync(dir, { recursive: true, force: true });
