/**
 * Loads what the pure analytics (lib/analytics) take as input: models with their best score on a
 * benchmark and their price windows (current belief: superseded rows excluded). One query each,
 * whatever the number of models.
 */
import type { PriceTrendModel } from "../analytics/price-at-capability";
import type { PriceWindow } from "../analytics/reference-price";
import { getPool } from "../db";
import { ApiError } from "../errors";

export interface BenchmarkInfo {
  id: number;
  slug: string;
  name: string;
  unit: string;
  higherIsBetter: boolean;
}

export async function getBenchmarkOrThrow(slug: string): Promise<BenchmarkInfo> {
  const r = await getPool().query<{ id: number; slug: string; name: string; unit: string; higher_is_better: boolean }>(`SELECT id, slug, name, unit, higher_is_better FROM benchmarks WHERE slug = $1`, [slug]);
  const b = r.rows[0];
  if (!b) throw new ApiError("not_found", `No benchmark "${slug}"`, [{ field: "benchmark", message: "unknown benchmark" }]);
  return { id: b.id, slug: b.slug, name: b.name, unit: b.unit, higherIsBetter: b.higher_is_better };
}

export interface TrendInputOptions {
  /** only price rows from these sources (e.g. ["curated"]); default all */
  sources?: string[];
}

/** Every model with its best score on the benchmark (null when none) and its price windows. */
export async function loadTrendModels(benchmarkSlug: string, options: TrendInputOptions = {}): Promise<{ benchmark: BenchmarkInfo; models: PriceTrendModel[] }> {
  const benchmark = await getBenchmarkOrThrow(benchmarkSlug);
  const pool = getPool();
  const agg = benchmark.higherIsBetter ? "max" : "min";
  const models = await pool.query<{ id: number; slug: string; name: string; lab_slug: string; open_weights: boolean; reasoning: boolean; released_on: Date; score: number | null }>(
    `SELECT m.id, m.slug, m.name, l.slug AS lab_slug, m.open_weights, m.reasoning, m.released_on, s.score
     FROM models m JOIN labs l ON l.id = m.lab_id
     LEFT JOIN (SELECT model_id, ${agg}(score) AS score FROM benchmark_results WHERE benchmark_id = $1 GROUP BY model_id) s ON s.model_id = m.id`,
    [benchmark.id],
  );
  const prices = await pool.query<{ model_id: number; provider_slug: string; first_party: boolean; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
    `SELECT o.model_id, p.slug AS provider_slug, (p.kind = 'first_party' AND p.lab_id = m.lab_id) AS first_party, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd
     FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN providers p ON p.id = o.provider_id JOIN models m ON m.id = o.model_id
     ${options.sources ? "JOIN sources s ON s.id = pp.source_id" : ""}
     WHERE pp.superseded_at IS NULL ${options.sources ? "AND s.slug = ANY($1::text[])" : ""}`,
    options.sources ? [options.sources] : [],
  );
  const byModel = new Map<number, PriceWindow[]>();
  for (const p of prices.rows) {
    const list = byModel.get(p.model_id) ?? [];
    list.push({ providerSlug: p.provider_slug, firstParty: p.first_party, tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    byModel.set(p.model_id, list);
  }
  return {
    benchmark,
    models: models.rows.map((m) => ({
      slug: m.slug, name: m.name, labSlug: m.lab_slug, openWeights: m.open_weights, reasoning: m.reasoning, releasedOn: m.released_on, score: m.score, prices: byModel.get(m.id) ?? [],
    })),
  };
}
