/** What /api/health reports: the database, the job queue and the last curated load. */
import { getPool } from "../db";
import { QUEUE_SCHEMA } from "../queue";

export interface Health {
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; version?: string; latencyMs?: number; error?: string };
  queue: { ok: boolean; jobs?: Record<string, number>; schedules?: number; error?: string };
  lastLoad: { source: string; runId: number; status: string; startedAt: string; finishedAt: string | null; inserted: number; updated: number; unchanged: number; rejected: number } | null;
  counts?: { labs: number; models: number; pricePoints: number; benchmarkResults: number; providers: number };
  /** the precomputed analytics: last refresh, and changes waiting for the next one (reads stay correct meanwhile) */
  analytics?: { lastRefreshAt: string | null; lastRefreshMs: number | null; pendingChanges: number };
}

export async function getHealth(): Promise<Health> {
  const pool = getPool();
  const health: Health = { status: "ok", database: { ok: false }, queue: { ok: false }, lastLoad: null };
  try {
    const t = performance.now();
    const v = await pool.query<{ server_version: string }>("SHOW server_version");
    health.database = { ok: true, version: v.rows[0]!.server_version, latencyMs: Math.round((performance.now() - t) * 10) / 10 };
  } catch (err) {
    health.database = { ok: false, error: (err as Error).message };
    health.status = "down";
    return health;
  }
  try {
    const jobs = await pool.query<{ state: string; n: number }>(`SELECT state::text, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job GROUP BY state`);
    const schedules = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.schedule`);
    health.queue = { ok: true, jobs: Object.fromEntries(jobs.rows.map((r) => [r.state, r.n])), schedules: schedules.rows[0]!.n };
  } catch (err) {
    health.queue = { ok: false, error: /does not exist/.test((err as Error).message) ? "queue not initialised (no worker has started yet)" : (err as Error).message };
    health.status = "degraded";
  }
  const run = await pool.query<{ id: number; slug: string; status: string; started_at: Date; finished_at: Date | null; inserted: number; updated: number; unchanged: number; rejected: number }>(
    `SELECT r.id, s.slug, r.status, r.started_at, r.finished_at, r.inserted, r.updated, r.unchanged, r.rejected
     FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE s.slug = 'curated' AND r.status <> 'running' ORDER BY r.id DESC LIMIT 1`,
  );
  const r = run.rows[0];
  if (r) {
    health.lastLoad = { source: r.slug, runId: r.id, status: r.status, startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
    if (r.status === "failed") health.status = "degraded";
  } else health.status = "degraded";
  const c = await pool.query<{ labs: number; models: number; price_points: number; results: number; providers: number }>(
    `SELECT (SELECT count(*) FROM labs)::int AS labs, (SELECT count(*) FROM models)::int AS models, (SELECT count(*) FROM price_points WHERE superseded_at IS NULL)::int AS price_points,
            (SELECT count(*) FROM benchmark_results)::int AS results, (SELECT count(*) FROM providers)::int AS providers`,
  );
  const k = c.rows[0]!;
  health.counts = { labs: k.labs, models: k.models, pricePoints: k.price_points, benchmarkResults: k.results, providers: k.providers };
  const a = await pool.query<{ finished_at: Date | null; duration_ms: number | null; pending: number }>(
    `SELECT (SELECT finished_at FROM analytics_refreshes WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1) AS finished_at,
            (SELECT duration_ms FROM analytics_refreshes WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1) AS duration_ms,
            (SELECT count(*) FROM analytics_dirty)::int AS pending`,
  );
  const x = a.rows[0]!;
  health.analytics = { lastRefreshAt: x.finished_at?.toISOString() ?? null, lastRefreshMs: x.duration_ms, pendingChanges: x.pending };
  return health;
}
