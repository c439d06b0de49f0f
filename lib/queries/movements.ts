/**
 * Movements a page at a time: the API's list, the overview's latest items and its counts. A busy
 * window holds tens of thousands of movements at scale, so instead of building the whole answer
 * (getMovements) this read asks SQL for one ordered page of the precomputed events and releases,
 * resuming after a cursor (the position of the last item, movementKey), plus the window's counts.
 * While a refresh is pending it pages the answer computed from the ledger with the same order
 * (pageMovements), so both paths return the same pages; the DB tests check it.
 */
import { DEFAULT_MIX, type BlendMix } from "../analytics/blended-price";
import {
  MOVEMENT_KINDS, STANDARD_CROSSING_RULES, kindOrderOf, movementKey, pageMovements, priceChangeOf,
  type Movement, type MovementKey, type Movements, type NewLeader, type ThresholdCrossing,
} from "../analytics/movements";
import { getPool } from "../db";
import { getAnalyticsVersion } from "../precompute/result-cache";
import { computeMovements } from "./analytics-live";

export interface MovementCounts {
  releases: number;
  /** releases with open weights */
  openReleases: number;
  priceChanges: number;
  /** price changes that lowered the blended price */
  priceCuts: number;
  newLeaders: number;
  crossings: number;
}

export interface MovementsPage {
  from: Date;
  to: Date;
  /** the whole window, every kind */
  counts: MovementCounts;
  items: Movement[];
  /** the position of the last item when more follow */
  next: MovementKey | null;
}

export interface MovementsPageOptions {
  kinds?: readonly Movement["kind"][];
  /** items per page; 0 for the counts alone */
  limit: number;
  after?: MovementKey | null;
  descending?: boolean;
  mix?: BlendMix;
}

/** What refresh-analytics stores for a price change (blended levels depend on the mix asked for). */
interface PriceChangeDetail {
  provider: string;
  quantization: string;
  before: { input: number; output: number };
  after: { input: number; output: number };
}

export type MovementRow = {
  kind: Movement["kind"]; at: Date; model: string; model_name: string; detail: Record<string, unknown> | null;
  lab: string | null; open_weights: boolean | null; reasoning: boolean | null;
};

/** An analytics_events row (or a release) as the movement getMovements builds from it. */
export function movementOfRow(r: MovementRow, mix: BlendMix): Movement {
  switch (r.kind) {
    case "release":
      return { kind: "release", date: r.at, model: r.model, modelName: r.model_name, lab: r.lab!, openWeights: r.open_weights!, reasoning: r.reasoning! };
    case "price-change": {
      const d = r.detail as unknown as PriceChangeDetail;
      return priceChangeOf({ date: r.at, model: r.model, modelName: r.model_name, provider: d.provider, quantization: d.quantization, before: d.before, after: d.after }, mix);
    }
    case "new-leader": {
      const d = r.detail as unknown as Pick<NewLeader, "benchmark" | "score" | "previous">;
      return { kind: "new-leader", date: r.at, benchmark: d.benchmark, model: r.model, modelName: r.model_name, score: d.score, previous: d.previous };
    }
    case "threshold-crossing": {
      const d = r.detail as unknown as Pick<ThresholdCrossing, "rule" | "score" | "price">;
      return { kind: "threshold-crossing", date: r.at, rule: d.rule, model: r.model, modelName: r.model_name, score: d.score, price: d.price };
    }
  }
}

function countsOf(m: Movements): MovementCounts {
  return {
    releases: m.releases.length, openReleases: m.releases.filter((r) => r.openWeights).length,
    priceChanges: m.priceChanges.length, priceCuts: m.priceChanges.filter((c) => c.after.blended < c.before.blended).length,
    newLeaders: m.newLeaders.length, crossings: m.crossings.length,
  };
}

const STANDARD_RULES_JSON = STANDARD_CROSSING_RULES.map((r) => JSON.stringify({ benchmark: r.benchmark, minScore: r.minScore, maxPrice: r.maxPrice }));

/**
 * One page of the movements in [from, to) with the standard crossing rules, and the window's counts.
 * Same items, order and counts as getMovements (its `all` list) under the same mix.
 */
export async function getMovementsPage(window: { from: Date; to: Date }, o: MovementsPageOptions): Promise<MovementsPage> {
  if (window.to.getTime() < window.from.getTime()) throw new RangeError("a movements window ends before it starts");
  const mix = o.mix ?? DEFAULT_MIX;
  const kinds = o.kinds?.length ? o.kinds : MOVEMENT_KINDS;
  if ((await getAnalyticsVersion()).pending) {
    const all = await computeMovements(window, { mix });
    const page = pageMovements(all.all, { ...o, kinds });
    return { from: window.from, to: window.to, counts: countsOf(all), items: page.items, next: page.more && page.items.length ? movementKey(page.items.at(-1)!) : null };
  }
  const pool = getPool();
  const dir = o.descending ? "DESC" : "ASC";
  const after = o.after ?? null;
  const standardMix = mix.input / mix.output === DEFAULT_MIX.input / DEFAULT_MIX.output;
  const [rows, counts, crossings] = await Promise.all([
    // limit 0: the counts alone
    o.limit === 0 ? { rows: [] as MovementRow[] } :
    // the first rows after the cursor in analytics_events_page_idx, whose columns are movementKey
    // (text in code-point order, as JavaScript compares strings); names and labs joined to the page
    pool.query<MovementRow>(
      `SELECT e.kind, e.occurred_at AS at, m.slug AS model, m.name AS model_name, e.detail, l.slug AS lab, m.open_weights, m.reasoning
       FROM (
         SELECT * FROM analytics_events e
         WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.kind_order = ANY($3::int[])
           AND ($5::timestamptz IS NULL OR (e.occurred_at, e.kind_order, e.sort_model, e.sort_k1, e.sort_k2, e.sort_n1, e.sort_n2) ${o.descending ? "<" : ">"} ($5, $6::int, $7::text, $8::text, $9::text, $10::float8, $11::float8))
           AND (e.kind <> 'threshold-crossing' OR e.detail->'rule' = ANY($4::jsonb[]))
         ORDER BY e.occurred_at ${dir}, e.kind_order ${dir}, e.sort_model ${dir}, e.sort_k1 ${dir}, e.sort_k2 ${dir}, e.sort_n1 ${dir}, e.sort_n2 ${dir}
         LIMIT $12
       ) e JOIN models m ON m.id = e.model_id JOIN labs l ON l.id = m.lab_id
       ORDER BY e.occurred_at ${dir}, e.kind_order ${dir}, e.sort_model ${dir}, e.sort_k1 ${dir}, e.sort_k2 ${dir}, e.sort_n1 ${dir}, e.sort_n2 ${dir}`,
      [window.from, window.to, kinds.map(kindOrderOf), STANDARD_RULES_JSON, after ? new Date(after[0]) : null, after?.[1] ?? null, after?.[2] ?? null, after?.[3] ?? null, after?.[4] ?? null, after?.[5] ?? null, after?.[6] ?? null, o.limit + 1],
    ),
    // from the index alone (its INCLUDEd flags): cuts under the default mix are stored; another mix reads each change
    pool.query<{ kind_order: number; n: number; flagged: number }>(
      standardMix
        ? `SELECT kind_order, count(*)::int AS n, count(*) FILTER (WHERE cut OR open_weights)::int AS flagged FROM analytics_events
           WHERE occurred_at >= $1 AND occurred_at < $2 AND kind_order < 3 GROUP BY kind_order`
        : `SELECT kind_order, count(*)::int AS n, count(*) FILTER (WHERE open_weights
             OR ($3::float8 * (detail->'after'->>'input')::float8 + $4::float8 * (detail->'after'->>'output')::float8) / ($3::float8 + $4::float8)
              < ($3::float8 * (detail->'before'->>'input')::float8 + $4::float8 * (detail->'before'->>'output')::float8) / ($3::float8 + $4::float8))::int AS flagged
           FROM analytics_events WHERE occurred_at >= $1 AND occurred_at < $2 AND kind_order < 3 GROUP BY kind_order`,
      standardMix ? [window.from, window.to] : [window.from, window.to, mix.input, mix.output],
    ),
    // crossings are few: each one's rule is checked against the standard ones
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM analytics_events WHERE occurred_at >= $1 AND occurred_at < $2 AND kind_order = 3 AND detail->'rule' = ANY($3::jsonb[])`,
      [window.from, window.to, STANDARD_RULES_JSON],
    ),
  ]);
  const items = rows.rows.slice(0, o.limit).map((r) => movementOfRow(r, mix));
  const byKind = new Map(counts.rows.map((r) => [r.kind_order, r]));
  const n = (k: Movement["kind"]) => byKind.get(kindOrderOf(k))?.n ?? 0;
  const flagged = (k: Movement["kind"]) => byKind.get(kindOrderOf(k))?.flagged ?? 0;
  return {
    from: window.from, to: window.to,
    counts: { releases: n("release"), openReleases: flagged("release"), priceChanges: n("price-change"), priceCuts: flagged("price-change"), newLeaders: n("new-leader"), crossings: crossings.rows[0]!.n },
    items, next: rows.rows.length > o.limit && items.length ? movementKey(items.at(-1)!) : null,
  };
}

const MIN_CURSOR_MS = Date.UTC(1900, 0, 1);
const MAX_CURSOR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A cursor is the position of the last item of a page, as URL-safe text. */
export function encodeMovementCursor(key: MovementKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The position a cursor names, or null when it is not one this API returned. */
export function decodeMovementCursor(cursor: string): MovementKey | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 7) return null;
    const [at, k, model, k1, k2, n1, n2] = v as unknown[];
    const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
    // an instant PostgreSQL can hold and a movement can have (1900 to 9999)
    if (!finite(at) || at < MIN_CURSOR_MS || at > MAX_CURSOR_MS || !finite(k) || !Number.isInteger(k) || k < 0 || k > 3 || !finite(n1) || !finite(n2)) return null;
    // text PostgreSQL can hold (no NUL), of a length a slug can have
    const text = (x: unknown): x is string => typeof x === "string" && x.length <= 200 && !x.includes("\u0000");
    if (!text(model) || !text(k1) || !text(k2)) return null;
    return [at, k, model, k1, k2, n1, n2];
  } catch {
    return null;
  }
}
