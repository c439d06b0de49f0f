/**
 * Writes a parsed curated dataset inside the caller's transaction. Catalogue rows are upserted by
 * slug, aliases and benchmark results mirror the files (retracted facts are removed from the
 * curated source's rows), and prices go through the ledger rules (ingest/ledger.ts) so history is
 * superseded, never overwritten.
 */
import type pg from "pg";
import { normaliseAlias } from "../../lib/aliases";
import { planHistory, toValidityWindows, type DesiredRow } from "../ledger";
import { applyLedgerPlan, loadCurrentLedgers } from "./ledger-sql";
import { addCounts, emptyCounts, type RunCounts } from "../runs";
import type { CuratedDataset } from "../sources/curated";
import { aliasWindow } from "../sources/curated-schema";
import { upsertRows } from "./upsert";

export interface CuratedWriteContext {
  sourceId: number;
  runId: number;
  /** snapshot id of each file read in this run, by path relative to the seed folder */
  snapshotByFile: Map<string, number>;
  /** date used to mark models deprecated (YYYY-MM-DD) */
  asOf: string;
  /**
   * remove curated rows the files no longer state; only when every file was accepted, so a
   * rejected file never takes its earlier data with it
   */
  retract: boolean;
}

type Db = Pick<pg.PoolClient, "query">;
const day = (s: string) => new Date(`${s}T00:00:00Z`);

async function idsBySlug(db: Db, table: "labs" | "providers" | "benchmarks" | "models"): Promise<Map<string, number>> {
  const r = await db.query<{ id: number; slug: string }>(`SELECT id, slug FROM ${table}`);
  return new Map(r.rows.map((x) => [x.slug, x.id]));
}

export async function writeCuratedDataset(db: Db, ds: CuratedDataset, ctx: CuratedWriteContext): Promise<{ counts: RunCounts; removed: number }> {
  let counts = emptyCounts();
  let removed = 0;
  const prov = { source_id: ctx.sourceId, run_id: ctx.runId };
  const snap = (file: string) => ctx.snapshotByFile.get(file) ?? null;

  counts = addCounts(counts, await upsertRows(db, {
    table: "labs", key: ["slug"], provenance: ["source_id", "run_id", "snapshot_id"], touchesUpdatedAt: true,
    columns: { slug: "text", name: "text", country: "char(2)", kind: "text", website: "text", source_url: "text", source_id: "int", run_id: "int", snapshot_id: "int" },
  }, ds.labs.map((l) => ({ slug: l.slug, name: l.name, country: l.country, kind: l.kind, website: l.website ?? null, source_url: l.source, ...prov, snapshot_id: snap("labs.yaml") }))));
  const labIds = await idsBySlug(db, "labs");

  counts = addCounts(counts, await upsertRows(db, {
    table: "providers", key: ["slug"], provenance: ["source_id", "run_id", "snapshot_id"], touchesUpdatedAt: true,
    columns: { slug: "text", name: "text", kind: "text", hardware: "text", country: "char(2)", regions: "text[]", lab_id: "int", retains_prompts: "boolean", trains_on_prompts: "boolean", zero_data_retention: "boolean", data_policy_url: "text", website: "text", source_url: "text", source_id: "int", run_id: "int", snapshot_id: "int" },
  }, ds.providers.map((p) => ({
    slug: p.slug, name: p.name, kind: p.kind, hardware: p.hardware, country: p.country, regions: p.regions, lab_id: p.lab ? labIds.get(p.lab) ?? null : null,
    retains_prompts: p.dataPolicy.retainsPrompts, trains_on_prompts: p.dataPolicy.trainsOnPrompts, zero_data_retention: p.dataPolicy.zeroDataRetention,
    data_policy_url: p.dataPolicy.source ?? null, website: p.website ?? null, source_url: p.source, ...prov, snapshot_id: snap("providers.yaml"),
  }))));
  const providerIds = await idsBySlug(db, "providers");

  counts = addCounts(counts, await upsertRows(db, {
    table: "benchmarks", key: ["slug"],
    columns: { slug: "text", name: "text", category: "text", unit: "text", higher_is_better: "boolean", scale_min: "float8", scale_max: "float8", description: "text", source_url: "text" },
  }, ds.benchmarks.map((b) => ({ slug: b.slug, name: b.name, category: b.category, unit: b.unit, higher_is_better: b.higherIsBetter, scale_min: b.scaleMin, scale_max: b.scaleMax, description: b.description, source_url: b.source }))));
  const benchmarkIds = await idsBySlug(db, "benchmarks");

  counts = addCounts(counts, await upsertRows(db, {
    table: "models", key: ["slug"], provenance: ["source_id", "run_id", "snapshot_id"], touchesUpdatedAt: true,
    columns: { slug: "text", name: "text", lab_id: "int", family: "text", released_on: "date", open_weights: "boolean", license: "text", params_total_b: "float8", params_active_b: "float8", context_window: "int", modalities: "text[]", reasoning: "boolean", domain: "text", status: "text", deprecated_on: "date", source_url: "text", source_id: "int", run_id: "int", snapshot_id: "int" },
  }, ds.models.map((m) => ({
    slug: m.slug, name: m.name, lab_id: labIds.get(m.lab)!, family: m.family, released_on: m.released, open_weights: m.openWeights, license: m.license,
    params_total_b: m.params?.totalB ?? null, params_active_b: m.params?.activeB ?? null, context_window: m.contextWindow, modalities: m.modalities, reasoning: m.reasoning,
    domain: m.domain, status: m.deprecatedOn && m.deprecatedOn <= ctx.asOf ? "deprecated" : "active", deprecated_on: m.deprecatedOn ?? null, source_url: m.source, ...prov, snapshot_id: snap(m.file),
  }))));
  const modelIds = await idsBySlug(db, "models");

  // aliases: the slug and every listed id, normalised, with its window; the curated files are authoritative
  const aliasRows = new Map<string, { alias: string; model_id: number; valid_from: string; valid_to: string }>();
  const addAlias = (id: string, modelId: number, from: string | null, to: string | null) => {
    const alias = normaliseAlias(id);
    const valid_from = from ?? "-infinity";
    aliasRows.set(`${alias}|${valid_from}`, { alias, model_id: modelId, valid_from, valid_to: to ?? "infinity" });
  };
  for (const m of ds.models) for (const a of [m.slug, ...m.aliases].map((x) => aliasWindow(x))) addAlias(a.id, modelIds.get(m.slug)!, a.from, a.to);
  // display names ("DeepSeek-R1", "Grok 3 Mini") as ids too, where one model alone carries the name
  const taken = new Set([...aliasRows.values()].map((r) => r.alias));
  const byName = new Map<string, string[]>();
  for (const m of ds.models) {
    const n = normaliseAlias(m.name).replace(/\s+/g, "-");
    byName.set(n, [...(byName.get(n) ?? []), m.slug]);
  }
  for (const [n, slugs] of byName) if (slugs.length === 1 && !taken.has(n)) addAlias(n, modelIds.get(slugs[0]!)!, null, null);
  counts = addCounts(counts, await upsertRows(db, {
    table: "model_aliases", key: ["alias", "valid_from"],
    columns: { alias: "text", valid_from: "date", valid_to: "date", model_id: "int", source_id: "int" },
  }, [...aliasRows.values()].map((r) => ({ ...r, source_id: ctx.sourceId }))));
  if (ctx.retract) {
    removed += (await db.query(
      `DELETE FROM model_aliases a WHERE a.source_id = $1 AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(alias text, valid_from date) WHERE x.alias = a.alias AND x.valid_from = a.valid_from)`,
      [ctx.sourceId, JSON.stringify([...aliasRows.values()].map(({ alias, valid_from }) => ({ alias, valid_from })))],
    )).rowCount ?? 0;
  }

  // offerings for every (model, provider) that has a curated price
  const offeringKeys = new Map<string, { model_id: number; provider_id: number }>();
  for (const m of ds.models) for (const p of m.prices) {
    const providerSlug = p.provider ?? ds.providers.find((x) => x.kind === "first_party" && x.lab === m.lab)!.slug;
    const key = `${m.slug}|${providerSlug}`;
    offeringKeys.set(key, { model_id: modelIds.get(m.slug)!, provider_id: providerIds.get(providerSlug)! });
  }
  counts = addCounts(counts, await upsertRows(db, { table: "offerings", key: ["model_id", "provider_id", "quantization"], columns: { model_id: "int", provider_id: "int", quantization: "text", source_id: "int" }, provenance: ["source_id"] },
    [...offeringKeys.values()].map((o) => ({ ...o, quantization: "", source_id: ctx.sourceId }))));
  const offRes = await db.query<{ id: number; model_id: number; provider_id: number }>(`SELECT id, model_id, provider_id FROM offerings WHERE quantization = ''`);
  const offeringId = new Map(offRes.rows.map((o) => [`${o.model_id}|${o.provider_id}`, o.id]));

  const ledger = await writeCuratedPrices(db, ds, ctx, (modelSlug, providerSlug) => offeringId.get(`${modelIds.get(modelSlug)}|${providerIds.get(providerSlug)}`)!);
  counts = addCounts(counts, ledger);

  const resultRows = ds.models.flatMap((m) => m.scores.map((s) => ({
    model_id: modelIds.get(m.slug)!, benchmark_id: benchmarkIds.get(s.benchmark)!, score: s.score, measured_on: s.date ?? m.released, settings: s.settings ?? "",
    source_url: s.source, ...prov, snapshot_id: snap(m.file),
  })));
  counts = addCounts(counts, await upsertRows(db, {
    table: "benchmark_results", key: ["model_id", "benchmark_id", "source_id", "settings", "measured_on"], provenance: ["run_id", "snapshot_id"],
    columns: { model_id: "int", benchmark_id: "int", score: "float8", measured_on: "date", settings: "text", source_url: "text", source_id: "int", run_id: "int", snapshot_id: "int" },
  }, resultRows));
  if (ctx.retract) removed += (await db.query(
    `DELETE FROM benchmark_results r WHERE r.source_id = $1 AND NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(model_id int, benchmark_id int, settings text, measured_on date)
       WHERE x.model_id = r.model_id AND x.benchmark_id = r.benchmark_id AND x.settings = r.settings AND x.measured_on = r.measured_on)`,
    [ctx.sourceId, JSON.stringify(resultRows.map(({ model_id, benchmark_id, settings, measured_on }) => ({ model_id, benchmark_id, settings, measured_on })))],
  )).rowCount ?? 0;

  return { counts, removed };
}

async function writeCuratedPrices(db: Db, ds: CuratedDataset, ctx: CuratedWriteContext, offeringOf: (model: string, provider: string) => number): Promise<RunCounts> {
  const counts = emptyCounts();
  const desired = new Map<string, { offeringId: number; tier: string; rows: (DesiredRow & { snapshotId: number | null })[] }>();
  for (const m of ds.models) {
    const groups = new Map<string, typeof m.prices>();
    for (const p of m.prices) {
      const provider = p.provider ?? ds.providers.find((x) => x.kind === "first_party" && x.lab === m.lab)!.slug;
      const k = `${provider}|${p.tier}`;
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    for (const [k, prices] of groups) {
      const [provider, tier] = k.split("|") as [string, string];
      const offeringId = offeringOf(m.slug, provider);
      const windows = toValidityWindows(prices.map((p) => ({
        validFrom: day(p.from), validUntil: p.to ? day(p.to) : null, input: p.input, output: p.output, cachedInput: p.cachedInput ?? null, cacheWrite: p.cacheWrite ?? null,
        reasoning: null, perRequest: null, sourceUrl: p.source, snapshotId: ctx.snapshotByFile.get(m.file) ?? null,
      })), m.deprecatedOn ? day(m.deprecatedOn) : null);
      desired.set(`${offeringId}|${tier}`, { offeringId, tier, rows: windows });
    }
  }

  const current = await loadCurrentLedgers(db, ctx.sourceId);
  const plan: Parameters<typeof applyLedgerPlan>[1] = { insert: [], close: [], supersede: [], unchanged: 0 };
  const keys = ctx.retract ? new Set([...desired.keys(), ...current.keys()]) : desired.keys();
  for (const key of keys) {
    const want = desired.get(key);
    const p = planHistory(current.get(key) ?? [], want?.rows ?? []);
    plan.supersede.push(...p.supersede);
    plan.close.push(...p.close);
    counts.unchanged += p.unchanged;
    for (const row of p.insert as (DesiredRow & { snapshotId: number | null })[]) plan.insert.push({ ...row, offeringId: want!.offeringId, tier: want!.tier });
  }
  await applyLedgerPlan(db, plan, ctx);
  counts.inserted = plan.insert.length;
  counts.updated = plan.supersede.length + plan.close.length;
  return counts;
}
