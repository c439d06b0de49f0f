/**
 * Answers of the analytics reads, stored in Postgres (analytics_results) and valid for exactly one
 * refresh of the precomputed tables. A read asks for the current version (the latest finished
 * refresh, and whether changes are pending); with changes pending there is no cache at all (the
 * reads compute from the ledger). Otherwise a stored answer for the same version is returned, or
 * the answer is computed, stored under the version it was computed from, and returned. A refresh
 * that lands while an answer is being computed makes that answer unreachable (older version), so a
 * stale answer is never served. State lives in the database, so every web instance shares it.
 */
import type pg from "pg";
import { getPool } from "../db";
import { moduleLogger } from "../logger";

export interface AnalyticsVersion {
  /** id of the latest finished refresh; null before the first */
  refreshId: number | null;
  /** changes to the ledger not yet folded in */
  pending: boolean;
}

export async function getAnalyticsVersion(db: pg.Pool = getPool()): Promise<AnalyticsVersion> {
  const r = await db.query<{ refresh_id: number | null; pending: boolean }>(
    `SELECT (SELECT max(id) FROM analytics_refreshes WHERE finished_at IS NOT NULL) AS refresh_id, EXISTS (SELECT 1 FROM analytics_dirty) AS pending`,
  );
  return { refreshId: r.rows[0]!.refresh_id, pending: r.rows[0]!.pending };
}

/** Turns the parsed JSON of a stored answer back into the answer (Dates are ISO strings in JSON). */
export type Reviver<T> = (parsed: never) => T;

/** Revivers for answers whose Dates sit at known places (a generic JSON.parse reviver is several times slower on large answers). */
export const revive = {
  date: (s: string) => new Date(s),
  /** objects whose listed keys hold dates */
  dated<T>(x: T, ...keys: (keyof T)[]): T {
    const out = { ...x } as Record<keyof T, unknown>;
    for (const k of keys) if (typeof out[k] === "string") out[k] = new Date(out[k] as string);
    return out as T;
  },
};

/** A key that does not depend on property order. */
export function answerKey(kind: string, params: unknown): string {
  const canon = (v: unknown): unknown =>
    v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(canon) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canon(x)])) : v;
  return `${kind}:${JSON.stringify(canon(params))}`;
}

/**
 * The answer for (kind, params) under `version`, computing and storing it when missing. Callers
 * pass the version they checked (pending must be false).
 */
export async function readThrough<T>(version: AnalyticsVersion, kind: string, params: unknown, compute: () => Promise<T>, reviver: Reviver<T>): Promise<T> {
  if (version.pending || version.refreshId === null) return compute();
  const pool = getPool();
  const key = answerKey(kind, params);
  const hit = await pool.query<{ body: string }>(`SELECT body FROM analytics_results WHERE key = $1 AND refresh_id = $2`, [key, version.refreshId]);
  if (hit.rows[0]) {
    try {
      return reviver(JSON.parse(hit.rows[0].body) as never);
    } catch (err) {
      // unreadable (edited by hand, truncated): compute it again and overwrite it
      moduleLogger("analytics").warn({ key, err: (err as Error).message }, "stored analytics answer unreadable; recomputing");
    }
  }
  const started = performance.now();
  const answer = await compute();
  await pool.query(
    `INSERT INTO analytics_results (key, refresh_id, body, compute_ms) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET refresh_id = EXCLUDED.refresh_id, body = EXCLUDED.body, compute_ms = EXCLUDED.compute_ms, created_at = now()
     WHERE analytics_results.refresh_id <= EXCLUDED.refresh_id`,
    [key, version.refreshId, JSON.stringify(answer), Math.round(performance.now() - started)],
  );
  return answer;
}

/** Drops answers of earlier refreshes (they can never be served again). */
export async function pruneAnswers(db: pg.Pool, refreshId: number): Promise<number> {
  const r = await db.query(`DELETE FROM analytics_results WHERE refresh_id < $1`, [refreshId]);
  return r.rowCount ?? 0;
}
