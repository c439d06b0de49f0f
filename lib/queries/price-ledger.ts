/**
 * The price ledger for the API (/api/v1/prices, /api/v1/models/{slug}/prices): every row with its
 * validity window and provenance, keyset-paginated on (valid_from, id) or id — both served by an
 * index, so a page deep in a big ledger costs what the first one does.
 *
 * Validity windows are half-open, as everywhere in the ledger (lib/analytics/reference-price.ts
 * `isValidOn`): a row applies from valid_from (inclusive) until valid_to (exclusive), and a null
 * valid_to means it still applies. `as_of` takes the instant 00:00 UTC of the day, as the analytics do.
 */
import { getPool } from "../db";
import { parseDay } from "../dates";
import type { ListPricesQuery, ListPricesResponse, ModelPricesQuery, PriceRowDto } from "../schemas/prices";
import { bothWays, keyColumns, decodeCursor, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";
import { idOfSlug } from "./lookup";

const SORT_KEYS: Record<ListPricesQuery["sort"], SortKey> = {
  ...bothWays("valid_from", "pp.valid_from", "timestamptz", "pp.id"),
  // the id is its own key: the tie-break repeats it, which costs nothing and keeps one code path
  ...bothWays("id", "pp.id", "int", "pp.id"),
};

export interface PriceRowSql extends KeyedRow {
  id: number;
  offering_id: number;
  model_slug: string;
  model_name: string;
  provider_slug: string;
  provider_name: string;
  provider_kind: PriceRowDto["provider"]["kind"];
  hardware: PriceRowDto["provider"]["hardware"];
  quantization: string;
  tier: PriceRowDto["tier"];
  valid_from: Date;
  valid_to: Date | null;
  observed_at: Date;
  superseded_at: Date | null;
  input_usd: number;
  output_usd: number;
  cached_input_usd: number | null;
  cache_write_usd: number | null;
  reasoning_usd: number | null;
  per_request_usd: number | null;
  source: string;
  source_url: string | null;
  run_id: number;
  snapshot_id: number | null;
}

/** The columns of a price row, for any query over `price_points pp` joined to o, m, p and s as below. */
export const PRICE_ROW_COLUMNS = `pp.id, pp.offering_id, m.slug AS model_slug, m.name AS model_name, p.slug AS provider_slug, p.name AS provider_name, p.kind AS provider_kind, p.hardware,
  o.quantization, pp.tier, pp.valid_from, pp.valid_to, pp.observed_at, pp.superseded_at, pp.input_usd, pp.output_usd, pp.cached_input_usd, pp.cache_write_usd,
  pp.reasoning_usd, pp.per_request_usd, s.slug AS source, pp.source_url, pp.run_id, pp.snapshot_id`;
export const PRICE_ROW_JOINS = `JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id JOIN providers p ON p.id = o.provider_id JOIN sources s ON s.id = pp.source_id`;

export function toPriceRow(r: Omit<PriceRowSql, keyof KeyedRow>): PriceRowDto {
  return {
    id: r.id, offeringId: r.offering_id,
    model: { slug: r.model_slug, name: r.model_name },
    provider: { slug: r.provider_slug, name: r.provider_name, kind: r.provider_kind, hardware: r.hardware },
    quantization: r.quantization, tier: r.tier,
    validFrom: r.valid_from.toISOString(), validTo: r.valid_to?.toISOString() ?? null,
    observedAt: r.observed_at.toISOString(), supersededAt: r.superseded_at?.toISOString() ?? null,
    input: r.input_usd, output: r.output_usd, cachedInput: r.cached_input_usd, cacheWrite: r.cache_write_usd, reasoning: r.reasoning_usd, perRequest: r.per_request_usd,
    source: r.source, sourceUrl: r.source_url, runId: r.run_id, snapshotId: r.snapshot_id,
  };
}

interface LedgerFilter {
  modelId?: number;
  providerId?: number;
  sourceId?: number;
  tier?: string;
  asOf?: Date;
  from?: Date;
  to?: Date;
  includeSuperseded: boolean;
}

/** The SQL of one page (exported so a DB test can EXPLAIN exactly what the API runs). */
export function priceLedgerPageSql(filter: LedgerFilter, sort: ListPricesQuery["sort"], cursor: string | undefined, limit: number): { text: string; values: unknown[] } {
  const key = SORT_KEYS[sort];
  const values: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  // filters on the offering go through a subquery of ids, so the scan stays on price_points' indexes
  if (filter.modelId !== undefined || filter.providerId !== undefined) {
    const on = [filter.modelId !== undefined ? `model_id = ${param(filter.modelId)}` : "", filter.providerId !== undefined ? `provider_id = ${param(filter.providerId)}` : ""].filter(Boolean);
    where.push(`pp.offering_id IN (SELECT id FROM offerings WHERE ${on.join(" AND ")})`);
  }
  if (filter.sourceId !== undefined) where.push(`pp.source_id = ${param(filter.sourceId)}`);
  if (filter.tier !== undefined) where.push(`pp.tier = ${param(filter.tier)}`);
  if (!filter.includeSuperseded) where.push("pp.superseded_at IS NULL");
  if (filter.asOf) {
    const at = param(filter.asOf);
    where.push(`pp.valid_from <= ${at}`, `(pp.valid_to IS NULL OR pp.valid_to > ${at})`);
  }
  if (filter.from) where.push(`pp.valid_from >= ${param(filter.from)}`);
  if (filter.to) where.push(`pp.valid_from < ${param(filter.to)}`);
  where.push(seekCondition(key, cursor ? decodeCursor(cursor, sort, key.type) : null, values));
  const text = `SELECT ${PRICE_ROW_COLUMNS}, ${keyColumns(key)}
    FROM price_points pp ${PRICE_ROW_JOINS}
    WHERE ${where.join(" AND ")}
    ORDER BY ${orderByKey(key)} LIMIT ${param(limit + 1)}`;
  return { text, values };
}

async function ledgerPage(filter: LedgerFilter, q: ModelPricesQuery): Promise<ListPricesResponse> {
  const { text, values } = priceLedgerPageSql(filter, q.sort, q.cursor, q.limit);
  const r = await getPool().query<PriceRowSql>(text, values);
  return toPage(r.rows, q.limit, q.sort, SORT_KEYS[q.sort], toPriceRow);
}

async function filterOf(q: ModelPricesQuery): Promise<LedgerFilter> {
  return {
    providerId: q.provider ? await idOfSlug("providers", q.provider, "provider") : undefined,
    sourceId: q.source ? await idOfSlug("sources", q.source, "source") : undefined,
    tier: q.tier,
    asOf: q.as_of ? parseDay(q.as_of) : undefined,
    from: q.from ? parseDay(q.from) : undefined,
    to: q.to ? parseDay(q.to) : undefined,
    includeSuperseded: q.include_superseded,
  };
}

/** GET /api/v1/prices: the whole ledger, filtered. */
export async function listPrices(q: ListPricesQuery): Promise<ListPricesResponse> {
  const modelId = q.model ? await idOfSlug("models", q.model, "model") : undefined;
  return ledgerPage({ ...(await filterOf(q)), modelId }, q);
}

/** GET /api/v1/models/{slug}/prices: one model's ledger; an unknown model is a 404. */
export async function listModelPrices(slug: string, q: ModelPricesQuery): Promise<ListPricesResponse> {
  const modelId = await idOfSlug("models", slug, "slug");
  return ledgerPage({ ...(await filterOf(q)), modelId }, q);
}
