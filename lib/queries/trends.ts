/** Reads for price-over-time analytics: load the facts, hand them to lib/analytics. */
import { cheapestAtCapability, type CapabilityModel } from "../analytics/cheapest-at-capability";
import { segmentsAsWindows, type PriceSegment } from "../analytics/price-segments";
import { getPool } from "../db";
import { getAnalyticsVersion, readThrough } from "../precompute/result-cache";
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

/** The same from the precomputed tables: only the qualifying models, one window per price segment. */
async function loadCapabilityModelsFromSegments(benchmark: BenchmarkInfo, minScore: number): Promise<CapabilityModel[]> {
  const r = await getPool().query<{ id: number; slug: string; name: string; lab: string; open_weights: boolean; released_on: Date; score: number; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; basis: PriceSegment["basis"]; providers: string[] | null }>(
    `SELECT m.id, m.slug, m.name, l.slug AS lab, m.open_weights, m.released_on, bs.score, s.valid_from, s.valid_to, s.input_usd, s.output_usd, s.basis, s.providers
     FROM model_best_scores bs JOIN models m ON m.id = bs.model_id JOIN labs l ON l.id = m.lab_id
     LEFT JOIN model_price_segments s ON s.model_id = m.id AND s.mode = 'reference'
     WHERE bs.benchmark_id = $1 AND (CASE WHEN $3::boolean THEN bs.score >= $2 ELSE bs.score <= $2 END)`,
    [benchmark.id, minScore, benchmark.higherIsBetter],
  );
  const byId = new Map<number, CapabilityModel>();
  for (const x of r.rows) {
    let m = byId.get(x.id);
    if (!m) byId.set(x.id, (m = { slug: x.slug, name: x.name, labSlug: x.lab, openWeights: x.open_weights, releasedOn: x.released_on, score: x.score, prices: [] }));
    if (x.valid_from) m.prices.push(...segmentsAsWindows([{ validFrom: x.valid_from, validTo: x.valid_to, input: x.input_usd, output: x.output_usd, basis: x.basis, providers: x.providers ?? [] }]));
  }
  return [...byId.values()];
}

export async function getCheapestAtCapability(q: CheapestQuery, today: Date = new Date()): Promise<CheapestResponse> {
  const to = q.to ? parseDay(q.to) : parseDay(isoDay(today));
  const version = await getAnalyticsVersion();
  const answer = async (models: CapabilityModel[], benchmark: BenchmarkInfo): Promise<CheapestResponse> => {
    const points = cheapestAtCapability(models, q.threshold, monthStarts(parseDay(q.from), to), q.mix);
    return {
      benchmark: { slug: benchmark.slug, name: benchmark.name, unit: benchmark.unit },
      threshold: q.threshold,
      mix: q.mix,
      points: points.map((p) => ({ date: isoDay(p.date), price: Math.round(p.price * 1e6) / 1e6, model: p.model, modelName: p.modelName, score: p.score, basis: p.basis })),
      qualifyingModels: models.length,
    };
  };
  if (version.pending) {
    const { benchmark, models } = await loadCapabilityModels(q.benchmark, q.threshold);
    return answer(models, benchmark);
  }
  const benchmark = await getBenchmarkOrThrow(q.benchmark);
  return readThrough(version, "cheapest", { ...q, to }, async () => answer(await loadCapabilityModelsFromSegments(benchmark, q.threshold), benchmark), (x: CheapestResponse) => x);
}
