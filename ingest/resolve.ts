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
  /**
   * `host` is the provider the source names for this id: a prefix equal to it is a route, not a
   * lab. `at` is when the source used the id: a moving id names the model of that time.
   */
  model(sourceId: string, host?: string, at?: Date): ResolvedModel | null;
  provider(sourceName: string): { id: number; slug: string } | null;
  modelBySlug(slug: string): ResolvedModel | null;
  /** make a model created during this run resolvable by its aliases */
  learn(model: { id: number; slug: string; labSlug: string }, aliases: string[]): void;
}

interface AliasEntry {
  modelId: number;
  from: number | null;
  to: number | null;
}

/**
 * The model an alias names at a time: a window that holds it wins; then the alias without a
 * window; with no time given, the latest window (what the id names now).
 */
export function pickAlias(entries: AliasEntry[] | undefined, at: Date | undefined): number | undefined {
  if (!entries?.length) return undefined;
  const windowed = entries.filter((e) => e.from !== null || e.to !== null);
  if (at) {
    const t = at.getTime();
    const hit = windowed.find((e) => (e.from ?? -Infinity) <= t && t < (e.to ?? Infinity));
    if (hit) return hit.modelId;
  }
  const plain = entries.find((e) => e.from === null && e.to === null);
  if (plain) return plain.modelId;
  if (at) return undefined; // the id named no model we know at that time
  return [...windowed].sort((a, b) => (b.from ?? -Infinity) - (a.from ?? -Infinity))[0]!.modelId;
}

const DAY_MS = 86_400_000;
/** the UTC day of a time, as a number: the cache key's date part without formatting a string per call */
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

export async function loadResolver(db: Db, providerMap: Record<string, string> | ((name: string) => string | undefined)): Promise<Resolver> {
  const models = await db.query<{ id: number; slug: string; lab_slug: string; released_on: Date | null }>(`SELECT m.id, m.slug, l.slug AS lab_slug, m.released_on FROM models m JOIN labs l ON l.id = m.lab_id`);
  const byId = new Map(models.rows.map((m) => [m.id, m]));
  const bySlug = new Map(models.rows.map((m) => [m.slug, m]));
  const aliases = await db.query<{ alias: string; model_id: number; valid_from: Date | null; valid_to: Date | null }>(
    `SELECT alias, model_id, CASE WHEN isfinite(valid_from) THEN valid_from END AS valid_from, CASE WHEN isfinite(valid_to) THEN valid_to END AS valid_to FROM model_aliases`,
  );
  const aliasMap = new Map<string, AliasEntry[]>();
  for (const a of aliases.rows) {
    aliasMap.set(a.alias, [...(aliasMap.get(a.alias) ?? []), { modelId: a.model_id, from: a.valid_from?.getTime() ?? null, to: a.valid_to?.getTime() ?? null }]);
  }
  const providers = await db.query<{ id: number; slug: string }>(`SELECT id, slug FROM providers`);
  const providerBySlug = new Map(providers.rows.map((p) => [p.slug, p]));
  const cache = new Map<string, ResolvedModel | null>();
  const hostKeys = new Map<string, string>(); // a source names few hosts, each thousands of times
  const hostKey = (host: string) => {
    let k = hostKeys.get(host);
    if (k === undefined) hostKeys.set(host, (k = normaliseAlias(host).replace(/_/g, "-")));
    return k;
  };
  const mapProvider = typeof providerMap === "function" ? providerMap : (n: string) => providerMap[n] ?? providerMap[n.toLowerCase()];

  return {
    model(sourceId, host, at) {
      const cacheKey = `${host ?? ""}\u0000${sourceId}\u0000${at ? dayOf(at) : ""}`;
      if (cache.has(cacheKey)) return cache.get(cacheKey)!;
      let found: ResolvedModel | null = null;
      // "qwen/…" must be an Alibaba model; but in "databricks/databricks-claude-…" or
      // "tencent/deepseek-v4" the prefix is the host serving someone else's model
      const unrouted = sourceId.replace(/^openrouter\//, "");
      const prefix = unrouted.toLowerCase().split("/").slice(-2, -1)[0];
      const routed = Boolean(host && prefix && hostKey(host) === prefix.replace(/_/g, "-"));
      const expectedLab = routed ? undefined : labOfPrefixedId(unrouted);
      let anyKnown = false; // whether the last search met a candidate the alias table has, at any time
      const search = (start: string): ResolvedModel | null => {
        anyKnown = false;
        for (const candidate of aliasCandidatesLazy(start)) {
          const entries = aliasMap.get(candidate);
          if (entries === undefined) continue;
          anyKnown = true;
          const id = pickAlias(entries, at);
          if (id === undefined) continue;
          const m = byId.get(id)!;
          if (expectedLab && m.lab_slug !== expectedLab) continue; // e.g. "qwen/..." must be an Alibaba model
          return { modelId: m.id, slug: m.slug, labSlug: m.lab_slug, releasedOn: m.released_on, via: candidate };
        }
        return null;
      };
      if (routed) {
        // a host's own prefix is not part of the model's id: "deepseek/deepseek-chat" from the DeepSeek
        // API is its "deepseek-chat". Only when the bare id is unknown at any time is the full id tried
        // ("azure_ai/mistral-small" names one model where bare "mistral-small" is ambiguous).
        const tail = unrouted.split("/").slice(-1)[0]!;
        found = search(tail);
        if (!found && !anyKnown) found = search(sourceId); // a fruitless search has tried every candidate of the tail
      } else {
        found = search(sourceId);
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
      for (const a of names) {
        const key = normaliseAlias(a);
        if (!aliasMap.get(key)?.some((e) => e.from === null && e.to === null)) aliasMap.set(key, [...(aliasMap.get(key) ?? []), { modelId: model.id, from: null, to: null }]);
      }
      cache.clear();
    },
    modelBySlug(slug) {
      const m = bySlug.get(slug);
      return m ? { modelId: m.id, slug: m.slug, labSlug: m.lab_slug, releasedOn: m.released_on, via: slug } : null;
    },
  };
}
