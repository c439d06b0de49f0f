/**
 * Runs one ingest of one source: takes the source's lock (one run per source at a time, across
 * processes), records the run, calls the adapter, and records the outcome — failed with its reason
 * if the adapter throws. The adapter's writes are its own transaction, so a failed run leaves the
 * earlier data as it was.
 */
import type pg from "pg";
import { moduleLogger } from "../lib/logger";
import { ensureSource, finishRun, sourceLockKey, startRun, type RunOutcome, type RunTrigger } from "./runs";
import { getSource, listSources } from "./sources/registry";
import "./sources";

export class SourceBusyError extends Error {
  constructor(slug: string) {
    super(`source "${slug}" is already being ingested by another run`);
    this.name = "SourceBusyError";
  }
}

export class UnknownSourceError extends Error {
  constructor(slug: string) {
    super(`unknown source "${slug}"; known sources: ${listSources().map((s) => s.slug).join(", ")}`);
    this.name = "UnknownSourceError";
  }
}

export interface RunResult extends RunOutcome {
  runId: number;
  source: string;
  durationMs: number;
}

export interface RunOptions {
  fromFile?: string;
  asOf?: Date;
  urls?: string[];
}

export async function runSource(pool: pg.Pool, slug: string, trigger: RunTrigger, opts: RunOptions = {}): Promise<RunResult> {
  const def = getSource(slug);
  if (!def) throw new UnknownSourceError(slug);
  const log = moduleLogger("ingest").child({ source: slug });
  const lockClient = await pool.connect();
  const key = sourceLockKey(slug);
  try {
    const lock = await lockClient.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1) AS ok`, [key]);
    if (!lock.rows[0]!.ok) throw new SourceBusyError(slug);
    const started = Date.now();
    const sourceId = await ensureSource(pool, def);
    const runId = await startRun(pool, sourceId, trigger);
    log.info({ runId, trigger }, "ingest run started");
    let outcome: RunOutcome;
    try {
      outcome = await def.run({ pool, sourceId, runId, log: log.child({ runId }), ...opts });
    } catch (err) {
      const reason = (err as Error).message;
      outcome = { status: "failed", counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 }, errors: [{ reason }], message: reason };
    }
    await finishRun(pool, runId, outcome);
    const durationMs = Date.now() - started;
    log[outcome.status === "failed" ? "error" : "info"]({ runId, status: outcome.status, ...outcome.counts, durationMs, message: outcome.message }, "ingest run finished");
    return { ...outcome, runId, source: slug, durationMs };
  } finally {
    await lockClient.query(`SELECT pg_advisory_unlock($1)`, [key]).catch(() => {});
    lockClient.release();
  }
}
