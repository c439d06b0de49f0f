/** Reads for the labs pages: the index with counts, and one lab's releases, best scores and prices. */
import { blendedPrice } from "../analytics/blended-price";
import { referencePriceOn, type PriceWindow } from "../analytics/reference-price";
import { getPool } from "../db";
import { isoDay } from "../dates";
import { ApiError } from "../errors";

export interface LabSummary {
  slug: string;
  name: string;
  country: string | null;
  kind: string;
  website: string | null;
  sourceUrl: string;
  models: number;
  openModels: number;
  firstRelease: string | null;
  latestRelease: string | null;
}

export async function listLabs(): Promise<LabSummary[]> {
  const r = await getPool().query<{ slug: string; name: string; country: string | null; kind: string; website: string | null; source_url: string; models: number; open_models: number; first_release: Date | null; latest_release: Date | null }>(
    `SELECT l.slug, l.name, l.country, l.kind, l.website, l.source_url, count(m.id)::int AS models, count(m.id) FILTER (WHERE m.open_weights)::int AS open_models,
            min(m.released_on) AS first_release, max(m.released_on) AS latest_release
     FROM labs l LEFT JOIN models m ON m.lab_id = l.id GROUP BY l.id ORDER BY count(m.id) DESC, l.name`,
  );
  return r.rows.map((l) => ({
    slug: l.slug, name: l.name, country: l.country, kind: l.kind, website: l.website, sourceUrl: l.source_url, models: l.models, openModels: l.open_models,
    firstRelease: l.first_release ? isoDay(l.first_release) : null, latestRelease: l.latest_release ? isoDay(l.latest_release) : null,
  }));
}

export interface LabModel {
  slug: string;
  name: string;
  releasedOn: string;
  openWeights: boolean;
  reasoning: boolean;
  domain: string;
  status: string;
  sourceUrl: string;
}

export interface LabBestScore {
  benchmark: string;
  benchmarkName: string;
  unit: string;
  model: string;
  modelName: string;
  score: number;
  measuredOn: string;
  settings: string;
  sourceUrl: string | null;
}

export interface LabModelPrice {
  model: string;
  modelName: string;
  input: number;
  output: number;
  /** blended 3:1 */
  blended: number;
  basis: "first-party" | "median";
  providers: string[];
}

export interface LabDetail {
  lab: Omit<LabSummary, "models" | "openModels" | "firstRelease" | "latestRelease">;
  models: LabModel[];
  bestScores: LabBestScore[];
  /** models with a standard price valid on `asOf`, cheapest first */
  prices: LabModelPrice[];
  asOf: string;
}

export async function getLab(slug: string, asOf: Date = new Date()): Promise<LabDetail | null> {
  const pool = getPool();
  const lab = (await pool.query<{ id: number; slug: string; name: string; country: string | null; kind: string; website: string | null; source_url: string }>(
    `SELECT id, slug, name, country, kind, website, source_url FROM labs WHERE slug = $1`, [slug],
  )).rows[0];
  if (!lab) return null;
  const [models, scores, prices] = await Promise.all([
    pool.query<{ id: number; slug: string; name: string; released_on: Date; open_weights: boolean; reasoning: boolean; domain: string; status: string; source_url: string }>(
      `SELECT id, slug, name, released_on, open_weights, reasoning, domain, status, source_url FROM models WHERE lab_id = $1 ORDER BY released_on DESC, name`, [lab.id],
    ),
    pool.query<{ benchmark: string; benchmark_name: string; unit: string; model: string; model_name: string; score: number; measured_on: Date; settings: string; source_url: string | null }>(
      `SELECT DISTINCT ON (b.id) b.slug AS benchmark, b.name AS benchmark_name, b.unit, m.slug AS model, m.name AS model_name, br.score, br.measured_on, br.settings, br.source_url
       FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id JOIN models m ON m.id = br.model_id
       WHERE m.lab_id = $1
       ORDER BY b.id, CASE WHEN b.higher_is_better THEN -br.score ELSE br.score END, br.measured_on`, [lab.id],
    ),
    pool.query<{ model_id: number; provider_slug: string; first_party: boolean; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number }>(
      `SELECT o.model_id, p.slug AS provider_slug, (p.kind = 'first_party' AND p.lab_id = m.lab_id) AS first_party, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd
       FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN providers p ON p.id = o.provider_id JOIN models m ON m.id = o.model_id
       WHERE m.lab_id = $1 AND pp.superseded_at IS NULL AND pp.tier = 'standard'`, [lab.id],
    ),
  ]);
  const windows = new Map<number, PriceWindow[]>();
  for (const p of prices.rows) {
    const list = windows.get(p.model_id) ?? [];
    list.push({ providerSlug: p.provider_slug, firstParty: p.first_party, tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    windows.set(p.model_id, list);
  }
  const modelPrices: LabModelPrice[] = [];
  for (const m of models.rows) {
    const ref = referencePriceOn(windows.get(m.id) ?? [], asOf);
    if (ref) modelPrices.push({ model: m.slug, modelName: m.name, input: ref.input, output: ref.output, blended: blendedPrice(ref), basis: ref.basis, providers: ref.providers });
  }
  modelPrices.sort((a, b) => a.blended - b.blended || a.model.localeCompare(b.model));
  return {
    lab: { slug: lab.slug, name: lab.name, country: lab.country, kind: lab.kind, website: lab.website, sourceUrl: lab.source_url },
    models: models.rows.map((m) => ({ slug: m.slug, name: m.name, releasedOn: isoDay(m.released_on), openWeights: m.open_weights, reasoning: m.reasoning, domain: m.domain, status: m.status, sourceUrl: m.source_url })),
    bestScores: scores.rows.map((s) => ({ benchmark: s.benchmark, benchmarkName: s.benchmark_name, unit: s.unit, model: s.model, modelName: s.model_name, score: s.score, measuredOn: isoDay(s.measured_on), settings: s.settings, sourceUrl: s.source_url })),
    prices: modelPrices,
    asOf: isoDay(asOf),
  };
}

export async function getLabOrThrow(slug: string, asOf?: Date): Promise<LabDetail> {
  const lab = await getLab(slug, asOf);
  if (!lab) throw new ApiError("not_found", `No lab "${slug}"`);
  return lab;
}
