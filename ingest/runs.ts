/**
 * Provenance of every ingest: the source row, one IngestRun per execution, raw snapshots stored
 * once per content hash and linked to the runs that read them, and a per-source advisory lock so a
 * source never runs twice at once (worker, CLI and API trigger alike).
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import type { SourceDefinition } from "./sources/registry";

export type RunStatus = "running" | "succeeded" | "partial" | "failed";
export type RunTrigger = "startup" | "schedule" | "cli" | "api" | "test";

export interface RunCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const emptyCounts = (): RunCounts => ({ inserted: 0, updated: 0, unchanged: 0, rejected: 0 });

export function addCounts(a: RunCounts, b: Partial<RunCounts>): RunCounts {
  return {
    inserted: a.inserted + (b.inserted ?? 0),
    updated: a.updated + (b.updated ?? 0),
    unchanged: a.unchanged + (b.unchanged ?? 0),
    rejected: a.rejected + (b.rejected ?? 0),
  };
}

type Queryable = Pick<pg.PoolClient, "query">;

export async function ensureSource(db: Queryable, source: SourceDefinition): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO sources (slug, name, kind, url, schedule) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, url = EXCLUDED.url, schedule = EXCLUDED.schedule
     RETURNING id`,
    [source.slug, source.name, source.kind, source.url ?? null, source.schedule ?? null],
  );
  return r.rows[0]!.id;
}

export async function startRun(db: Queryable, sourceId: number, trigger: RunTrigger): Promise<number> {
  const r = await db.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'running', $2) RETURNING id`, [sourceId, trigger]);
  return r.rows[0]!.id;
}

export interface SnapshotInput {
  bytes: Buffer;
  url?: string | null;
  contentType?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  httpStatus?: number | null;
  /** also record etag / last-modified as the validators of the next conditional GET of `url` */
  rememberValidators?: boolean;
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores the bytes unless already stored, links them to the run (and, when asked, records the
 * fetch validators), returns the snapshot id. One statement, hence one round trip and one commit.
 */
export async function storeSnapshot(db: Queryable, sourceId: number, runId: number, input: SnapshotInput): Promise<number> {
  const hash = sha256(input.bytes);
  const validators = input.rememberValidators
    ? `, remembered AS (
         INSERT INTO fetch_validators (source_id, url, etag, last_modified, snapshot_id) SELECT $1, $3, $7, $8, id FROM stored
         ON CONFLICT (source_id, url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, snapshot_id = EXCLUDED.snapshot_id, fetched_at = now())`
    : "";
  const inserted = await db.query<{ id: number }>(
    `WITH stored AS (
       INSERT INTO raw_snapshots (source_id, sha256, url, content_type, byte_size, content, etag, last_modified, http_status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (sha256) DO UPDATE SET etag = coalesce(EXCLUDED.etag, raw_snapshots.etag), last_modified = coalesce(EXCLUDED.last_modified, raw_snapshots.last_modified)
       RETURNING id
     ), linked AS (
       INSERT INTO ingest_run_snapshots (run_id, snapshot_id) SELECT $10, id FROM stored ON CONFLICT DO NOTHING
     )${validators}
     SELECT id FROM stored`,
    [sourceId, hash, input.url ?? null, input.contentType ?? null, input.bytes.length, input.bytes, input.etag ?? null, input.lastModified ?? null, input.httpStatus ?? null, runId],
  );
  return inserted.rows[0]!.id;
}

export interface RunOutcome {
  status: Exclude<RunStatus, "running">;
  counts: RunCounts;
  rejections?: unknown[];
  errors?: unknown[];
  message?: string;
  matchRate?: number | null;
}

export async function finishRun(db: Queryable, runId: number, outcome: RunOutcome): Promise<void> {
  await db.query(
    `UPDATE ingest_runs SET status = $2, finished_at = now(), inserted = $3, updated = $4, unchanged = $5, rejected = $6,
       rejections = $7::jsonb, errors = $8::jsonb, message = $9, match_rate = $10 WHERE id = $1`,
    [
      runId,
      outcome.status,
      outcome.counts.inserted,
      outcome.counts.updated,
      outcome.counts.unchanged,
      outcome.counts.rejected,
      JSON.stringify(outcome.rejections ?? []),
      JSON.stringify(outcome.errors ?? []),
      outcome.message ?? null,
      outcome.matchRate ?? null,
    ],
  );
}

/** A stable 32-bit key per source for pg advisory locks. */
export function sourceLockKey(slug: string): number {
  return createHash("sha256").update(`frontierwatch:source:${slug}`).digest().readInt32BE(0);
}

/**
 * Runs left 'running' by a process that died (SIGKILL, power loss) are marked failed, unless their
 * source's lock is still held by a live run. Their writes were never committed, so nothing is lost.
 */
export async function failInterruptedRuns(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: number; slug: string }>(
    `SELECT r.id, s.slug FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE r.status = 'running'`,
  );
  let failed = 0;
  for (const run of rows) {
    const client = await pool.connect();
    try {
      const lock = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1) AS ok`, [sourceLockKey(run.slug)]);
      if (!lock.rows[0]!.ok) continue; // a live run holds it
      await client.query(`SELECT pg_advisory_unlock($1)`, [sourceLockKey(run.slug)]);
      await client.query(
        `UPDATE ingest_runs SET status = 'failed', finished_at = greatest(now(), started_at), message = 'interrupted: the process running it stopped before it finished; nothing it wrote was committed',
           errors = errors || '[{"reason":"interrupted"}]'::jsonb WHERE id = $1 AND status = 'running'`,
        [run.id],
      );
      failed++;
    } finally {
      client.release();
    }
  }
  return failed;
}
