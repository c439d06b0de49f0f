/**
 * The analyses as queries. They read the precomputed tables (lib/precompute/refresh-analytics.ts):
 * SQL narrows the inputs to what the request needs (the models valid on the date, the qualifying
 * models, the window's events), and the same pure functions of lib/analytics compute the answer.
 * While a refresh is pending (analytics_dirty not empty), or for requests outside what was
 * precomputed, they compute from the ledger instead (analytics-live.ts), so an answer is never
 * stale, only slower. The DB tests check both paths give equal answers.
 */
import type { BlendMix } from "../analytics/blended-price";
import { CAPABILITY_INDEX_VERSION } from "../analytics/capability-index";
import { frontierOfEntries, type Frontier, type FrontierEntry } from "../analytics/frontier";
import { assembleMovements, STANDARD_CROSSING_RULES, type CrossingRule, type Movements } from "../analytics/movements";
import type { GapMonth } from "../analytics/open-gap";
import { trendFromObservations, type CapabilityThreshold, type PriceObservation, type PriceTrend, type ReferencePriceMode } from "../analytics/price-at-capability";
import type { PriceSegment } from "../analytics/price-segments";
import { blendedPrice, DEFAULT_MIX } from "../analytics/blended-price";
import { monthStarts } from "../dates";
import { monthOf } from "../analytics/skylines";
import { CAPABILITY_LEVELS, cheapestQuery } from "../schemas/trends";
import { getCheapestAtCapability } from "./trends";
import { getPool } from "../db";
import { answersStored, getAnalyticsVersion, heldForRefresh, packRows, readThrough, reviveDate, unpackRows, type AnswerCodec, type PackedRows } from "../precompute/result-cache";
import { getBenchmarkOrThrow } from "./analytics-inputs";
import { computeFrontier, computeMovements, computeOpenGap, computePriceTrend } from "./analytics-live";
import { movementOfRow, type MovementRow } from "./movements";

/** True when every change to the ledger has been folded into the precomputed tables. */
export async function isPrecomputeCurrent(): Promise<boolean> {
  return !(await getAnalyticsVersion()).pending;
}

/** A mode from a closed list, written into SQL so the per-mode partial indexes apply. */
function modeLiteral(mode: ReferencePriceMode): string {
  const known: Record<ReferencePriceMode, string> = { reference: "'reference'", "first-party": "'first-party'", median: "'median'" };
  return known[mode];
}

/**
 * The frontier on a date with capability on one axis: a benchmark (its best score per model) or the
 * capability index (`fw-ci-v1`, lib/analytics/capability-index.ts).
 */
export async function getFrontier(axis: string, date: Date, options: { mix?: BlendMix; mode?: ReferencePriceMode } = {}): Promise<Frontier> {
  const index = axis === CAPABILITY_INDEX_VERSION;
  const b = index ? null : await getBenchmarkOrThrow(axis);
  const version = await getAnalyticsVersion();
  if (version.pending) return computeFrontier(axis, date, options);
  return readThrough(version, "frontier", { benchmark: axis, date, mix: options.mix ?? DEFAULT_MIX, mode: options.mode ?? "reference" }, async () => {
    // one row per model priced that day: its segment's price is the reference price on the date.
    // At 100× that is ~16,000 rows, so SQL returns numbers only, as arrays, from the index alone; the
    // models' facts and capability come from copies this process keeps for the refresh
    const [rows, catalogue, capability, labs] = await Promise.all([
      getPool().query<[number, number, number, PriceSegment["basis"]]>({
        text: `SELECT s.model_id, s.input_usd, s.output_usd, s.basis FROM model_price_segments s
               WHERE s.mode = ${modeLiteral(options.mode ?? "reference")} AND tstzrange(s.valid_from, s.valid_to) @> $1::timestamptz`,
        values: [date],
        rowMode: "array",
      }),
      catalogueOf(version.refreshId!),
      capabilityOf(version.refreshId!, index ? null : b!.id),
      // a lab's slug can change without a refresh: read each time (a few dozen rows)
      getPool().query<{ id: number; slug: string }>(`SELECT id, slug FROM labs`),
    ]);
    const labSlug = new Map(labs.rows.map((l) => [l.id, l.slug]));
    const mix = options.mix ?? DEFAULT_MIX;
    const available: FrontierEntry[] = [];
    const unscored: string[] = [];
    for (const [modelId, input, output, basis] of rows.rows) {
      const m = catalogue.get(modelId);
      if (!m || m.releasedOn.getTime() > date.getTime()) continue;
      const score = capability.get(modelId);
      if (score === undefined || !Number.isFinite(score)) {
        unscored.push(m.slug);
        continue;
      }
      available.push({
        slug: m.slug, name: m.name, labSlug: labSlug.get(m.labId)!, openWeights: m.openWeights, reasoning: m.reasoning, releasedOn: m.releasedOn,
        price: blendedPrice({ input, output }, mix), capability: score, basis, onFrontier: false,
      });
    }
    return frontierOfEntries(available, unscored, date);
  }, frontierCodec);
}

interface CatalogueEntry {
  slug: string;
  name: string;
  labId: number;
  openWeights: boolean;
  reasoning: boolean;
  releasedOn: Date;
}

/**
 * Every model's facts a frontier lists, as of a refresh, held by this process (heldForRefresh: never
 * stale, since any change to the models table marks a refresh pending).
 */
export function catalogueOf(refreshId: number): Promise<Map<number, CatalogueEntry>> {
  return heldForRefresh(refreshId, "catalogue", async () => {
    const r = await getPool().query<[number, string, string, number, boolean, boolean, number]>({
      text: `SELECT id, slug, name, lab_id, open_weights, reasoning, (extract(epoch FROM released_on) * 1000)::float8 FROM models`,
      rowMode: "array",
    });
    return new Map(r.rows.map(([id, slug, name, labId, openWeights, reasoning, released]) => [id, { slug, name, labId, openWeights, reasoning, releasedOn: new Date(released) }]));
  });
}

/** Each model's capability on a benchmark (its best score), or on the capability index (null), as of a refresh. */
export function capabilityOf(refreshId: number, benchmarkId: number | null): Promise<Map<number, number>> {
  return heldForRefresh(refreshId, `capability:${benchmarkId ?? CAPABILITY_INDEX_VERSION}`, async () => {
    const r = await getPool().query<[number, number]>({
      text: benchmarkId === null
        ? `SELECT model_id, value FROM model_index_values WHERE version = '${CAPABILITY_INDEX_VERSION}'`
        : `SELECT model_id, score FROM model_best_scores WHERE benchmark_id = ${Number(benchmarkId)}`,
      rowMode: "array",
    });
    return new Map(r.rows);
  });
}


const frontierCodec: AnswerCodec<Frontier> = {
  encode: (f) => ({ date: f.date, available: packRows(f.available, ["releasedOn"]), unscored: f.unscored }),
  decode: (s: { date: string; available: PackedRows; unscored: string[] }) => {
    // pareto entries are the same objects as their available entries, as frontierOn returns them
    const available = unpackRows<Frontier["available"][number]>(s.available, ["releasedOn"]);
    return { date: reviveDate(s.date), available, pareto: available.filter((e) => e.onFrontier), unscored: s.unscored };
  },
};

const trendCodec: AnswerCodec<PriceTrend> = {
  encode: (t) => t,
  decode: (t: PriceTrend) => ({
    ...t, window: { from: reviveDate(t.window.from), to: reviveDate(t.window.to) }, points: t.points.map((p) => ({ ...p, date: reviveDate(p.date) })),
    fit: t.fit ? { ...t.fit, line: [{ ...t.fit.line[0], date: reviveDate(t.fit.line[0].date) }, { ...t.fit.line[1], date: reviveDate(t.fit.line[1].date) }] } : null,
  }),
};

/** `all` is not stored: it is the four lists merged (assembleMovements), rebuilt on reading. */
const movementsCodec: AnswerCodec<Movements> = {
  encode: (m) => ({
    from: m.from, to: m.to, priceChanges: packRows(m.priceChanges, ["date"]), releases: packRows(m.releases, ["date"]),
    newLeaders: packRows(m.newLeaders, ["date"]), crossings: packRows(m.crossings, ["date"]),
  }),
  decode: (s: { from: string; to: string; priceChanges: PackedRows; releases: PackedRows; newLeaders: PackedRows; crossings: PackedRows }) =>
    assembleMovements(reviveDate(s.from), reviveDate(s.to), {
      priceChanges: unpackRows(s.priceChanges, ["date"]), releases: unpackRows(s.releases, ["date"]),
      newLeaders: unpackRows(s.newLeaders, ["date"]), crossings: unpackRows(s.crossings, ["date"]),
    }),
};

export async function getPriceTrend(
  benchmark: string, threshold: CapabilityThreshold, window: { from: Date; to: Date }, options: { mix?: BlendMix; mode?: ReferencePriceMode; includeReasoning?: boolean } = {},
): Promise<PriceTrend> {
  const b = await getBenchmarkOrThrow(benchmark);
  // an empty window, or a refresh pending: the pure function over the ledger answers
  const version = await getAnalyticsVersion();
  if (window.from.getTime() > window.to.getTime() || version.pending) return computePriceTrend(benchmark, threshold, window, options);
  const params = { benchmark, threshold, window, mix: options.mix ?? DEFAULT_MIX, mode: options.mode ?? "reference", includeReasoning: options.includeReasoning ?? false };
  return readThrough(version, "price-trend", params, () => trendFromSkylines(b.id, benchmark, threshold, window, options), trendCodec);
}

async function trendFromSkylines(
  benchmarkId: number, benchmark: string, threshold: CapabilityThreshold, window: { from: Date; to: Date }, options: { mix?: BlendMix; mode?: ReferencePriceMode; includeReasoning?: boolean },
): Promise<PriceTrend> {
  const pool = getPool();
  let score: number;
  if ("model" in threshold) {
    const r = await pool.query<{ score: number | null }>(
      `SELECT bs.score FROM models m LEFT JOIN model_best_scores bs ON bs.model_id = m.id AND bs.benchmark_id = $1 WHERE m.slug = $2`, [benchmarkId, threshold.model],
    );
    // not found or unscored: the pure function words the reason
    if (!r.rows[0] || r.rows[0].score === null) return computePriceTrend(benchmark, threshold, window, options);
    score = r.rows[0].score;
  } else {
    score = threshold.score;
  }
  const mix = options.mix ?? DEFAULT_MIX;
  const mode = options.mode ?? "reference";
  const includeReasoning = options.includeReasoning ?? false;
  // The walk keeps only observations cheaper than everything dated before them in the window, so
  // any superset of those gives the same answer (trendFromObservations). From the window's first
  // whole month on, that is the walk candidates no earlier one found inside the window rules out
  // (trend_candidates, lib/analytics/skylines.ts: one range of an index); the days before it
  // read every observation. SQL then passes on only those cheaper than everything dated before them.
  const { from, to } = window;
  const firstWhole = from.getTime() === monthOf(from).getTime() ? from : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const [rows, irregular] = await Promise.all([
    pool.query<{ slug: string; name: string; score: number; d: Date; input_usd: number; output_usd: number; basis: PriceSegment["basis"]; first: boolean }>(
      `WITH c AS (
         SELECT t.model_id, t.observed_at AS d, t.input_usd, t.output_usd, t.basis, t.first_observation AS first, t.score, t.prev_input_usd, t.prev_output_usd
         FROM trend_candidates t
         WHERE t.benchmark_id = $1 AND t.mode = $2 AND t.observed_at >= $5 AND t.observed_at <= $6
           AND (t.dominated_at IS NULL OR t.dominated_at < $4) AND t.score >= $3 AND ($7::boolean OR NOT t.reasoning)
         UNION ALL
         SELECT o.model_id, o.observed_at, o.input_usd, o.output_usd, o.basis, o.first_observation, bs.score, o.prev_input_usd, o.prev_output_usd
         FROM model_price_observations o JOIN model_best_scores bs ON bs.model_id = o.model_id AND bs.benchmark_id = $1 AND bs.score >= $3
           JOIN models m ON m.id = o.model_id AND ($7::boolean OR NOT m.reasoning)
         WHERE o.mode = $2 AND o.regular AND o.observed_at >= $4 AND o.observed_at < $5 AND o.observed_at <= $6
       ), priced AS (
         SELECT c.*, ($8::float8 * input_usd + $9::float8 * output_usd) / ($8::float8 + $9::float8) AS price,
                ($8::float8 * prev_input_usd + $9::float8 * prev_output_usd) / ($8::float8 + $9::float8) AS prev
         FROM c
       ), kept AS (
         -- under this mix: a repeat of the model's previous price is no observation
         SELECT * FROM priced WHERE price > 0 AND (prev IS NULL OR price <> prev)
       )
       SELECT m.slug, m.name, x.score, x.d, x.input_usd, x.output_usd, x.basis, x.first FROM (
         SELECT kept.*, min(price) OVER (ORDER BY d RANGE BETWEEN UNBOUNDED PRECEDING AND '1 microsecond'::interval PRECEDING) AS cheapest_before FROM kept
       ) x JOIN models m ON m.id = x.model_id
       WHERE x.cheapest_before IS NULL OR x.price < x.cheapest_before`,
      [benchmarkId, mode, score, from, firstWhole, to, includeReasoning, mix.input, mix.output],
    ),
    pool.query<{ model_id: number }>(`SELECT DISTINCT model_id FROM model_price_observations WHERE mode = $1 AND NOT regular`, [mode]),
  ]);
  const observations: PriceObservation[] = rows.rows.map((r) => ({
    model: r.slug, modelName: r.name, date: r.d, price: blendedPrice({ input: r.input_usd, output: r.output_usd }, mix), score: r.score,
    kind: r.first ? "release" : "price-change", basis: r.basis,
  }));
  // models with a zero price part: which of their days are observations depends on the mix
  const odd = irregular.rows.map((r) => r.model_id);
  if (odd.length) observations.push(...(await observationsFromSegments(benchmarkId, score, window, { mix, mode, includeReasoning }, odd)));
  return trendFromObservations(observations, { threshold: score, thresholdModel: "model" in threshold ? threshold.model : null, window });
}

/**
 * The window's walk candidates of the given models, from their segments in SQL. Observations are
 * built as priceObservations builds them: a segment's start (or the release, if later), zero prices
 * skipped, a repeat of the model's previous price dropped, the first one the release; then only
 * those cheaper than everything dated before them are passed on.
 */
async function observationsFromSegments(
  benchmarkId: number, score: number, window: { from: Date; to: Date }, options: { mix: BlendMix; mode: ReferencePriceMode; includeReasoning: boolean }, modelIds: number[],
): Promise<PriceObservation[]> {
  const { mix } = options;
  const rows = await getPool().query<{ slug: string; name: string; score: number; d: Date; input_usd: number; output_usd: number; basis: PriceSegment["basis"]; rn: number }>(
    `WITH q AS (
       SELECT m.id, m.slug, m.name, m.released_on::timestamptz AS released, bs.score
       FROM model_best_scores bs JOIN models m ON m.id = bs.model_id
       WHERE bs.benchmark_id = $1 AND bs.score >= $2 AND ($3::boolean OR NOT m.reasoning) AND m.id = ANY($8::int[])
     ), obs AS (
       SELECT q.id, q.slug, q.name, q.score, greatest(s.valid_from, q.released) AS d, s.input_usd, s.output_usd, s.basis,
              ($6::float8 * s.input_usd + $7::float8 * s.output_usd) / ($6::float8 + $7::float8) AS price
       FROM q JOIN model_price_segments s ON s.model_id = q.id AND s.mode = ${modeLiteral(options.mode)}
       WHERE (s.valid_to IS NULL OR s.valid_to > q.released) AND s.valid_from <= $5
     ), seq AS (
       SELECT obs.*, lag(price) OVER w AS prev, row_number() OVER w AS rn FROM obs WHERE price > 0 WINDOW w AS (PARTITION BY id ORDER BY d)
     ), cand AS (
       SELECT * FROM seq WHERE (prev IS NULL OR price <> prev) AND d >= $4 AND d <= $5
     )
     -- the cheapest price dated strictly before each one: a running minimum whose frame ends just
     -- before the row's instant (its frame start never moves, so it is computed in one pass)
     SELECT slug, name, score, d, input_usd, output_usd, basis, rn::int AS rn FROM (
       SELECT cand.*, min(price) OVER (ORDER BY d RANGE BETWEEN UNBOUNDED PRECEDING AND '1 microsecond'::interval PRECEDING) AS cheapest_before FROM cand
     ) x WHERE cheapest_before IS NULL OR price < cheapest_before`,
    [benchmarkId, score, options.includeReasoning, window.from, window.to, mix.input, mix.output, modelIds],
  );
  return rows.rows.map((r) => ({
    model: r.slug, modelName: r.name, date: r.d, price: blendedPrice({ input: r.input_usd, output: r.output_usd }, mix), score: r.score,
    kind: r.rn === 1 ? "release" : "price-change", basis: r.basis,
  }));
}


function reviveGapMonth(g: GapMonth & Record<string, unknown>): GapMonth {
  const leader = (x: GapMonth["open"]) => (x ? { ...x, since: reviveDate(x.since as unknown as string) } : null);
  return {
    ...g, month: reviveDate(g.month as unknown as string), open: leader(g.open), proprietary: leader(g.proprietary),
    lagReference: g.lagReference ? { ...g.lagReference, since: reviveDate(g.lagReference.since as unknown as string) } : null,
  };
}

export async function getOpenGap(benchmarks: string[], window: { from: Date; to: Date }): Promise<GapMonth[]> {
  if ((await getAnalyticsVersion()).pending) return computeOpenGap(benchmarks, window);
  const months = monthStarts(window.from, window.to);
  const r = await getPool().query<{ benchmark: string; detail: GapMonth & Record<string, unknown> }>(
    `SELECT b.slug AS benchmark, g.detail FROM open_gap_months g JOIN benchmarks b ON b.id = g.benchmark_id
     WHERE b.slug = ANY($1::text[]) AND g.month = ANY($2::date[])`,
    [benchmarks, months.map((m) => m.toISOString().slice(0, 10))],
  );
  // a month not precomputed (before GAP_FIRST_MONTH, after the last refresh) or a benchmark unknown
  if (r.rows.length !== new Set(benchmarks).size * months.length) return computeOpenGap(benchmarks, window);
  const order = new Map(benchmarks.map((b, i) => [b, i]));
  return r.rows
    .map((x) => reviveGapMonth(x.detail))
    .sort((a, b) => order.get(a.benchmark)! - order.get(b.benchmark)! || a.month.getTime() - b.month.getTime());
}

const sameRule = (a: CrossingRule, b: CrossingRule) => a.benchmark === b.benchmark && a.minScore === b.minScore && a.maxPrice === b.maxPrice;

export async function getMovements(window: { from: Date; to: Date }, options: { rules?: readonly CrossingRule[]; mix?: BlendMix } = {}): Promise<Movements> {
  if (window.to.getTime() < window.from.getTime()) throw new RangeError("a movements window ends before it starts");
  const rules = options.rules ?? STANDARD_CROSSING_RULES;
  const mix = options.mix ?? DEFAULT_MIX;
  const standard = rules.every((r) => STANDARD_CROSSING_RULES.some((s) => sameRule(r, s))) && mix.input / mix.output === DEFAULT_MIX.input / DEFAULT_MIX.output;
  const version = await getAnalyticsVersion();
  if (version.pending) return computeMovements(window, options);
  return readThrough(version, "movements", { window, rules, mix }, () => (standard ? movementsFromEvents(window, rules, mix) : computeMovements(window, options)), movementsCodec);
}

async function movementsFromEvents(window: { from: Date; to: Date }, rules: readonly CrossingRule[], mix: BlendMix): Promise<Movements> {
  const events = await getPool().query<MovementRow>(
    `SELECT e.kind, e.occurred_at AS at, m.slug AS model, m.name AS model_name, e.detail, l.slug AS lab, m.open_weights, m.reasoning
     FROM analytics_events e JOIN models m ON m.id = e.model_id JOIN labs l ON l.id = m.lab_id
     WHERE e.occurred_at >= $1 AND e.occurred_at < $2`,
    [window.from, window.to],
  );
  const lists: Parameters<typeof assembleMovements>[2] = { priceChanges: [], releases: [], newLeaders: [], crossings: [] };
  for (const e of events.rows) {
    const m = movementOfRow(e, mix);
    if (m.kind === "release") lists.releases.push(m);
    else if (m.kind === "price-change") lists.priceChanges.push(m);
    else if (m.kind === "new-leader") lists.newLeaders.push(m);
    else if (rules.some((r) => sameRule(r, m.rule))) lists.crossings.push(m);
  }
  return assembleMovements(window.from, window.to, lists);
}

/**
 * The reads the dashboard, the API and the digest ask for by default, computed right after a
 * refresh so that their first request is a stored answer too: the frontier today on the headline
 * benchmarks, price at constant capability for the overview's levels since 2023, and the overview's
 * cheapest-price chart for each level. (Movements need no warming: the overview and the API read
 * them a page at a time from the events, lib/queries/movements.ts.)
 */
export async function warmStandardReads(today: Date = new Date()): Promise<number> {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const known = new Set((await getPool().query<{ slug: string }>(`SELECT slug FROM benchmarks`)).rows.map((r) => r.slug));
  const reads: (() => Promise<unknown>)[] = [];
  for (const axis of STANDARD_FRONTIER_AXES) if (known.has(axis) || axis === CAPABILITY_INDEX_VERSION) reads.push(() => getFrontier(axis, day));
  for (const level of CAPABILITY_LEVELS) {
    if (known.has(level.benchmark)) reads.push(() => getPriceTrend(level.benchmark, { score: level.threshold }, { from: STANDARD_TREND_FROM, to: day }));
  }
  for (const level of CAPABILITY_LEVELS) {
    if (known.has(level.benchmark)) reads.push(() => getCheapestAtCapability(cheapestQuery.parse({ benchmark: level.benchmark, threshold: String(level.threshold) }), day));
  }
  for (const read of reads) await read();
  await answersStored();
  return reads.length;
}

export const STANDARD_FRONTIER_AXES = [CAPABILITY_INDEX_VERSION, "mmlu", "gpqa-diamond"] as const;
export const STANDARD_TREND_FROM = new Date("2023-01-01T00:00:00Z");
