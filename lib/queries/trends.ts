/** Reads for price-over-time analytics: load the facts, hand them to lib/analytics. */
import { blendedPrice } from "../analytics/blended-price";
import { cheapestAtCapability, type CapabilityModel, type CheapestPoint } from "../analytics/cheapest-at-capability";
import type { PriceSegment } from "../analytics/price-segments";
import { getPool } from "../db";
import { getAnalyticsVersion, plainCodec, readThrough, unpackRows, type PackedRows } from "../precompute/result-cache";
import type { StartPoint } from "../precompute/skylines";
import { pickCheapest } from "../analytics/skylines";
import { getBenchmarkOrThrow, loadTrendModels, type BenchmarkInfo } from "./analytics-inputs";
import { isoDay, monthStarts, parseDay } from "../dates";
import type { CheapestQuery, CheapestResponse } from "../schemas/trends";

/** Models at or above `minScore` on a benchmark, with their price windows (see analytics-inputs). */
export async function loadCapabilityModels(benchmarkSlug: string, minScore: number): Promise<{ benchmark: BenchmarkInfo; models: CapabilityModel[] }> {
  const { benchmark, models } = await loadTrendModels(benchmarkSlug);
  const qualifies = (score: number | null): score is number => score !== null && (benchmark.higherIsBetter ? score >= minScore : score <= minScore);
  return {
    benchmark,
    models: models.flatMap((m) => (qualifies(m.score) ? [{ slug: m.slug, name: m.name, labSlug: m.labSlug, openWeights: m.openWeights, releasedOn: m.releasedOn, score: m.score, prices: m.prices }] : [])),
  };
}

/**
 * cheapestAtCapability from the precomputed tables. A month start within the skylines' range reads
 * that month's skyline (lib/analytics/skylines.ts: the few models that can be the cheapest above
 * any threshold under any mix) and picks as the pure function does; any other month start (after
 * the last refresh's month, before SKYLINE_FIRST_MONTH) is answered from the segments in SQL.
 */
async function cheapestFromSkylines(benchmark: BenchmarkInfo, q: CheapestQuery, to: Date): Promise<{ points: CheapestPoint[]; qualifying: number }> {
  const months = monthStarts(parseDay(q.from), to);
  const [stored, count] = await Promise.all([
    getPool().query<{ month: Date; points: PackedRows }>(
      `SELECT month::timestamp AT TIME ZONE 'UTC' AS month, points FROM cheapest_skylines WHERE benchmark_id = $1 AND month = ANY($2::date[])`,
      [benchmark.id, months.map(isoDay)],
    ),
    // qualifying as loadCapabilityModels counts them (at or above, or at or below where lower is better)
    getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM model_best_scores bs WHERE bs.benchmark_id = $1 AND CASE WHEN $3::boolean THEN bs.score >= $2 ELSE bs.score <= $2 END`,
      [benchmark.id, q.threshold, benchmark.higherIsBetter],
    ),
  ]);
  const byMonth = new Map<number, CheapestPoint | null>();
  for (const r of stored.rows) {
    const best = pickCheapest(unpackRows<StartPoint>(r.points, ["releasedOn"]), q.threshold, q.mix);
    byMonth.set(r.month.getTime(), best && { date: r.month, price: best.price, model: best.slug, modelName: best.name, score: best.score, basis: best.basis });
  }
  const missing = months.filter((m) => !byMonth.has(m.getTime()));
  if (missing.length) for (const p of await cheapestFromSegments(benchmark, q, missing)) byMonth.set(p.date.getTime(), p);
  return { points: months.flatMap((m) => byMonth.get(m.getTime()) ?? []), qualifying: count.rows[0]!.n };
}

/**
 * The same from the segments, in SQL, for the given month starts: the qualifying model priced that
 * day with the lowest blended reference price (ties: earlier release, then slug, as the pure
 * function breaks them). The blend is computed in the same order of operations as blendedPrice,
 * so the same model wins.
 */
async function cheapestFromSegments(benchmark: BenchmarkInfo, q: CheapestQuery, months: Date[]): Promise<CheapestPoint[]> {
  const rows = await getPool().query<{ d: Date; slug: string; name: string; score: number; input_usd: number; output_usd: number; basis: PriceSegment["basis"] }>(
    `WITH q AS (SELECT m.id, m.slug, m.name, m.released_on, bs.score FROM model_best_scores bs JOIN models m ON m.id = bs.model_id WHERE bs.benchmark_id = $1 AND bs.score >= $2)
     SELECT DISTINCT ON (mo.d) mo.d, q.slug, q.name, q.score, s.input_usd, s.output_usd, s.basis
     FROM unnest($3::timestamptz[]) AS mo(d)
     JOIN model_price_segments s ON s.mode = 'reference' AND tstzrange(s.valid_from, s.valid_to) @> mo.d
     JOIN q ON q.id = s.model_id AND q.released_on <= mo.d
     ORDER BY mo.d, ($4::float8 * s.input_usd + $5::float8 * s.output_usd) / ($4::float8 + $5::float8), q.released_on, q.slug COLLATE "C"`,
    [benchmark.id, q.threshold, months, q.mix.input, q.mix.output],
  );
  return rows.rows.map((r) => ({ date: r.d, price: blendedPrice({ input: r.input_usd, output: r.output_usd }, q.mix), model: r.slug, modelName: r.name, score: r.score, basis: r.basis }));
}

export async function getCheapestAtCapability(q: CheapestQuery, today: Date = new Date()): Promise<CheapestResponse> {
  const to = q.to ? parseDay(q.to) : parseDay(isoDay(today));
  const version = await getAnalyticsVersion();
  const answer = (benchmark: BenchmarkInfo, points: CheapestPoint[], qualifying: number): CheapestResponse => ({
    benchmark: { slug: benchmark.slug, name: benchmark.name, unit: benchmark.unit },
    threshold: q.threshold,
    mix: q.mix,
    points: points.map((p) => ({ date: isoDay(p.date), price: Math.round(p.price * 1e6) / 1e6, model: p.model, modelName: p.modelName, score: p.score, basis: p.basis })),
    qualifyingModels: qualifying,
  });
  if (version.pending) {
    const { benchmark, models } = await loadCapabilityModels(q.benchmark, q.threshold);
    return answer(benchmark, cheapestAtCapability(models, q.threshold, monthStarts(parseDay(q.from), to), q.mix), models.length);
  }
  const benchmark = await getBenchmarkOrThrow(q.benchmark);
  return readThrough(version, "cheapest", { ...q, to }, async () => {
    const { points, qualifying } = await cheapestFromSkylines(benchmark, q, to);
    return answer(benchmark, points, qualifying);
  }, plainCodec<CheapestResponse>());
}
