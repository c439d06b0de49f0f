/** Reads for price-over-time analytics: load the facts, hand them to lib/analytics. */
import { cheapestAtCapability, type CapabilityModel } from "../analytics/cheapest-at-capability";
import { loadTrendModels, type BenchmarkInfo } from "./analytics-inputs";
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

export async function getCheapestAtCapability(q: CheapestQuery, today: Date = new Date()): Promise<CheapestResponse> {
  const { benchmark, models } = await loadCapabilityModels(q.benchmark, q.threshold);
  const to = q.to ? parseDay(q.to) : today;
  const points = cheapestAtCapability(models, q.threshold, monthStarts(parseDay(q.from), to), q.mix);
  return {
    benchmark: { slug: benchmark.slug, name: benchmark.name, unit: benchmark.unit },
    threshold: q.threshold,
    mix: q.mix,
    points: points.map((p) => ({ date: isoDay(p.date), price: Math.round(p.price * 1e6) / 1e6, model: p.model, modelName: p.modelName, score: p.score, basis: p.basis })),
    qualifyingModels: models.length,
  };
}
