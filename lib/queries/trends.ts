/** Reads for price-over-time analytics: load the facts, hand them to lib/analytics. */
import { cheapestAtCapability, type CapabilityModel } from "../analytics/cheapest-at-capability";
import { getPool } from "../db";
import { ApiError } from "../errors";
import { isoDay, monthStarts, parseDay } from "../dates";
import type { CheapestQuery, CheapestResponse } from "../schemas/trends";

interface Row {
  model_id: number;
  slug: string;
  name: string;
  lab_slug: string;
  open_weights: boolean;
  released_on: Date;
  score: number;
}

interface PriceRow {
  model_id: number;
  provider_slug: string;
  first_party: boolean;
  tier: string;
  valid_from: Date;
  valid_to: Date | null;
  input_usd: number;
  output_usd: number;
}

/** Models with their best score on a benchmark (at or above `minScore`), and their current-belief price windows. */
export async function loadCapabilityModels(benchmarkSlug: string, minScore: number): Promise<{ benchmark: { slug: string; name: string; unit: string; higherIsBetter: boolean }; models: CapabilityModel[] }> {
  const pool = getPool();
  const b = await pool.query<{ id: number; slug: string; name: string; unit: string; higher_is_better: boolean }>(`SELECT id, slug, name, unit, higher_is_better FROM benchmarks WHERE slug = $1`, [benchmarkSlug]);
  const benchmark = b.rows[0];
  if (!benchmark) throw new ApiError("not_found", `No benchmark "${benchmarkSlug}"`, [{ field: "benchmark", message: "unknown benchmark" }]);
  const agg = benchmark.higher_is_better ? "max" : "min";
  const cmp = benchmark.higher_is_better ? ">=" : "<=";
  const models = await pool.query<Row>(
    `SELECT m.id AS model_id, m.slug, m.name, l.slug AS lab_slug, m.open_weights, m.released_on, s.score
     FROM (SELECT model_id, ${agg}(score) AS score FROM benchmark_results WHERE benchmark_id = $1 GROUP BY model_id) s
     JOIN models m ON m.id = s.model_id JOIN labs l ON l.id = m.lab_id
     WHERE s.score ${cmp} $2`,
    [benchmark.id, minScore],
  );
  const ids = models.rows.map((r) => r.model_id);
  const prices = ids.length
    ? await pool.query<PriceRow>(
        `SELECT o.model_id, p2.slug AS provider_slug, (p2.kind = 'first_party' AND p2.lab_id = m.lab_id) AS first_party, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd
         FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN providers p2 ON p2.id = o.provider_id JOIN models m ON m.id = o.model_id
         WHERE o.model_id = ANY($1::int[]) AND pp.superseded_at IS NULL`,
        [ids],
      )
    : { rows: [] as PriceRow[] };
  const byModel = new Map<number, CapabilityModel["prices"]>();
  for (const p of prices.rows) {
    const list = byModel.get(p.model_id) ?? [];
    list.push({ providerSlug: p.provider_slug, firstParty: p.first_party, tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    byModel.set(p.model_id, list);
  }
  return {
    benchmark: { slug: benchmark.slug, name: benchmark.name, unit: benchmark.unit, higherIsBetter: benchmark.higher_is_better },
    models: models.rows.map((r) => ({ slug: r.slug, name: r.name, labSlug: r.lab_slug, openWeights: r.open_weights, releasedOn: r.released_on, score: r.score, prices: byModel.get(r.model_id) ?? [] })),
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
