/**
 * Entity resolution for one ingest run: the alias table plus the normalisation rules of
 * resolve-rules.ts turn a source's model id into a canonical model; a source's provider name maps
 * to a provider slug. An id whose organisation prefix names another lab than the model found is
 * not a match. Whatever does not resolve goes to the review list (unmatched_aliases).
 */
import type pg from "pg";
import { labOfPrefixedId } from "../lib/lab-orgs";
import { normaliseAlias } from "../lib/aliases";
import { aliasCandidatesLazy } from "./resolve-rules";

type Db = Pick<pg.PoolClient, "query">;

export interface ResolvedModel {
  modelId: number;
  slug: string;
  labSlug: string;
  releasedOn: Date | null;
  /** the alias that matched */
  via: string;
}

export interface Resolver {
  /** `host` is the provider the source names for this id: a prefix equal to it is a route, not a lab */
  model(sourceId: string, host?: string): ResolvedModel | null;
  provider(sourceName: string): { id: number; slug: string } | null;
  modelBySlug(slug: string): ResolvedModel | null;
  /** make a model created during this run resolvable by its aliases */
  learn(model: { id: number; slug: string; labSlug: string }, aliases: string[]): void;
}

export async function loadResolver(db: Db, providerMap: Record<string, string> | ((name: string) => string | undefined)): Promise<Resolver> {
  const models = await db.query<{ id: number; slug: string; lab_slug: string; released_on: Date | null }>(`SELECT m.id, m.slug, l.slug AS lab_slug, m.released_on FROM models m JOIN labs l ON l.id = m.lab_id`);
  const byId = new Map(models.rows.map((m) => [m.id, m]));
  const bySlug = new Map(models.rows.map((m) => [m.slug, m]));
  const aliases = await db.query<{ alias: string; model_id: number }>(`SELECT alias, model_id FROM model_aliases`);
  const aliasMap = new Map(aliases.rows.map((a) => [a.alias, a.model_id]));
  const providers = await db.query<{ id: number; slug: string }>(`SELECT id, slug FROM providers`);
  const providerBySlug = new Map(providers.rows.map((p) => [p.slug, p]));
  const cache = new Map<string, ResolvedModel | null>();
  const mapProvider = typeof providerMap === "function" ? providerMap : (n: string) => providerMap[n] ?? providerMap[n.toLowerCase()];

  return {
    model(sourceId, host) {
      const cacheKey = host ? `${host}\u0000${sourceId}` : sourceId;
      if (cache.has(cacheKey)) return cache.get(cacheKey)!;
      let found: ResolvedModel | null = null;
      // "qwen/…" must be an Alibaba model; but in "databricks/databricks-claude-…" or
      // "tencent/deepseek-v4" the prefix is the host serving someone else's model
      const unrouted = sourceId.replace(/^openrouter\//, "");
      const prefix = unrouted.toLowerCase().split("/").slice(-2, -1)[0];
      const expectedLab = host && prefix && normaliseAlias(host).replace(/_/g, "-") === prefix.replace(/_/g, "-") ? undefined : labOfPrefixedId(unrouted);
      for (const candidate of aliasCandidatesLazy(sourceId)) {
        const id = aliasMap.get(candidate);
        if (id === undefined) continue;
        const m = byId.get(id)!;
        if (expectedLab && m.lab_slug !== expectedLab) continue; // e.g. "qwen/..." must be an Alibaba model
        found = { modelId: m.id, slug: m.slug, labSlug: m.lab_slug, releasedOn: m.released_on, via: candidate };
        break;
      }
      cache.set(cacheKey, found);
      return found;
    },
    provider(name) {
      const slug = mapProvider(name);
      return slug ? providerBySlug.get(slug) ?? null : null;
    },
    learn(model, names) {
      const row = { id: model.id, slug: model.slug, lab_slug: model.labSlug, released_on: null };
      byId.set(model.id, row);
      bySlug.set(model.slug, row);
      for (const a of names) aliasMap.set(normaliseAlias(a), model.id);
      cache.clear();
    },
    modelBySlug(slug) {
      const m = bySlug.get(slug);
      return m ? { modelId: m.id, slug: m.slug, labSlug: m.lab_slug, releasedOn: m.released_on, via: slug } : null;
    },
  };
}
