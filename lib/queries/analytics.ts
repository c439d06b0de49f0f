/**
 * The analyses as queries: load the inputs once, hand them to the pure functions of lib/analytics.
 * These read the ledger directly; precomputed tables for large catalogues are the next step
 * (bench/analytics measures how these scale).
 */
import { frontierOn, type Frontier } from "../analytics/frontier";
import { listMovements, type Movements, type MovementOffering } from "../analytics/movements";
import { openGapByMonth, type GapMonth, type ScoreResult } from "../analytics/open-gap";
import { priceAtCapability, type CapabilityThreshold, type PriceTrend } from "../analytics/price-at-capability";
import type { BlendMix } from "../analytics/blended-price";
import { getPool } from "../db";
import { loadTrendModels } from "./analytics-inputs";

export async function getPriceTrend(benchmark: string, threshold: CapabilityThreshold, window: { from: Date; to: Date }, options: { mix?: BlendMix; includeReasoning?: boolean } = {}): Promise<PriceTrend> {
  const { models } = await loadTrendModels(benchmark);
  return priceAtCapability(models, { threshold, window, mix: options.mix, includeReasoning: options.includeReasoning });
}

export async function getFrontier(benchmark: string, date: Date, options: { mix?: BlendMix } = {}): Promise<Frontier> {
  const { models } = await loadTrendModels(benchmark);
  return frontierOn(models.map((m) => ({ ...m, capability: m.score })), date, { mix: options.mix });
}

async function loadScoreResults(benchmarks?: string[]): Promise<ScoreResult[]> {
  const r = await getPool().query<{ model: string; benchmark: string; score: number; measured_on: Date }>(
    `SELECT m.slug AS model, b.slug AS benchmark, br.score, br.measured_on FROM benchmark_results br JOIN models m ON m.id = br.model_id JOIN benchmarks b ON b.id = br.benchmark_id
     ${benchmarks ? "WHERE b.slug = ANY($1::text[])" : ""}`,
    benchmarks ? [benchmarks] : [],
  );
  return r.rows.map((x) => ({ model: x.model, benchmark: x.benchmark, score: x.score, measuredOn: x.measured_on }));
}

export async function getOpenGap(benchmarks: string[], window: { from: Date; to: Date }): Promise<GapMonth[]> {
  const [{ models }, results] = await Promise.all([loadTrendModels(benchmarks[0]!), loadScoreResults(benchmarks)]);
  return openGapByMonth(models, results, { ...window, benchmarks });
}

export async function getMovements(window: { from: Date; to: Date }, rules = [{ benchmark: "gpqa-diamond", minScore: 60, maxPrice: 1 }]): Promise<Movements> {
  const pool = getPool();
  const [{ models }, results, prices] = await Promise.all([
    loadTrendModels("mmlu"),
    loadScoreResults(),
    pool.query<{ model: string; provider: string; first_party: boolean; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
      `SELECT m.slug AS model, p.slug AS provider, (p.kind = 'first_party' AND p.lab_id = m.lab_id) AS first_party, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd
       FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id JOIN providers p ON p.id = o.provider_id
       WHERE pp.superseded_at IS NULL`,
    ),
  ]);
  const offerings = new Map<string, MovementOffering>();
  for (const p of prices.rows) {
    const key = `${p.model}|${p.provider}`;
    const o = offerings.get(key) ?? { model: p.model, providerSlug: p.provider, firstParty: p.first_party, prices: [] };
    o.prices.push({ tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    offerings.set(key, o);
  }
  return listMovements({ models, offerings: [...offerings.values()], results, rules }, window);
}
