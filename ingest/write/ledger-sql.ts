/** Applies ledger plans (ingest/ledger.ts) to price_points: supersede, close, insert — in that order. */
import type pg from "pg";
import type { DesiredRow, LedgerPlan, LedgerRow } from "../ledger";

type Db = Pick<pg.PoolClient, "query">;

export interface LedgerKey {
  offeringId: number;
  tier: string;
}

export interface PlannedInsert extends DesiredRow {
  offeringId: number;
  tier: string;
  snapshotId: number | null;
}

/** Current (not superseded) rows of one source for the given offerings, grouped by offering|tier. */
export async function loadCurrentLedgers(db: Db, sourceId: number, offeringIds?: number[]): Promise<Map<string, LedgerRow[]>> {
  const r = await db.query<{ id: number; offering_id: number; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; cached_input_usd: number | null; cache_write_usd: number | null; reasoning_usd: number | null; per_request_usd: number | null }>(
    `SELECT id, offering_id, tier, valid_from, valid_to, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd
     FROM price_points WHERE source_id = $1 AND superseded_at IS NULL ${offeringIds ? "AND offering_id = ANY($2::int[])" : ""}`,
    offeringIds ? [sourceId, offeringIds] : [sourceId],
  );
  const out = new Map<string, LedgerRow[]>();
  for (const row of r.rows) {
    const k = ledgerKey({ offeringId: row.offering_id, tier: row.tier });
    const list = out.get(k) ?? [];
    list.push({ id: Number(row.id), validFrom: row.valid_from, validTo: row.valid_to, input: row.input_usd, output: row.output_usd, cachedInput: row.cached_input_usd, cacheWrite: row.cache_write_usd, reasoning: row.reasoning_usd, perRequest: row.per_request_usd });
    out.set(k, list);
  }
  return out;
}

export const ledgerKey = (k: LedgerKey) => `${k.offeringId}|${k.tier}`;

export async function applyLedgerPlan(db: Db, plan: Omit<LedgerPlan, "insert"> & { insert: PlannedInsert[] }, ctx: { sourceId: number; runId: number; observedAt?: Date }): Promise<void> {
  if (plan.supersede.length) await db.query(`UPDATE price_points SET superseded_at = greatest(now(), observed_at) WHERE id = ANY($1::bigint[])`, [plan.supersede]);
  if (plan.close.length) {
    await db.query(
      `UPDATE price_points p SET valid_to = x.valid_to FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, valid_to timestamptz) WHERE p.id = x.id`,
      [JSON.stringify(plan.close.map((c) => ({ id: c.id, valid_to: c.validTo?.toISOString() ?? null })))],
    );
  }
  if (plan.insert.length) {
    // one array per column (unnest): Postgres reads typed arrays much faster than a JSON document
    // of rows, which mattered for price maps of a thousand rows and more
    const rows = plan.insert;
    await db.query(
      `INSERT INTO price_points (offering_id, tier, valid_from, valid_to, observed_at, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, source_id, run_id, snapshot_id)
       SELECT offering_id, tier, valid_from, valid_to, now(), input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, $13, $14, snapshot_id
       FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::text[], $12::int[])
         AS x(offering_id, tier, valid_from, valid_to, input_usd, output_usd, cached_input_usd, cache_write_usd, reasoning_usd, per_request_usd, source_url, snapshot_id)`,
      [
        rows.map((r) => r.offeringId),
        rows.map((r) => r.tier),
        rows.map((r) => r.validFrom.toISOString()),
        rows.map((r) => r.validTo?.toISOString() ?? null),
        rows.map((r) => r.input),
        rows.map((r) => r.output),
        rows.map((r) => r.cachedInput),
        rows.map((r) => r.cacheWrite),
        rows.map((r) => r.reasoning),
        rows.map((r) => r.perRequest),
        rows.map((r) => r.sourceUrl ?? null),
        rows.map((r) => r.snapshotId),
        ctx.sourceId,
        ctx.runId,
      ],
    );
  }
}
