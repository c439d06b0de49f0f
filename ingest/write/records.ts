/**
 * Writes what a source adapter parsed, inside the caller's transaction: resolves models and
 * providers, keeps what does not resolve on the review list, and writes prices through the ledger
 * rules (observed prices, or dated history when the source gives it), scores by their natural key,
 * catalogue facts only where ours are missing, and news items by URL.
 */
import type pg from "pg";
import { normaliseAlias } from "../../lib/aliases";
import { labOfPrefixedId, ORG_TO_LAB } from "../../lib/lab-orgs";
import { planHistory, planObservation, toValidityWindows, type PriceComponents } from "../ledger";
import type { NewsRecord, PriceRecord, Rejection, ScoreRecord, SourceRecord, ModelFactRecord } from "../records";
import type { Resolver } from "../resolve";
import { emptyCounts, type RunCounts } from "../runs";
import { applyLedgerPlan, ledgerKey, loadCurrentLedgers, type PlannedInsert } from "./ledger-sql";

type Db = Pick<pg.PoolClient, "query">;

export interface RecordsContext {
  sourceId: number;
  runId: number;
  /**
   * the raw snapshot the records come from; may still be being stored when the write starts, and
   * is awaited before the first row that names it
   */
  snapshotId: number | null | Promise<number | null>;
  observedAt: Date;
  resolver: Resolver;
  /** links news to labs and models; provided by the news adapter */
  linkNews?: (text: string) => { labSlugs: string[]; modelSlugs: string[] };
}

export interface RecordsOutcome {
  counts: RunCounts;
  rejections: Rejection[];
  /** records that name a model (chat prices, scores, facts) and how many resolved */
  considered: number;
  matched: number;
  unmatched: Map<string, { count: number; sample: unknown }>;
  duplicates: number;
  notes: string[];
}

const components = (r: PriceRecord): PriceComponents => ({
  input: r.input, output: r.output, cachedInput: r.cachedInput ?? null, cacheWrite: r.cacheWrite ?? null, reasoning: r.reasoning ?? null, perRequest: r.perRequest ?? null,
});

/**
 * Resolves the records' model ids ahead of the write, with the arguments the write will use, so
 * the answers wait in the resolver's cache: the payload source does this while the raw snapshot is
 * being stored, which takes the CPU work out of the transaction. Counts nothing and writes nothing;
 * a model added during the write clears the cache, and its ids are resolved again.
 */
export function resolveAhead(records: SourceRecord[], ctx: Pick<RecordsContext, "resolver" | "observedAt">): void {
  for (const r of records) {
    if (r.type === "price") ctx.resolver.model(r.modelId, r.provider, r.validFrom ?? ctx.observedAt);
    else if (r.type === "score") ctx.resolver.model(r.modelId, undefined, r.measuredOn);
  }
}

export async function writeRecords(db: Db, records: SourceRecord[], ctx: RecordsContext): Promise<RecordsOutcome> {
  const out: RecordsOutcome = { counts: emptyCounts(), rejections: [], considered: 0, matched: 0, unmatched: new Map(), duplicates: 0, notes: [] };
  const miss = (alias: string, sample: unknown) => {
    const e = out.unmatched.get(alias) ?? { count: 0, sample };
    e.count++;
    out.unmatched.set(alias, e);
  };
  const resolveModel = (r: { modelId: string }, countIt: boolean, host?: string, at?: Date) => {
    if (countIt) out.considered++;
    const m = ctx.resolver.model(r.modelId, host, at ?? ctx.observedAt);
    if (m && countIt) out.matched++;
    if (!m) miss(r.modelId, r);
    return m;
  };

  const prices = records.filter((r): r is PriceRecord => r.type === "price");
  const scores = records.filter((r): r is ScoreRecord => r.type === "score");
  const facts = records.filter((r): r is ModelFactRecord => r.type === "model");
  const news = records.filter((r): r is NewsRecord => r.type === "news");

  // catalogue facts first: a model they add is resolvable for this payload's prices and scores
  await createCatalogueModels(db, facts, ctx, out);
  await writeFacts(db, facts, out, resolveModel);
  await writePrices(db, prices, ctx, out, resolveModel, miss);
  await writeScores(db, scores, ctx, out, resolveModel);
  await writeNews(db, news, ctx, out);

  if (out.unmatched.size) {
    await db.query(
      `INSERT INTO unmatched_aliases (source_id, alias, occurrences, sample)
       SELECT $1, x.alias, x.count, x.sample FROM jsonb_to_recordset($2::jsonb) AS x(alias text, count int, sample jsonb)
       ON CONFLICT (source_id, alias) DO UPDATE SET occurrences = unmatched_aliases.occurrences + EXCLUDED.occurrences, last_seen_at = now(), sample = EXCLUDED.sample`,
      [ctx.sourceId, JSON.stringify([...out.unmatched].map(([alias, v]) => ({ alias: alias.slice(0, 500), count: v.count, sample: v.sample })))],
    );
  }
  // ids that resolve now (an alias was added since) leave the review list
  const listed = await db.query<{ alias: string; host: string | null }>(`SELECT alias, sample->>'provider' AS host FROM unmatched_aliases WHERE source_id = $1 AND alias NOT LIKE 'provider:%'`, [ctx.sourceId]);
  const resolved = listed.rows.filter((r) => ctx.resolver.model(r.alias, r.host ?? undefined, ctx.observedAt)).map((r) => r.alias);
  if (resolved.length) await db.query(`DELETE FROM unmatched_aliases WHERE source_id = $1 AND alias = ANY($2::text[])`, [ctx.sourceId, resolved]);
  return out;
}

async function writePrices(db: Db, prices: PriceRecord[], ctx: RecordsContext, out: RecordsOutcome, resolveModel: (r: { modelId: string }, c: boolean, host?: string, at?: Date) => ReturnType<Resolver["model"]>, miss: (a: string, s: unknown) => void) {
  type Item = { r: PriceRecord; modelId: number; providerId: number; exact: boolean };
  const groups = new Map<string, Item[]>();
  for (const r of prices) {
    const chat = !r.mode || r.mode === "chat" || r.mode === "responses";
    const m = resolveModel(r, chat, r.provider, r.validFrom ?? undefined);
    const p = ctx.resolver.provider(r.provider);
    if (!p) miss(`provider:${r.provider}`, { provider: r.provider });
    if (!m || !p) continue;
    // an undated price seen before the model existed belonged to whatever the id named then
    // (API aliases such as "gpt-4o" move to newer snapshots)
    if (!r.validFrom && m.releasedOn && m.releasedOn.getTime() > ctx.observedAt.getTime()) {
      out.notes.push("prices observed before their model's release skipped (the id then named an earlier model)");
      continue;
    }
    const k = `${m.modelId}|${p.id}|${r.tier}`;
    const item = { r, modelId: m.modelId, providerId: p.id, exact: m.via === normaliseAlias(r.modelId) };
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  if (groups.size === 0) return;

  const pairs = [...new Map([...groups.values()].map((g) => [`${g[0]!.modelId}|${g[0]!.providerId}`, g[0]!])).values()];
  const modelIds = pairs.map((i) => i.modelId);
  const providerIds = pairs.map((i) => i.providerId);
  await db.query(
    `INSERT INTO offerings (model_id, provider_id, quantization, provider_model_id, source_id)
     SELECT model_id, provider_id, '', provider_model_id, $1 FROM unnest($2::int[], $3::int[], $4::text[]) AS x(model_id, provider_id, provider_model_id)
     ON CONFLICT (model_id, provider_id, quantization) DO NOTHING`,
    [ctx.sourceId, modelIds, providerIds, pairs.map((i) => i.r.modelId)],
  );
  // a second statement, so that it also sees an offering another transaction committed meanwhile
  const off = await db.query<{ id: number; model_id: number; provider_id: number }>(
    `SELECT id, model_id, provider_id FROM offerings WHERE quantization = '' AND (model_id, provider_id) IN (SELECT * FROM unnest($1::int[], $2::int[]))`,
    [modelIds, providerIds],
  );
  const offeringId = new Map(off.rows.map((o) => [`${o.model_id}|${o.provider_id}`, o.id]));
  const current = await loadCurrentLedgers(db, ctx.sourceId, off.rows.map((o) => o.id));
  const snapshotId = await ctx.snapshotId;
  const plan: Parameters<typeof applyLedgerPlan>[1] = { insert: [], close: [], supersede: [], unchanged: 0 };

  for (const items of groups.values()) {
    const first = items[0]!;
    const oid = offeringId.get(`${first.modelId}|${first.providerId}`)!;
    const key = ledgerKey({ offeringId: oid, tier: first.r.tier });
    const dated = items.filter((i) => i.r.validFrom || i.r.validTo);
    let p;
    if (dated.length) {
      // the source states a history for this offering and tier; an entry whose start it does not
      // know (only "until D") is taken to start at the model's release
      const released = ctx.resolver.modelBySlug(ctx.resolver.model(first.r.modelId)?.slug ?? "")?.releasedOn ?? null;
      const entries = dated
        .map((i) => ({ ...components(i.r), validFrom: i.r.validFrom ?? released, validUntil: i.r.validTo ?? null, sourceUrl: i.r.sourceUrl ?? null }))
        .filter((e): e is typeof e & { validFrom: Date } => e.validFrom !== null && (!e.validUntil || e.validFrom.getTime() < e.validUntil.getTime()));
      if (entries.length < dated.length) out.notes.push("history entries without a usable start date skipped");
      const windows = toValidityWindows(entries, null);
      p = planHistory(current.get(key) ?? [], windows);
      out.duplicates += items.length - dated.length;
    } else {
      // several ids for one offering (e.g. "gpt-4o" and "openai/gpt-4o"): the exact alias wins, then the shortest id
      const chosen = [...items].sort((a, b) => Number(b.exact) - Number(a.exact) || a.r.modelId.length - b.r.modelId.length || a.r.modelId.localeCompare(b.r.modelId))[0]!;
      out.duplicates += items.length - 1;
      p = planObservation(current.get(key) ?? [], { ...components(chosen.r), sourceUrl: chosen.r.sourceUrl ?? null }, ctx.observedAt);
    }
    plan.supersede.push(...p.supersede);
    plan.close.push(...p.close);
    plan.unchanged += p.unchanged;
    for (const row of p.insert) plan.insert.push({ ...row, offeringId: oid, tier: first.r.tier, snapshotId } satisfies PlannedInsert);
  }
  await applyLedgerPlan(db, plan, ctx);
  out.counts.inserted += plan.insert.length;
  out.counts.updated += plan.close.length + plan.supersede.length;
  out.counts.unchanged += plan.unchanged;
}

async function writeScores(db: Db, scores: ScoreRecord[], ctx: RecordsContext, out: RecordsOutcome, resolveModel: (r: { modelId: string }, c: boolean, host?: string, at?: Date) => ReturnType<Resolver["model"]>) {
  if (!scores.length) return;
  const b = await db.query<{ id: number; slug: string; scale_min: number; scale_max: number }>(`SELECT id, slug, scale_min, scale_max FROM benchmarks`);
  const bench = new Map(b.rows.map((x) => [x.slug, x]));
  const prev = await db.query<{ model_id: number; benchmark_id: number; settings: string; measured_on: Date; score: number; cost_usd: number | null }>(
    `SELECT DISTINCT ON (model_id, benchmark_id, settings) model_id, benchmark_id, settings, measured_on, score, cost_usd
     FROM benchmark_results WHERE source_id = $1 ORDER BY model_id, benchmark_id, settings, measured_on DESC`,
    [ctx.sourceId],
  );
  const latest = new Map(prev.rows.map((p) => [`${p.model_id}|${p.benchmark_id}|${p.settings}`, { measured: p.measured_on.toISOString().slice(0, 10), score: p.score, cost: p.cost_usd }]));
  const rows = new Map<string, Record<string, unknown>>();
  for (const s of scores) {
    const m = resolveModel(s, true, undefined, s.measuredOn);
    if (!m) continue;
    const bm = bench.get(s.benchmark);
    if (!bm) {
      out.rejections.push({ file: "payload", record: s.modelId, field: "benchmark", reason: `unknown benchmark "${s.benchmark}"` });
      continue;
    }
    if (!(s.score >= bm.scale_min && s.score <= bm.scale_max)) {
      out.rejections.push({ file: "payload", record: s.modelId, field: "score", reason: `${s.score} is outside ${bm.slug}'s range ${bm.scale_min}-${bm.scale_max}` });
      continue;
    }
    const measured = s.measuredOn.toISOString().slice(0, 10);
    // matched through a rule (an effort suffix, a display name): keep the listing apart from the plain model's
    const settings = m.via === normaliseAlias(s.modelId) ? s.settings ?? "" : [s.settings, `listed as ${s.modelId}`].filter(Boolean).join("; ");
    const key = `${m.modelId}|${bm.id}|${settings}|${measured}`;
    if (rows.has(key)) { out.duplicates++; continue; }
    // sources without run dates are dated when fetched: the same score seen again is not a new result
    const prior = latest.get(`${m.modelId}|${bm.id}|${settings}`);
    if (prior && prior.measured <= measured && prior.score === s.score && prior.cost === (s.costUsd ?? null)) { out.counts.unchanged++; continue; }
    rows.set(key, { model_id: m.modelId, benchmark_id: bm.id, score: s.score, measured_on: measured, settings, cost_usd: s.costUsd ?? null, source_url: s.sourceUrl ?? null });
  }
  if (!rows.size) return;
  const res = await db.query<{ inserted: boolean }>(
    `INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, cost_usd, source_url, source_id, run_id, snapshot_id)
     SELECT model_id, benchmark_id, score, measured_on, settings, cost_usd, source_url, $1, $2, $3
     FROM jsonb_to_recordset($4::jsonb) AS x(model_id int, benchmark_id int, score float8, measured_on date, settings text, cost_usd numeric, source_url text)
     ON CONFLICT (model_id, benchmark_id, source_id, settings, measured_on) DO UPDATE SET score = EXCLUDED.score, cost_usd = EXCLUDED.cost_usd, source_url = EXCLUDED.source_url, run_id = EXCLUDED.run_id, snapshot_id = EXCLUDED.snapshot_id
       WHERE (benchmark_results.score, benchmark_results.cost_usd, benchmark_results.source_url) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.cost_usd, EXCLUDED.source_url)
     RETURNING (xmax = 0) AS inserted`,
    [ctx.sourceId, ctx.runId, await ctx.snapshotId, JSON.stringify([...rows.values()])],
  );
  const inserted = res.rows.filter((r) => r.inserted).length;
  out.counts.inserted += inserted;
  out.counts.updated += res.rows.length - inserted;
  out.counts.unchanged += rows.size - res.rows.length;
}

function slugFor(id: string): string {
  return normaliseAlias(id).replace(/:.*$/, "").split("/").pop()!.replace(/[^a-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Adds models a catalogue knows and we do not, when the id's organisation names one of our labs. */
async function createCatalogueModels(db: Db, facts: ModelFactRecord[], ctx: RecordsContext, out: RecordsOutcome) {
  const candidates = facts.filter((f) => f.createIfMissing && f.releasedOn && !ctx.resolver.model(f.modelId, undefined, ctx.observedAt));
  if (!candidates.length) return;
  const labRows = (await db.query<{ id: number; slug: string; name: string }>(`SELECT id, slug, name FROM labs`)).rows;
  const labs = new Map(labRows.map((l) => [l.slug, l.id]));
  const labByName = new Map(labRows.map((l) => [l.name.toLowerCase(), l.slug]));
  for (const f of candidates) {
    if (ctx.resolver.model(f.modelId, undefined, ctx.observedAt)) continue; // an earlier record of this payload created it
    const hint = f.labHint?.trim().toLowerCase();
    const labSlug = labOfPrefixedId(f.modelId) ?? (hint ? ORG_TO_LAB[hint] ?? labByName.get(hint) ?? (labs.has(hint) ? hint : undefined) : undefined);
    const labId = labSlug ? labs.get(labSlug) : undefined;
    if (!labSlug || !labId) continue; // stays on the review list
    let slug = slugFor(f.modelId);
    if (!slug || ctx.resolver.modelBySlug(slug)) slug = `${labSlug}-${slug}`;
    if (ctx.resolver.modelBySlug(slug)) continue;
    const name = (f.name ?? slug).replace(/^[^:]{1,40}:\s+/, "");
    const r = await db.query<{ id: number }>(
      `INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, params_total_b, context_window, modalities, reasoning, domain, source_url, source_id, run_id, snapshot_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [slug, name, labId, slug.replace(/-(\d{4}-?\d{2}-?\d{2}|\d{4})$/, ""), f.releasedOn!.toISOString().slice(0, 10), f.openWeights ?? false, f.license ?? (f.openWeights ? "unknown (open weights)" : "proprietary"),
        f.paramsTotalB ?? null, f.contextWindow ?? null, f.modalities?.length ? f.modalities : ["text"], f.reasoning ?? false, /coder|codestral|devstral|code/.test(slug) ? "code" : "general",
        f.sourceUrl ?? "https://openrouter.ai/models", ctx.sourceId, ctx.runId, await ctx.snapshotId],
    );
    const id = r.rows[0]?.id;
    if (!id) continue;
    const names = [...new Set([f.modelId, f.modelId.replace(/:.*$/, ""), slug, ...(f.aliases ?? [])].map(normaliseAlias))];
    await db.query(`INSERT INTO model_aliases (alias, model_id, source_id) SELECT a, $2, $3 FROM unnest($1::text[]) AS a ON CONFLICT (alias, valid_from) DO NOTHING`, [names, id, ctx.sourceId]);
    ctx.resolver.learn({ id, slug, labSlug }, names);
    out.counts.inserted++;
    out.notes.push("models added from the catalogue");
  }
}

/** Catalogue facts fill what the curated data leaves empty; they never overwrite it. */
async function writeFacts(db: Db, facts: ModelFactRecord[], out: RecordsOutcome, resolveModel: (r: { modelId: string }, c: boolean, host?: string, at?: Date) => ReturnType<Resolver["model"]>) {
  const rows = new Map<number, Record<string, unknown>>();
  for (const f of facts) {
    const m = resolveModel(f, true);
    if (!m || rows.has(m.modelId)) continue;
    rows.set(m.modelId, { id: m.modelId, context_window: f.contextWindow ?? null, params_total_b: f.paramsTotalB ?? null });
  }
  if (!rows.size) return;
  const res = await db.query(
    `UPDATE models m SET context_window = coalesce(m.context_window, x.context_window), params_total_b = coalesce(m.params_total_b, x.params_total_b), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id int, context_window int, params_total_b float8)
     WHERE m.id = x.id AND ((m.context_window IS NULL AND x.context_window IS NOT NULL) OR (m.params_total_b IS NULL AND x.params_total_b IS NOT NULL))`,
    [JSON.stringify([...rows.values()])],
  );
  out.counts.updated += res.rowCount ?? 0;
  out.counts.unchanged += rows.size - (res.rowCount ?? 0);
}

async function writeNews(db: Db, news: NewsRecord[], ctx: RecordsContext, out: RecordsOutcome) {
  for (const n of news) {
    const r = await db.query<{ id: number; inserted: boolean }>(
      `INSERT INTO news_items (url, title, published_at, feed, summary, source_id, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET title = EXCLUDED.title, published_at = EXCLUDED.published_at, summary = EXCLUDED.summary, run_id = EXCLUDED.run_id
         WHERE (news_items.title, news_items.published_at, news_items.summary) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.published_at, EXCLUDED.summary)
       RETURNING id, (xmax = 0) AS inserted`,
      [n.url, n.title, n.publishedAt, n.feed, n.summary ?? null, ctx.sourceId, ctx.runId],
    );
    const row = r.rows[0];
    if (!row) { out.counts.unchanged++; continue; }
    if (row.inserted) out.counts.inserted++;
    else out.counts.updated++;
    if (ctx.linkNews) {
      const links = ctx.linkNews(`${n.title} ${n.summary ?? ""}`);
      await db.query(`INSERT INTO news_item_labs (news_item_id, lab_id) SELECT $1, id FROM labs WHERE slug = ANY($2::text[]) ON CONFLICT DO NOTHING`, [row.id, links.labSlugs]);
      await db.query(`INSERT INTO news_item_models (news_item_id, model_id) SELECT $1, id FROM models WHERE slug = ANY($2::text[]) ON CONFLICT DO NOTHING`, [row.id, links.modelSlugs]);
    }
  }
}
