/**
 * Set-based upsert that counts honestly: rows whose values did not change are not written (their
 * provenance keeps pointing at the run that brought those values), changed rows are updated and
 * re-attributed to this run, new rows are inserted.
 */
import type pg from "pg";
import type { RunCounts } from "../runs";

export interface UpsertSpec {
  table: string;
  /** conflict target (a unique index) */
  key: string[];
  /** column → Postgres type for jsonb_to_recordset */
  columns: Record<string, string>;
  /** columns stamped on insert/update but not compared (provenance) */
  provenance?: string[];
  /** the table has an updated_at column to stamp when a row changes */
  touchesUpdatedAt?: boolean;
}

export async function upsertRows(db: Pick<pg.PoolClient, "query">, spec: UpsertSpec, rows: Record<string, unknown>[]): Promise<RunCounts> {
  const counts: RunCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  if (rows.length === 0) return counts;
  const cols = Object.keys(spec.columns);
  const compared = cols.filter((c) => !spec.key.includes(c) && !(spec.provenance ?? []).includes(c));
  const q = (c: string) => `"${c}"`;
  const recordDef = cols.map((c) => `${q(c)} ${spec.columns[c]}`).join(", ");
  const setList = [...compared, ...(spec.provenance ?? [])].map((c) => `${q(c)} = EXCLUDED.${q(c)}`);
  if (spec.touchesUpdatedAt) setList.push(`"updated_at" = now()`);
  const distinct = compared.length
    ? `WHERE (${compared.map((c) => `${spec.table}.${q(c)}`).join(", ")}) IS DISTINCT FROM (${compared.map((c) => `EXCLUDED.${q(c)}`).join(", ")})`
    : "WHERE false";
  const sql = `INSERT INTO ${spec.table} (${cols.map(q).join(", ")})
    SELECT ${cols.map(q).join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${recordDef})
    ON CONFLICT (${spec.key.map(q).join(", ")}) DO UPDATE SET ${setList.join(", ")} ${distinct}
    RETURNING (xmax = 0) AS inserted`;
  const res = await db.query<{ inserted: boolean }>(sql, [JSON.stringify(rows)]);
  for (const r of res.rows) {
    if (r.inserted) counts.inserted++;
    else counts.updated++;
  }
  counts.unchanged = rows.length - res.rows.length;
  return counts;
}
