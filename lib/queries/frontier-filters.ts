/**
 * The frontier explorer's read: the frontier on a date (getFrontier, stored answers) narrowed by the
 * explorer's filters BEFORE the Pareto set is computed, so "open only" gives the frontier among open
 * models. getFrontier itself is unchanged; the filter facts (lab country, context window, domain)
 * come from one query over the models on the frontier's list.
 */
import type { BlendMix } from "../analytics/blended-price";
import { CAPABILITY_INDEX_VERSION } from "../analytics/capability-index";
import type { FrontierEntry } from "../analytics/frontier";
import { paretoAmong } from "../analytics/frontier";
import type { ReferencePriceMode } from "../analytics/price-at-capability";
import { isoDay } from "../dates";
import { getPool } from "../db";
import { getFrontier } from "./analytics";

export interface FrontierSubsetFilters {
  labs?: string[];
  /** ISO 3166 alpha-2 of the lab's headquarters */
  country?: string;
  open?: boolean;
  reasoning?: boolean;
  /** minimum context window in tokens; models with an unknown window are left out */
  minContext?: number;
  domain?: string;
}

export interface FrontierPoint extends Omit<FrontierEntry, "releasedOn"> {
  releasedOn: string;
  labName: string;
  country: string | null;
  contextWindow: number | null;
  domain: string;
  sourceUrl: string;
}

export interface FrontierView {
  date: string;
  axis: { slug: string; name: string; unit: string };
  available: FrontierPoint[];
  pareto: string[];
  /** available models the filters left out */
  filteredOut: number;
  unscored: number;
}

export interface FrontierAxis {
  slug: string;
  name: string;
  unit: string;
}

/** The capability index and every higher-is-better benchmark (the frontier's capability axis), index first. */
export async function listFrontierAxes(): Promise<FrontierAxis[]> {
  const r = await getPool().query<FrontierAxis>(`SELECT slug, name, unit FROM benchmarks WHERE higher_is_better ORDER BY name`);
  return [{ slug: CAPABILITY_INDEX_VERSION, name: "Capability index (fw-ci-v1)", unit: "index" }, ...r.rows];
}

export interface FrontierFacets {
  labs: { slug: string; name: string; country: string | null }[];
  countries: string[];
  domains: string[];
  /** first day of the first month with a price, for the replay */
  firstMonth: string | null;
}

export async function getFrontierFacets(): Promise<FrontierFacets> {
  const pool = getPool();
  const [labs, domains, first] = await Promise.all([
    pool.query<{ slug: string; name: string; country: string | null }>(`SELECT DISTINCT l.slug, l.name, l.country FROM labs l JOIN models m ON m.lab_id = l.id ORDER BY l.name`),
    pool.query<{ domain: string }>(`SELECT DISTINCT domain FROM models ORDER BY domain`),
    pool.query<{ first: Date | null }>(`SELECT date_trunc('month', min(valid_from)) AS first FROM model_price_segments WHERE mode = 'reference'`),
  ]);
  return {
    labs: labs.rows,
    countries: [...new Set(labs.rows.map((l) => l.country).filter((c): c is string => !!c))].sort(),
    domains: domains.rows.map((d) => d.domain),
    firstMonth: first.rows[0]?.first ? isoDay(first.rows[0].first) : null,
  };
}

export async function getFilteredFrontier(axis: FrontierAxis, date: Date, filters: FrontierSubsetFilters = {}, options: { mix?: BlendMix; mode?: ReferencePriceMode } = {}): Promise<FrontierView> {
  const frontier = await getFrontier(axis.slug, date, options);
  const facts = await getPool().query<{ slug: string; lab_name: string; country: string | null; context_window: number | null; domain: string; source_url: string }>(
    `SELECT m.slug, l.name AS lab_name, l.country, m.context_window, m.domain, m.source_url FROM models m JOIN labs l ON l.id = m.lab_id WHERE m.slug = ANY($1::text[])`,
    [frontier.available.map((e) => e.slug)],
  );
  const bySlug = new Map(facts.rows.map((r) => [r.slug, r]));
  const labs = filters.labs?.length ? new Set(filters.labs) : null;
  const kept = frontier.available.filter((e) => {
    const f = bySlug.get(e.slug);
    if (!f) return false;
    return (!labs || labs.has(e.labSlug)) &&
      (!filters.country || f.country === filters.country) &&
      (filters.open === undefined || e.openWeights === filters.open) &&
      (filters.reasoning === undefined || e.reasoning === filters.reasoning) &&
      (!filters.minContext || (f.context_window ?? 0) >= filters.minContext) &&
      (!filters.domain || f.domain === filters.domain);
  });
  const { available, pareto } = paretoAmong(kept);
  return {
    date: isoDay(frontier.date),
    axis,
    available: available.map((e) => {
      const f = bySlug.get(e.slug)!;
      return { ...e, releasedOn: isoDay(e.releasedOn), labName: f.lab_name, country: f.country, contextWindow: f.context_window, domain: f.domain, sourceUrl: f.source_url };
    }),
    pareto: pareto.map((e) => e.slug),
    filteredOut: frontier.available.length - kept.length,
    unscored: frontier.unscored.length,
  };
}
