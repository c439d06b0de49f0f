/**
 * Answers of the analytics reads, stored in Postgres (analytics_results) and valid for exactly one
 * refresh of the precomputed tables. A read asks for the current version (the latest finished
 * refresh, and whether changes are pending); with changes pending there is no cache at all (the
 * reads compute from the ledger). Otherwise a stored answer for the same version is returned, or
 * the answer is computed, returned, and stored under the version it was computed from. A refresh
 * that lands while an answer is being computed makes that answer unreachable (older version), so a
 * stale answer is never served. State lives in the database, so every web instance shares it.
 */
import type pg from "pg";
import { beforeCloseDb, getPool } from "../db";
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

/**
 * How an answer is stored: `encode` turns it into something JSON can hold, `decode` turns the parsed
 * JSON back into the answer (Dates travel as ISO strings). Large answers are stored column-wise
 * (packRows) because parsing arrays of plain values is much faster than parsing as many objects.
 */
export interface AnswerCodec<T> {
  encode(answer: T): unknown;
  decode(stored: never): T;
}

/** Answers that survive JSON as they are. */
export function plainCodec<T>(): AnswerCodec<T> {
  return { encode: (a) => a, decode: (s) => s as T };
}

export interface PackedRows {
  keys: string[];
  cols: unknown[][];
}

/** Rows of one shape as columns; Date values of `dateKeys` as ISO strings. */
export function packRows<R extends object>(rows: readonly R[], dateKeys: readonly (keyof R)[] = []): PackedRows {
  const keys = rows.length ? Object.keys(rows[0]!) : [];
  const dates = new Set<string>(dateKeys as readonly string[]);
  const cols = keys.map((k) => rows.map((r) => {
    const v = (r as Record<string, unknown>)[k];
    return dates.has(k) && v instanceof Date ? v.toISOString() : v;
  }));
  return { keys, cols };
}

export function unpackRows<R>(packed: PackedRows, dateKeys: readonly (keyof R)[] = []): R[] {
  const n = packed.cols[0]?.length ?? 0;
  const dates = packed.keys.map((k) => (dateKeys as readonly string[]).includes(k));
  const out: R[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < packed.keys.length; c++) {
      const v = packed.cols[c]![i];
      row[packed.keys[c]!] = dates[c] && typeof v === "string" ? new Date(v) : v;
    }
    out[i] = row as R;
  }
  return out;
}

export const reviveDate = (s: string | Date) => new Date(s);

/** A key that does not depend on property order. */
export function answerKey(kind: string, params: unknown): string {
  const canon = (v: unknown): unknown =>
    v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(canon) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canon(x)])) : v;
  return `${kind}:${JSON.stringify(canon(params))}`;
}

/** Answers being computed in this process, by refresh and key: concurrent readers share one computation. */
const computing = new Map<string, Promise<unknown>>();
/** Answers computed and returned but not yet stored. */
const storing = new Set<Promise<void>>();

/**
 * The answer for (kind, params) under `version`, computing and storing it when missing. Callers
 * pass the version they checked (pending must be false). A computed answer is returned at once and
 * stored right after (write-behind): its reader does not wait for the encoding and the write; a
 * reader of the same answer in this process meanwhile gets the same promise, so it is computed once.
 */
export async function readThrough<T>(version: AnalyticsVersion, kind: string, params: unknown, compute: () => Promise<T>, codec: AnswerCodec<T>): Promise<T> {
  if (version.pending || version.refreshId === null) return compute();
  const pool = getPool();
  const key = answerKey(kind, params);
  const flight = `${version.refreshId}:${key}`;
  const running = computing.get(flight);
  if (running) return running as Promise<T>;
  const hit = await pool.query<{ body: string }>(`SELECT body FROM analytics_results WHERE key = $1 AND refresh_id = $2`, [key, version.refreshId]);
  if (hit.rows[0]) {
    try {
      return codec.decode(JSON.parse(hit.rows[0].body) as never);
    } catch (err) {
      // unreadable (edited by hand, truncated): compute it again and overwrite it
      moduleLogger("analytics").warn({ key, err: (err as Error).message }, "stored analytics answer unreadable; recomputing");
    }
  }
  // another reader may have started computing it while this one looked in the table
  const started = computing.get(flight);
  if (started) return started as Promise<T>;
  const t0 = performance.now();
  const answer = compute();
  computing.set(flight, answer);
  answer.then(
    (value) => {
      const ms = Math.round(performance.now() - t0);
      const store = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => pool.query(
          `INSERT INTO analytics_results (key, refresh_id, body, compute_ms) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET refresh_id = EXCLUDED.refresh_id, body = EXCLUDED.body, compute_ms = EXCLUDED.compute_ms, created_at = now()
           WHERE analytics_results.refresh_id <= EXCLUDED.refresh_id`,
          [key, version.refreshId, JSON.stringify(codec.encode(value)), ms],
        ))
        .then(() => undefined, (err: Error) => moduleLogger("analytics").warn({ key, err: err.message }, "could not store an analytics answer; it will be computed again"))
        .finally(() => {
          computing.delete(flight);
          storing.delete(store);
        });
      storing.add(store);
    },
    () => computing.delete(flight),
  );
  return answer;
}

/** Resolves when every answer computed so far in this process is stored (tests, the refresh's warm-up, shutdown). */
export async function answersStored(): Promise<void> {
  while (storing.size) await Promise.all([...storing]);
}
beforeCloseDb(answersStored);

/**
 * Derived data this process holds for one refresh (copies of tables a read joins in memory): loaded
 * on first use, dropped when a later refresh is asked for. What they copy changes only with the
 * ledger and the catalogue, and any change there marks a refresh pending (reads then compute from
 * the ledger), so what is held for a finished refresh is never stale.
 */
let held: { refreshId: number; loads: Map<string, Promise<unknown>> } = { refreshId: -1, loads: new Map() };

export function heldForRefresh<T>(refreshId: number, name: string, load: () => Promise<T>): Promise<T> {
  if (held.refreshId !== refreshId) held = { refreshId, loads: new Map() };
  const have = held.loads.get(name);
  if (have) return have as Promise<T>;
  const loading = load();
  const loads = held.loads;
  loads.set(name, loading);
  // a failed load is not kept
  loading.catch(() => loads.get(name) === loading && loads.delete(name));
  return loading;
}

/** Drops what this process holds (the bench times a process's first read without it). */
export function forgetHeld(): void {
  held = { refreshId: -1, loads: new Map() };
}

/** Drops answers of earlier refreshes (they can never be served again). */
export async function pruneAnswers(db: pg.Pool, refreshId: number): Promise<number> {
  const r = await db.query(`DELETE FROM analytics_results WHERE refresh_id < $1`, [refreshId]);
  return r.rowCount ?? 0;
}
