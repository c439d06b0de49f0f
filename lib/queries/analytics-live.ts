/**
 * The analyses computed from the ledger itself: load every input, hand it to the pure functions of
 * lib/analytics. Always current, linear in the size of the ledger. lib/queries/analytics.ts reads
 * the precomputed tables instead and comes here only when they are behind (a refresh is pending)
 * or the request is outside what was precomputed. The DB tests check both give equal answers.
 */
import { CAPABILITY_INDEX_BENCHMARKS, CAPABILITY_INDEX_VERSION, capabilityIndex } from "../analytics/capability-index";
import { frontierOn, type Frontier } from "../analytics/frontier";
import { listMovements, STANDARD_CROSSING_RULES, type CrossingRule, type Movements, type MovementOffering } from "../analytics/movements";
import { openGapByMonth, type GapMonth, type ScoreResult } from "../analytics/open-gap";
import { priceAtCapability, type CapabilityThreshold, type PriceTrend, type ReferencePriceMode } from "../analytics/price-at-capability";
import type { BlendMix } from "../analytics/blended-price";
import { getPool } from "../db";
import { loadTrendModels } from "./analytics-inputs";

export async function computePriceTrend(benchmark: string, threshold: CapabilityThreshold, window: { from: Date; to: Date }, options: { mix?: BlendMix; mode?: ReferencePriceMode; includeReasoning?: boolean } = {}): Promise<PriceTrend> {
  const { models } = await loadTrendModels(benchmark);
  return priceAtCapability(models, { threshold, window, mix: options.mix, mode: options.mode, includeReasoning: options.includeReasoning });
}

export async function computeFrontier(axis: string, date: Date, options: { mix?: BlendMix; mode?: ReferencePriceMode } = {}): Promise<Frontier> {
  if (axis === CAPABILITY_INDEX_VERSION) {
    const [{ models }, results] = await Promise.all([loadTrendModels("mmlu"), loadScoreResults(CAPABILITY_INDEX_BENCHMARKS.map((b) => b.slug))]);
    const index = new Map(capabilityIndex(results).map((v) => [v.model, v.value]));
    return frontierOn(models.map((m) => ({ ...m, capability: index.get(m.slug) ?? null })), date, { mix: options.mix, mode: options.mode });
  }
  const { models } = await loadTrendModels(axis);
  return frontierOn(models.map((m) => ({ ...m, capability: m.score })), date, { mix: options.mix, mode: options.mode });
}

export async function loadScoreResults(benchmarks?: string[]): Promise<ScoreResult[]> {
  const r = await getPool().query<{ model: string; benchmark: string; score: number; measured_on: Date }>(
    `SELECT m.slug AS model, b.slug AS benchmark, br.score, br.measured_on FROM benchmark_results br JOIN models m ON m.id = br.model_id JOIN benchmarks b ON b.id = br.benchmark_id
     ${benchmarks ? "WHERE b.slug = ANY($1::text[])" : ""}`,
    benchmarks ? [benchmarks] : [],
  );
  return r.rows.map((x) => ({ model: x.model, benchmark: x.benchmark, score: x.score, measuredOn: x.measured_on }));
}

export async function computeOpenGap(benchmarks: string[], window: { from: Date; to: Date }): Promise<GapMonth[]> {
  const [{ models }, results] = await Promise.all([loadTrendModels(benchmarks[0]!), loadScoreResults(benchmarks)]);
  return openGapByMonth(models, results, { ...window, benchmarks });
}

export async function computeMovements(window: { from: Date; to: Date }, options: { rules?: readonly CrossingRule[]; mix?: BlendMix } = {}): Promise<Movements> {
  const rules = [...(options.rules ?? STANDARD_CROSSING_RULES)];
  const pool = getPool();
  const [{ models }, results, prices] = await Promise.all([
    loadTrendModels("mmlu"),
    loadScoreResults(),
    pool.query<{ offering_id: number; model: string; provider: string; first_party: boolean; quantization: string; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
      `SELECT o.id AS offering_id, m.slug AS model, p.slug AS provider, (p.kind = 'first_party' AND p.lab_id = m.lab_id) AS first_party, o.quantization, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd
       FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id JOIN providers p ON p.id = o.provider_id
       WHERE pp.superseded_at IS NULL`,
    ),
  ]);
  const offerings = new Map<number, MovementOffering>();
  for (const p of prices.rows) {
    // one offering per (model, provider, quantization): its rows never overlap each other
    const key = p.offering_id;
    const o = offerings.get(key) ?? { model: p.model, providerSlug: p.provider, firstParty: p.first_party, quantization: p.quantization, prices: [] };
    o.prices.push({ tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    offerings.set(key, o);
  }
  return listMovements({ models, offerings: [...offerings.values()], results, rules }, { ...window, mix: options.mix });
}
