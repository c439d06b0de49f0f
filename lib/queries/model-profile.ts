/** GET /api/v1/models/{slug}: one model, its latest price per offering and tier, its best result per benchmark. */
import { getPool } from "../db";
import { isoDay } from "../dates";
import { ApiError } from "../errors";
import type { ModelProfileDto } from "../schemas/model-profile";
import { PRICE_ROW_COLUMNS, PRICE_ROW_JOINS, toPriceRow, type PriceRowSql } from "./price-ledger";
import { RESULT_COLUMNS, RESULT_JOINS, toResult, type ResultSql } from "./result-list";

interface ModelSql {
  id: number;
  slug: string;
  name: string;
  lab_slug: string;
  lab_name: string;
  lab_country: string | null;
  family: string;
  released_on: Date;
  open_weights: boolean;
  license: string;
  params_total_b: number | null;
  params_active_b: number | null;
  context_window: number | null;
  modalities: string[];
  reasoning: boolean;
  domain: string;
  status: string;
  deprecated_on: Date | null;
  source_url: string;
  source: string;
  run_id: number;
  snapshot_id: number | null;
  updated_at: Date;
}

export async function getModelProfileOrThrow(slug: string): Promise<ModelProfileDto> {
  const pool = getPool();
  const m = (await pool.query<ModelSql>(
    `SELECT m.id, m.slug, m.name, l.slug AS lab_slug, l.name AS lab_name, l.country AS lab_country, m.family, m.released_on, m.open_weights, m.license,
            m.params_total_b, m.params_active_b, m.context_window, m.modalities, m.reasoning, m.domain, m.status, m.deprecated_on, m.source_url,
            s.slug AS source, m.run_id, m.snapshot_id, m.updated_at
     FROM models m JOIN labs l ON l.id = m.lab_id JOIN sources s ON s.id = m.source_id WHERE m.slug = $1`,
    [slug],
  )).rows[0];
  if (!m) throw new ApiError("not_found", `No model "${slug}"`, [{ field: "slug", message: "no model with this slug" }]);
  const [prices, scores] = await Promise.all([
    // per offering and tier, the current row that took effect last (ties: recorded last), whichever source holds it
    pool.query<PriceRowSql>(
      `SELECT * FROM (
         SELECT DISTINCT ON (pp.offering_id, pp.tier) ${PRICE_ROW_COLUMNS}
         FROM price_points pp ${PRICE_ROW_JOINS}
         WHERE o.model_id = $1 AND pp.superseded_at IS NULL
         ORDER BY pp.offering_id, pp.tier, pp.valid_from DESC, pp.observed_at DESC, pp.id DESC
       ) latest ORDER BY provider_slug, quantization, tier`,
      [m.id],
    ),
    // per benchmark, the best score in the benchmark's direction; the earliest measurement when tied
    pool.query<ResultSql>(
      `SELECT * FROM (
         SELECT DISTINCT ON (b.id) ${RESULT_COLUMNS}
         FROM benchmark_results br ${RESULT_JOINS}
         WHERE br.model_id = $1
         ORDER BY b.id, CASE WHEN b.higher_is_better THEN -br.score ELSE br.score END, br.measured_on, br.id
       ) best ORDER BY benchmark_slug`,
      [m.id],
    ),
  ]);
  return {
    slug: m.slug,
    name: m.name,
    lab: { slug: m.lab_slug, name: m.lab_name, country: m.lab_country },
    family: m.family,
    releasedOn: isoDay(m.released_on),
    openWeights: m.open_weights,
    license: m.license,
    params: { totalB: m.params_total_b, activeB: m.params_active_b },
    contextWindow: m.context_window,
    modalities: m.modalities,
    reasoning: m.reasoning,
    domain: m.domain,
    status: m.status,
    deprecatedOn: m.deprecated_on ? isoDay(m.deprecated_on) : null,
    sourceUrl: m.source_url,
    provenance: { source: m.source, runId: m.run_id, snapshotId: m.snapshot_id, updatedAt: m.updated_at.toISOString() },
    latestPrices: prices.rows.map((r) => {
      const { model: _, ...row } = toPriceRow(r);
      return row;
    }),
    bestScores: scores.rows.map((r) => {
      const { model: _, ...row } = toResult(r);
      return row;
    }),
  };
}
