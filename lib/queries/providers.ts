/** Reads for the providers and hardware page: every provider with its data policy, and provider spreads. */
import { providerSpreadOn, type SpreadOffering } from "../analytics/provider-spread";
import type { HARDWARE_KINDS, PROVIDER_KINDS } from "../domain";
import { getPool } from "../db";
import { isoDay } from "../dates";

export interface ProviderSummary {
  slug: string;
  name: string;
  kind: string;
  hardware: string;
  country: string;
  regions: string[];
  retainsPrompts: boolean | null;
  trainsOnPrompts: boolean | null;
  zeroDataRetention: boolean | null;
  dataPolicyUrl: string | null;
  website: string | null;
  sourceUrl: string;
  models: number;
}

export async function listProviders(): Promise<ProviderSummary[]> {
  const r = await getPool().query<{ slug: string; name: string; kind: string; hardware: string; country: string; regions: string[]; retains_prompts: boolean | null; trains_on_prompts: boolean | null; zero_data_retention: boolean | null; data_policy_url: string | null; website: string | null; source_url: string; models: number }>(
    `SELECT p.slug, p.name, p.kind, p.hardware, p.country, p.regions, p.retains_prompts, p.trains_on_prompts, p.zero_data_retention, p.data_policy_url, p.website, p.source_url,
            count(DISTINCT o.model_id)::int AS models
     FROM providers p LEFT JOIN offerings o ON o.provider_id = p.id GROUP BY p.id ORDER BY p.name`,
  );
  return r.rows.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, hardware: p.hardware, country: p.country, regions: p.regions, retainsPrompts: p.retains_prompts, trainsOnPrompts: p.trains_on_prompts, zeroDataRetention: p.zero_data_retention, dataPolicyUrl: p.data_policy_url, website: p.website, sourceUrl: p.source_url, models: p.models }));
}

export interface SpreadCandidate {
  slug: string;
  name: string;
  hosts: number;
}

/** Open-weight models served by at least two providers at a standard price, most hosts first. */
export async function listSpreadCandidates(): Promise<SpreadCandidate[]> {
  const r = await getPool().query<{ slug: string; name: string; hosts: number }>(
    `SELECT m.slug, m.name, count(DISTINCT o.provider_id)::int AS hosts
     FROM models m JOIN offerings o ON o.model_id = m.id JOIN price_points pp ON pp.offering_id = o.id
     WHERE m.open_weights AND pp.tier = 'standard' AND pp.superseded_at IS NULL
     GROUP BY m.id HAVING count(DISTINCT o.provider_id) >= 2 ORDER BY count(DISTINCT o.provider_id) DESC, m.released_on DESC, m.slug`,
  );
  return r.rows;
}

export interface SpreadRowDto {
  providerSlug: string;
  providerName: string;
  providerKind: string;
  hardware: string;
  firstParty: boolean;
  quantization: string;
  input: number;
  output: number;
  blended: number;
  tokensPerSecond: number | null;
  ttftMs: number | null;
  /** the price row's start and source */
  validFrom: string | null;
  sourceUrl: string | null;
}

export interface ProviderSpreadDto {
  model: { slug: string; name: string; releasedOn: string };
  date: string;
  rows: SpreadRowDto[];
  hosts: number;
  price: { min: number; median: number; max: number; maxOverMin: number | null } | null;
  firstThirdPartyHost: { providerSlug: string; validFrom: string } | null;
  daysToFirstThirdPartyHost: number | null;
}

/** The provider spread of one model on a date (lib/analytics/provider-spread), ready for the page. */
export async function getProviderSpread(modelSlug: string, date: Date = new Date()): Promise<ProviderSpreadDto | null> {
  const pool = getPool();
  const model = (await pool.query<{ id: number; slug: string; name: string; released_on: Date; lab_id: number }>(`SELECT id, slug, name, released_on, lab_id FROM models WHERE slug = $1`, [modelSlug])).rows[0];
  if (!model) return null;
  const [prices, speeds] = await Promise.all([
    pool.query<{ offering_id: number; provider_slug: string; provider_name: string; kind: string; hardware: string; first_party: boolean; quantization: string; tier: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; source_url: string | null }>(
      `SELECT o.id AS offering_id, p.slug AS provider_slug, p.name AS provider_name, p.kind, p.hardware, (p.lab_id IS NOT NULL AND p.lab_id = $2) AS first_party, o.quantization,
              pp.tier, pp.valid_from, pp.valid_to, pp.input_usd, pp.output_usd, pp.source_url
       FROM offerings o JOIN providers p ON p.id = o.provider_id JOIN price_points pp ON pp.offering_id = o.id
       WHERE o.model_id = $1 AND pp.superseded_at IS NULL`, [model.id, model.lab_id],
    ),
    pool.query<{ offering_id: number; measured_at: Date; tokens_per_second: number | null; ttft_ms: number | null }>(
      `SELECT t.offering_id, t.measured_at, t.tokens_per_second, t.ttft_ms FROM throughput_samples t JOIN offerings o ON o.id = t.offering_id WHERE o.model_id = $1`, [model.id],
    ),
  ]);
  const offerings = new Map<number, SpreadOffering>();
  for (const p of prices.rows) {
    const o = offerings.get(p.offering_id) ?? {
      providerSlug: p.provider_slug, providerName: p.provider_name, providerKind: p.kind as (typeof PROVIDER_KINDS)[number], hardware: p.hardware as (typeof HARDWARE_KINDS)[number],
      firstParty: p.first_party, quantization: p.quantization, prices: [], throughput: [],
    };
    o.prices.push({ tier: p.tier, validFrom: p.valid_from, validTo: p.valid_to, input: p.input_usd, output: p.output_usd });
    offerings.set(p.offering_id, o);
  }
  for (const s of speeds.rows) offerings.get(s.offering_id)?.throughput?.push({ measuredAt: s.measured_at, tokensPerSecond: s.tokens_per_second, ttftMs: s.ttft_ms });
  const spread = providerSpreadOn({ slug: model.slug, releasedOn: model.released_on }, [...offerings.values()], date);
  // the standard row valid on the date, for its start date and source (the tooltip's "date" and "source")
  const rowSource = (slug: string, quantization: string) => {
    const valid = prices.rows.filter((p) => p.provider_slug === slug && p.quantization === quantization && p.tier === "standard" && p.valid_from <= date && (!p.valid_to || date < p.valid_to));
    valid.sort((a, b) => a.input_usd + a.output_usd - (b.input_usd + b.output_usd));
    return valid[0];
  };
  return {
    model: { slug: model.slug, name: model.name, releasedOn: isoDay(model.released_on) },
    date: isoDay(date),
    rows: spread.rows.map((r) => {
      const src = rowSource(r.providerSlug, r.quantization);
      return { ...r, validFrom: src ? isoDay(src.valid_from) : null, sourceUrl: src?.source_url ?? null };
    }),
    hosts: spread.hosts,
    price: spread.price,
    firstThirdPartyHost: spread.firstThirdPartyHost ? { providerSlug: spread.firstThirdPartyHost.providerSlug, validFrom: isoDay(spread.firstThirdPartyHost.validFrom) } : null,
    daysToFirstThirdPartyHost: spread.daysToFirstThirdPartyHost,
  };
}
