/** Reads for one model's page: facts, price ledger per provider, benchmark results, providers, news. */
import { getPool } from "../db";
import { isoDay } from "../dates";
import { ApiError } from "../errors";

export interface ModelFacts {
  id: number;
  slug: string;
  name: string;
  lab: { slug: string; name: string; country: string | null };
  family: string;
  releasedOn: string;
  openWeights: boolean;
  license: string;
  paramsTotalB: number | null;
  paramsActiveB: number | null;
  contextWindow: number | null;
  modalities: string[];
  reasoning: boolean;
  domain: string;
  status: string;
  deprecatedOn: string | null;
  sourceUrl: string;
}

export interface PriceHistoryRow {
  providerSlug: string;
  providerName: string;
  tier: string;
  validFrom: string;
  validTo: string | null;
  input: number;
  output: number;
  sourceUrl: string | null;
  source: string;
}

export interface ModelResult {
  benchmark: string;
  benchmarkName: string;
  unit: string;
  score: number;
  measuredOn: string;
  settings: string;
  costUsd: number | null;
  sourceUrl: string | null;
  source: string;
}

export interface ModelOffering {
  providerSlug: string;
  providerName: string;
  kind: string;
  hardware: string;
  country: string;
  regions: string[];
  retainsPrompts: boolean | null;
  trainsOnPrompts: boolean | null;
  zeroDataRetention: boolean | null;
  dataPolicyUrl: string | null;
  quantization: string;
  contextLimit: number | null;
  status: string;
}

export interface ModelNews {
  title: string;
  url: string;
  publishedAt: string;
  feed: string;
}

export interface ModelDetail {
  model: ModelFacts;
  prices: PriceHistoryRow[];
  results: ModelResult[];
  offerings: ModelOffering[];
  news: ModelNews[];
}

export async function getModelFacts(slug: string): Promise<ModelFacts | null> {
  const r = await getPool().query<{ id: number; slug: string; name: string; lab_slug: string; lab_name: string; lab_country: string | null; family: string; released_on: Date; open_weights: boolean; license: string; params_total_b: number | null; params_active_b: number | null; context_window: number | null; modalities: string[]; reasoning: boolean; domain: string; status: string; deprecated_on: Date | null; source_url: string }>(
    `SELECT m.id, m.slug, m.name, l.slug AS lab_slug, l.name AS lab_name, l.country AS lab_country, m.family, m.released_on, m.open_weights, m.license, m.params_total_b, m.params_active_b,
            m.context_window, m.modalities, m.reasoning, m.domain, m.status, m.deprecated_on, m.source_url
     FROM models m JOIN labs l ON l.id = m.lab_id WHERE m.slug = $1`, [slug],
  );
  const m = r.rows[0];
  if (!m) return null;
  return {
    id: m.id, slug: m.slug, name: m.name, lab: { slug: m.lab_slug, name: m.lab_name, country: m.lab_country }, family: m.family, releasedOn: isoDay(m.released_on),
    openWeights: m.open_weights, license: m.license, paramsTotalB: m.params_total_b, paramsActiveB: m.params_active_b, contextWindow: m.context_window, modalities: m.modalities,
    reasoning: m.reasoning, domain: m.domain, status: m.status, deprecatedOn: m.deprecated_on ? isoDay(m.deprecated_on) : null, sourceUrl: m.source_url,
  };
}

export async function getModelDetail(slug: string): Promise<ModelDetail | null> {
  const model = await getModelFacts(slug);
  if (!model) return null;
  const pool = getPool();
  const [prices, results, offerings, news] = await Promise.all([
    pool.query<{ provider_slug: string; provider_name: string; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; source_url: string | null; source: string }>(
      `SELECT p.slug AS provider_slug, p.name AS provider_name, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd, pp.source_url, s.slug AS source
       FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN providers p ON p.id = o.provider_id JOIN sources s ON s.id = pp.source_id
       WHERE o.model_id = $1 AND pp.superseded_at IS NULL ORDER BY p.slug, pp.tier, pp.valid_from, s.slug`, [model.id],
    ),
    pool.query<{ benchmark: string; benchmark_name: string; unit: string; score: number; measured_on: Date; settings: string; cost_usd: number | null; source_url: string | null; source: string }>(
      `SELECT b.slug AS benchmark, b.name AS benchmark_name, b.unit, br.score, br.measured_on, br.settings, br.cost_usd, br.source_url, s.slug AS source
       FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id JOIN sources s ON s.id = br.source_id
       WHERE br.model_id = $1 ORDER BY b.name, br.measured_on DESC, br.settings`, [model.id],
    ),
    pool.query<{ provider_slug: string; provider_name: string; kind: string; hardware: string; country: string; regions: string[]; retains_prompts: boolean | null; trains_on_prompts: boolean | null; zero_data_retention: boolean | null; data_policy_url: string | null; quantization: string; context_limit: number | null; status: string }>(
      `SELECT p.slug AS provider_slug, p.name AS provider_name, p.kind, p.hardware, p.country, p.regions, p.retains_prompts, p.trains_on_prompts, p.zero_data_retention, p.data_policy_url,
              o.quantization, o.context_limit, o.status
       FROM offerings o JOIN providers p ON p.id = o.provider_id WHERE o.model_id = $1 ORDER BY p.name, o.quantization`, [model.id],
    ),
    pool.query<{ title: string; url: string; published_at: Date; feed: string }>(
      `SELECT n.title, n.url, n.published_at, n.feed FROM news_items n JOIN news_item_models nm ON nm.news_item_id = n.id
       WHERE nm.model_id = $1 ORDER BY n.published_at DESC LIMIT 20`, [model.id],
    ),
  ]);
  return {
    model,
    prices: prices.rows.map((p) => ({ providerSlug: p.provider_slug, providerName: p.provider_name, tier: p.tier, validFrom: isoDay(p.valid_from), validTo: p.valid_to ? isoDay(p.valid_to) : null, input: p.input_usd, output: p.output_usd, sourceUrl: p.source_url, source: p.source })),
    results: results.rows.map((r) => ({ benchmark: r.benchmark, benchmarkName: r.benchmark_name, unit: r.unit, score: r.score, measuredOn: isoDay(r.measured_on), settings: r.settings, costUsd: r.cost_usd, sourceUrl: r.source_url, source: r.source })),
    offerings: offerings.rows.map((o) => ({ providerSlug: o.provider_slug, providerName: o.provider_name, kind: o.kind, hardware: o.hardware, country: o.country, regions: o.regions, retainsPrompts: o.retains_prompts, trainsOnPrompts: o.trains_on_prompts, zeroDataRetention: o.zero_data_retention, dataPolicyUrl: o.data_policy_url, quantization: o.quantization, contextLimit: o.context_limit, status: o.status })),
    news: news.rows.map((n) => ({ title: n.title, url: n.url, publishedAt: n.published_at.toISOString(), feed: n.feed })),
  };
}

export async function getModelDetailOrThrow(slug: string): Promise<ModelDetail> {
  const d = await getModelDetail(slug);
  if (!d) throw new ApiError("not_found", `No model "${slug}"`);
  return d;
}
