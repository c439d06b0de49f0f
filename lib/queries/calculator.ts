/**
 * The cost calculator's read: every offering's standard-tier price valid now (input, output, and
 * cached-input and reasoning prices where the ledger has them), with the model's capability index
 * value and its best score on every benchmark.
 */
import { CAPABILITY_INDEX_VERSION } from "../analytics/capability-index";
import { isoDay } from "../dates";
import { getPool } from "../db";

export interface CalculatorOffer {
  model: string;
  modelName: string;
  lab: string;
  provider: string;
  providerName: string;
  quantization: string;
  openWeights: boolean;
  reasoning: boolean;
  input: number;
  output: number;
  cachedInput: number | null;
  reasoningPrice: number | null;
  validFrom: string;
  sourceUrl: string | null;
  /** capability index value and best score per benchmark slug */
  capability: Record<string, number>;
}

export async function listCalculatorOffers(now: Date = new Date()): Promise<CalculatorOffer[]> {
  const pool = getPool();
  const [prices, scores] = await Promise.all([
    pool.query<{ model_id: number; model: string; model_name: string; lab: string; provider: string; provider_name: string; quantization: string; open_weights: boolean; reasoning: boolean; input_usd: number; output_usd: number; cached_input_usd: number | null; reasoning_usd: number | null; valid_from: Date; source_url: string | null }>(
      `SELECT DISTINCT ON (o.id) m.id AS model_id, m.slug AS model, m.name AS model_name, l.slug AS lab, p.slug AS provider, p.name AS provider_name, o.quantization, m.open_weights, m.reasoning,
              pp.input_usd, pp.output_usd, pp.cached_input_usd, pp.reasoning_usd, pp.valid_from, pp.source_url
       FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN models m ON m.id = o.model_id JOIN labs l ON l.id = m.lab_id JOIN providers p ON p.id = o.provider_id
       WHERE pp.superseded_at IS NULL AND pp.tier = 'standard' AND pp.valid_from <= $1 AND (pp.valid_to IS NULL OR pp.valid_to > $1) AND o.status = 'active'
       ORDER BY o.id, pp.valid_from DESC, pp.observed_at DESC`,
      [now],
    ),
    pool.query<{ model_id: number; axis: string; value: number }>(
      `SELECT model_id, $1::text AS axis, value FROM model_index_values WHERE version = $1
       UNION ALL
       -- best score per benchmark from the results themselves: never behind a pending refresh
       SELECT br.model_id, b.slug AS axis, CASE WHEN b.higher_is_better THEN max(br.score) ELSE min(br.score) END AS value
       FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id GROUP BY br.model_id, b.slug, b.higher_is_better`,
      [CAPABILITY_INDEX_VERSION],
    ),
  ]);
  const capability = new Map<number, Record<string, number>>();
  for (const s of scores.rows) capability.set(s.model_id, { ...(capability.get(s.model_id) ?? {}), [s.axis]: s.value });
  return prices.rows
    .filter((r) => r.input_usd > 0 || r.output_usd > 0)
    .map((r) => ({
      model: r.model, modelName: r.model_name, lab: r.lab, provider: r.provider, providerName: r.provider_name, quantization: r.quantization, openWeights: r.open_weights, reasoning: r.reasoning,
      input: r.input_usd, output: r.output_usd, cachedInput: r.cached_input_usd, reasoningPrice: r.reasoning_usd, validFrom: isoDay(r.valid_from), sourceUrl: r.source_url,
      capability: capability.get(r.model_id) ?? {},
    }));
}
