/**
 * Keeps the precomputed analytics tables (migration 20261128050000_analytics_precompute) current.
 *
 * Triggers on price_points, benchmark_results, models and offerings record which models and
 * benchmarks changed (analytics_dirty). A refresh takes that list and recomputes only what depends
 * on it, with the same pure functions the live reads use (lib/analytics), in one transaction:
 * - model_price_segments: the changed models' reference-price step functions, every mode;
 * - model_best_scores: the changed models' best score per benchmark;
 * - model_index_values: every model's capability index, whenever any score changed;
 * - analytics_events: the changed models' releases and the price changes of their offerings; new
 *   leaders of every benchmark a changed model or result touches; first crossings of the standard
 *   rules; each with its place in the order of movements (migration 20261129010000_movement_pages);
 * - open_gap_months: every month from GAP_FIRST_MONTH to the current month for those benchmarks;
 * - model_price_observations, cheapest_skylines and trend_candidates: the changed models' observations,
 *   and what of every benchmark they are in, before or after the change (skylines.ts).
 * Runs after every ingest (ingest job, CLI) and at worker start; cheap when nothing changed.
 */
import type pg from "pg";
import { DEFAULT_MIX } from "../analytics/blended-price";
import { CAPABILITY_INDEX_BENCHMARKS, CAPABILITY_INDEX_VERSION, capabilityIndex } from "../analytics/capability-index";
import { findFirstCrossing, listLeaderChanges, offeringChanges, STANDARD_CROSSING_RULES, type MovementModel } from "../analytics/movements";
import { openGapByMonth, type ScoreResult } from "../analytics/open-gap";
import { referencePriceSegments, REFERENCE_PRICE_MODES, segmentsAsWindows, type PriceSegment } from "../analytics/price-segments";
import type { ReferencePriceMode } from "../analytics/price-at-capability";
import type { PriceWindow } from "../analytics/reference-price";
import { moduleLogger } from "../logger";
import { warmStandardReads } from "../queries/analytics";
import { pruneAnswers } from "./result-cache";
import { emptyTouch, refreshSkylines, snapshotModels, SNAPSHOT_LIMIT, touchedBetween, writeObservations } from "./skylines";

/** open_gap_months covers this month to the current one; reads outside it compute live */
export const GAP_FIRST_MONTH = new Date("2019-01-01T00:00:00Z");
/** any constant: serialises refreshes across processes */
const REFRESH_LOCK = 7_204_611;
const BATCH = 20_000;

export interface RefreshResult {
  refreshId: number | null;
  models: number;
  benchmarks: number;
  segments: number;
  events: number;
  durationMs: number;
  /** milliseconds per step */
  phases: Record<string, number>;
}

type Client = pg.PoolClient;

async function insertJson(client: Client, sql: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await client.query(sql, [JSON.stringify(rows.slice(i, i + BATCH))]);
}

async function loadModels(client: Client, where: string, params: unknown[]): Promise<(MovementModel & { id: number })[]> {
  const r = await client.query<{ id: number; slug: string; name: string; lab: string; open_weights: boolean; reasoning: boolean; released_on: Date }>(
    `SELECT m.id, m.slug, m.name, l.slug AS lab, m.open_weights, m.reasoning, m.released_on FROM models m JOIN labs l ON l.id = m.lab_id WHERE ${where}`, params,
  );
  return r.rows.map((m) => ({ id: m.id, slug: m.slug, name: m.name, labSlug: m.lab, openWeights: m.open_weights, reasoning: m.reasoning, releasedOn: m.released_on }));
}

async function loadResults(client: Client, benchmarkIds: number[], modelIds?: number[]): Promise<ScoreResult[]> {
  const r = await client.query<{ model: string; benchmark: string; score: number; measured_on: Date | null }>(
    `SELECT m.slug AS model, b.slug AS benchmark, br.score::float8 AS score, br.measured_on
     FROM benchmark_results br JOIN models m ON m.id = br.model_id JOIN benchmarks b ON b.id = br.benchmark_id
     WHERE br.benchmark_id = ANY($1::int[]) ${modelIds ? "AND br.model_id = ANY($2::int[])" : ""}`,
    modelIds ? [benchmarkIds, modelIds] : [benchmarkIds],
  );
  return r.rows.map((x) => ({ model: x.model, benchmark: x.benchmark, score: x.score, measuredOn: x.measured_on }));
}

/** Price segments and price-change events of the given models. */
async function refreshPrices(client: Client, modelIds: number[], timing: Record<string, number>): Promise<{ segments: number; events: number }> {
  let t = performance.now();
  const lap = (name: string) => {
    timing[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const rows = await client.query<{
    model_id: number; model: string; model_name: string; released_on: Date; offering_id: number; provider: string; first_party: boolean; quantization: string;
    tier: string; valid_from: Date; valid_to: Date | null; input: number; output: number;
  }>(
    `SELECT o.model_id, m.slug AS model, m.name AS model_name, m.released_on, o.id AS offering_id, p.slug AS provider, (p.kind = 'first_party' AND p.lab_id = m.lab_id) AS first_party,
            o.quantization, pp.tier, pp.valid_from, pp.valid_to, pp.input_usd::float8 AS input, pp.output_usd::float8 AS output
     FROM price_points pp JOIN offerings o ON o.id = pp.offering_id JOIN providers p ON p.id = o.provider_id JOIN models m ON m.id = o.model_id
     WHERE pp.superseded_at IS NULL AND pp.tier = 'standard' AND o.model_id = ANY($1::int[])`,
    [modelIds],
  );
  const byModel = new Map<number, PriceWindow[]>();
  const releasedOn = new Map<number, Date>();
  const byOffering = new Map<number, { modelId: number; model: string; modelName: string; provider: string; firstParty: boolean; quantization: string; prices: PriceWindow[] }>();
  for (const r of rows.rows) {
    const w: PriceWindow = { providerSlug: r.provider, firstParty: r.first_party, tier: r.tier, validFrom: r.valid_from, validTo: r.valid_to, input: r.input, output: r.output };
    releasedOn.set(r.model_id, r.released_on);
    const list = byModel.get(r.model_id);
    if (list) list.push(w);
    else byModel.set(r.model_id, [w]);
    let o = byOffering.get(r.offering_id);
    if (!o) byOffering.set(r.offering_id, (o = { modelId: r.model_id, model: r.model, modelName: r.model_name, provider: r.provider, firstParty: r.first_party, quantization: r.quantization, prices: [] }));
    o.prices.push(w);
  }

  lap("prices.load");
  await client.query(`DELETE FROM model_price_segments WHERE model_id = ANY($1::int[])`, [modelIds]);
  const seg = { model: [] as number[], mode: [] as string[], from: [] as Date[], to: [] as (Date | null)[], input: [] as number[], output: [] as number[], basis: [] as string[], providers: [] as string[] };
  const segmentsOf = new Map<number, Map<ReferencePriceMode, PriceSegment[]>>();
  for (const [modelId, windows] of byModel) {
    const byMode = new Map<ReferencePriceMode, PriceSegment[]>();
    segmentsOf.set(modelId, byMode);
    for (const mode of REFERENCE_PRICE_MODES) {
      const segments = referencePriceSegments(windows, mode);
      byMode.set(mode, segments);
      for (const s of segments) {
        seg.model.push(modelId); seg.mode.push(mode); seg.from.push(s.validFrom); seg.to.push(s.validTo);
        seg.input.push(s.input); seg.output.push(s.output); seg.basis.push(s.basis); seg.providers.push(s.providers.join(","));
      }
    }
  }
  for (let i = 0; i < seg.model.length; i += BATCH) {
    const part = (xs: unknown[]) => xs.slice(i, i + BATCH);
    await client.query(
      `INSERT INTO model_price_segments (model_id, mode, valid_from, valid_to, input_usd, output_usd, basis, providers)
       SELECT m, mo, f, t, inp, outp, b, string_to_array(p, ',')
       FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::float8[], $6::float8[], $7::text[], $8::text[]) AS x(m, mo, f, t, inp, outp, b, p)`,
      [part(seg.model), part(seg.mode), part(seg.from), part(seg.to), part(seg.input), part(seg.output), part(seg.basis), part(seg.providers)],
    );
  }

  lap("prices.segments");
  await writeObservations(client, modelIds, segmentsOf, releasedOn);
  lap("prices.observations");
  await client.query(`DELETE FROM analytics_events WHERE kind = 'price-change' AND model_id = ANY($1::int[])`, [modelIds]);
  const events: object[] = [];
  for (const o of byOffering.values()) {
    for (const c of offeringChanges({ model: o.model, providerSlug: o.provider, firstParty: o.firstParty, quantization: o.quantization, prices: o.prices }, o.modelName, DEFAULT_MIX)) {
      events.push({
        kind: "price-change", occurred_at: c.date.toISOString(), model_id: o.modelId, benchmark_id: null,
        detail: { provider: c.provider, quantization: c.quantization, before: { input: c.before.input, output: c.before.output }, after: { input: c.after.input, output: c.after.output } },
        // under the default mix, as the counts of a window report cuts
        cut: c.after.blended < c.before.blended,
      });
    }
  }
  lap("prices.changes");
  await insertEvents(client, events);
  lap("prices.changesWrite");
  return { segments: seg.model.length, events: events.length };
}

/** Events with the model's slug (the order of movements) and, for a release, its open weights. */
async function insertEvents(client: Client, events: object[]): Promise<void> {
  await insertJson(
    client,
    `INSERT INTO analytics_events (kind, occurred_at, model_id, benchmark_id, detail, sort_model, cut, open_weights)
     SELECT x.kind, x.occurred_at, x.model_id, x.benchmark_id, x.detail, m.slug, x.cut, CASE WHEN x.kind = 'release' THEN m.open_weights END
     FROM jsonb_to_recordset($1::jsonb) AS x(kind text, occurred_at timestamptz, model_id int, benchmark_id int, detail jsonb, cut boolean) JOIN models m ON m.id = x.model_id`,
    events,
  );
}

/**
 * Each changed model's release, an event like the others so that movements page in one index. It
 * keeps the model's slug, name, release date and reasoning flag as of this refresh: the next one
 * compares them with the models table (skylines.ts, snapshotModels).
 */
async function refreshReleases(client: Client, modelIds: number[]): Promise<number> {
  await client.query(`DELETE FROM analytics_events WHERE kind = 'release' AND model_id = ANY($1::int[])`, [modelIds]);
  const r = await client.query(
    `INSERT INTO analytics_events (kind, occurred_at, model_id, detail, sort_model, open_weights)
     SELECT 'release', m.released_on::timestamp AT TIME ZONE 'UTC', m.id, jsonb_build_object('name', m.name, 'reasoning', m.reasoning), m.slug, m.open_weights
     FROM models m WHERE m.id = ANY($1::int[])`,
    [modelIds],
  );
  return r.rowCount ?? 0;
}

/**
 * The capability index of every model: it normalises each benchmark across all models, so any
 * change to a benchmark's scores moves every value (computed from the best scores just refreshed).
 */
async function refreshCapabilityIndex(client: Client): Promise<void> {
  const r = await client.query<{ model: string; benchmark: string; score: number }>(
    `SELECT m.slug AS model, b.slug AS benchmark, bs.score FROM model_best_scores bs JOIN models m ON m.id = bs.model_id JOIN benchmarks b ON b.id = bs.benchmark_id
     WHERE b.slug = ANY($1::text[])`,
    [CAPABILITY_INDEX_BENCHMARKS.map((b) => b.slug)],
  );
  const values = capabilityIndex(r.rows).filter((v) => v.value !== null);
  await client.query(`DELETE FROM model_index_values WHERE version = $1`, [CAPABILITY_INDEX_VERSION]);
  await insertJson(
    client,
    `INSERT INTO model_index_values (model_id, version, value, benchmarks_used)
     SELECT m.id, x.version, x.value, x.benchmarks_used FROM jsonb_to_recordset($1::jsonb) AS x(model text, version text, value float8, benchmarks_used text[]) JOIN models m ON m.slug = x.model`,
    values.map((v) => ({ model: v.model, version: v.version, value: v.value, benchmarks_used: v.benchmarksUsed })),
  );
}

/** New leaders and the open-vs-proprietary months of the given benchmarks. */
async function refreshBenchmarks(client: Client, benchmarkIds: number[], now: Date): Promise<number> {
  const bench = await client.query<{ id: number; slug: string }>(`SELECT id, slug FROM benchmarks WHERE id = ANY($1::int[])`, [benchmarkIds]);
  const idOf = new Map(bench.rows.map((b) => [b.slug, b.id]));
  const models = await loadModels(client, `m.id IN (SELECT model_id FROM benchmark_results WHERE benchmark_id = ANY($1::int[]))`, [benchmarkIds]);
  const modelId = new Map(models.map((m) => [m.slug, m.id]));
  const results = await loadResults(client, benchmarkIds);

  await client.query(`DELETE FROM analytics_events WHERE kind = 'new-leader' AND benchmark_id = ANY($1::int[])`, [benchmarkIds]);
  const leaders = listLeaderChanges(models, results, "measured").map((l) => ({
    kind: "new-leader", occurred_at: l.date.toISOString(), model_id: modelId.get(l.model)!, benchmark_id: idOf.get(l.benchmark)!,
    detail: { benchmark: l.benchmark, score: l.score, previous: l.previous },
  }));
  await insertEvents(client, leaders);

  await client.query(`DELETE FROM open_gap_months WHERE benchmark_id = ANY($1::int[])`, [benchmarkIds]);
  const months = openGapByMonth(models, results, { from: GAP_FIRST_MONTH, to: now, benchmarks: bench.rows.map((b) => b.slug), basis: "release" });
  await insertJson(
    client,
    `INSERT INTO open_gap_months (benchmark_id, month, detail) SELECT x.benchmark_id, x.month, x.detail FROM jsonb_to_recordset($1::jsonb) AS x(benchmark_id int, month date, detail jsonb)`,
    months.map((g) => ({ benchmark_id: idOf.get(g.benchmark)!, month: g.month.toISOString().slice(0, 10), detail: g })),
  );
  return leaders.length;
}

/**
 * First crossings of the standard rules, from the (already refreshed) segments. A crossing is the
 * earliest (date, price, slug) over models, so when the recorded one's model is unchanged only the
 * changed models can move it (earlier); otherwise, or with nothing recorded, all qualifying models
 * are searched.
 */
async function refreshCrossings(client: Client, changedModelIds: number[]): Promise<number> {
  const changed = new Set(changedModelIds);
  let written = 0;
  for (const rule of STANDARD_CROSSING_RULES) {
    const b = await client.query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = $1`, [rule.benchmark]);
    if (!b.rows[0]) continue;
    const benchmarkId = b.rows[0].id;
    const recorded = (
      await client.query<{ id: number; model_id: number; model: string; occurred_at: Date; price: number }>(
        `SELECT e.id, e.model_id, m.slug AS model, e.occurred_at, (e.detail->>'price')::float8 AS price FROM analytics_events e JOIN models m ON m.id = e.model_id
         WHERE e.kind = 'threshold-crossing' AND e.detail->'rule' = $1::jsonb`,
        [JSON.stringify(rule)],
      )
    ).rows[0];
    const incremental = recorded !== undefined && !changed.has(recorded.model_id);
    if (incremental && changed.size === 0) continue;
    const models = await loadModels(
      client,
      `m.id IN (SELECT model_id FROM benchmark_results WHERE benchmark_id = $1 AND score >= $2 ${incremental ? "AND model_id = ANY($3::int[])" : ""})`,
      incremental ? [benchmarkId, rule.minScore, changedModelIds] : [benchmarkId, rule.minScore],
    );
    const slugs = new Set(models.map((m) => m.slug));
    const results = (await loadResults(client, [benchmarkId], models.map((m) => m.id))).filter((r) => r.score >= rule.minScore && slugs.has(r.model));
    const seg = await client.query<{ slug: string; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; basis: "first-party" | "median"; providers: string[] }>(
      `SELECT m.slug, s.valid_from, s.valid_to, s.input_usd, s.output_usd, s.basis, s.providers FROM model_price_segments s JOIN models m ON m.id = s.model_id
       WHERE s.mode = 'reference' AND s.model_id = ANY($1::int[])`,
      [models.map((m) => m.id)],
    );
    const prices = new Map<string, PriceWindow[]>();
    for (const s of seg.rows) {
      const list = prices.get(s.slug) ?? [];
      list.push(...segmentsAsWindows([{ validFrom: s.valid_from, validTo: s.valid_to, input: s.input_usd, output: s.output_usd, basis: s.basis, providers: s.providers ?? [] }]));
      prices.set(s.slug, list);
    }
    const found = findFirstCrossing(rule, models, results, prices, { mix: DEFAULT_MIX, basis: "measured" });
    if (incremental) {
      const earlier = found && (found.date.getTime() - recorded.occurred_at.getTime() || found.price - recorded.price || (found.model < recorded.model ? -1 : 1)) < 0;
      if (!earlier) continue;
    }
    if (recorded) await client.query(`DELETE FROM analytics_events WHERE id = $1`, [recorded.id]);
    if (found) {
      await insertEvents(client, [{ kind: "threshold-crossing", occurred_at: found.date.toISOString(), model_id: models.find((m) => m.slug === found.model)!.id, benchmark_id: benchmarkId, detail: { rule, score: found.score, price: found.price } }]);
      written++;
    }
  }
  return written;
}

export async function refreshAnalytics(pool: pg.Pool, options: { now?: Date; warm?: boolean } = {}): Promise<RefreshResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock($1)`, [REFRESH_LOCK]);
    // a new month needs its open-vs-proprietary row even when no data changed
    await client.query(
      `INSERT INTO analytics_dirty (kind, id) SELECT 'benchmark', id FROM benchmarks
       WHERE EXISTS (SELECT 1 FROM open_gap_months) AND (SELECT max(month) FROM open_gap_months) < date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC')::date
       ON CONFLICT DO NOTHING`,
      [now],
    );
    const dirty = await client.query<{ kind: string; id: number }>(`DELETE FROM analytics_dirty RETURNING kind, id`);
    if (dirty.rows.length === 0) {
      await client.query("COMMIT");
      return { refreshId: null, models: 0, benchmarks: 0, segments: 0, events: 0, durationMs: performance.now() - started, phases: {} };
    }
    // ids of deleted models no longer exist; their derived rows went with them (ON DELETE CASCADE)
    const modelIds = (await client.query<{ id: number }>(`SELECT id FROM models WHERE id = ANY($1::int[])`, [dirty.rows.filter((d) => d.kind === "model").map((d) => d.id)])).rows.map((r) => r.id);
    const benchmarkIds = (
      await client.query<{ id: number }>(
        `SELECT id FROM benchmarks WHERE id = ANY($1::int[]) UNION SELECT DISTINCT benchmark_id FROM benchmark_results WHERE model_id = ANY($2::int[])`,
        [dirty.rows.filter((d) => d.kind === "benchmark").map((d) => d.id), modelIds],
      )
    ).rows.map((r) => r.id);
    const refresh = await client.query<{ id: number }>(`INSERT INTO analytics_refreshes (models, benchmarks) VALUES ($1, $2) RETURNING id`, [modelIds.length, benchmarkIds.length]);

    const phases: Record<string, number> = {};
    let mark = performance.now();
    const phase = (name: string) => {
      const t = performance.now();
      phases[name] = Math.round(t - mark);
      mark = t;
    };
    // a model deleted since the last refresh (what it was in is not known any more), or so many
    // changed that comparing them costs more than recomputing: the skylines are rebuilt whole
    const deleted = dirty.rows.filter((d) => d.kind === "model").length > modelIds.length;
    const rebuild = deleted || modelIds.length > SNAPSHOT_LIMIT;
    // what the skylines take from these models before the change (see skylines.ts)
    const before = rebuild ? null : await snapshotModels(client, modelIds, now);
    phase("skylines.before");
    const prices = modelIds.length ? await refreshPrices(client, modelIds, phases) : { segments: 0, events: 0 };
    phase("prices");
    const releases = modelIds.length ? await refreshReleases(client, modelIds) : 0;
    phase("releases");
    if (modelIds.length) {
      await client.query(`DELETE FROM model_best_scores WHERE model_id = ANY($1::int[])`, [modelIds]);
      await client.query(
        `INSERT INTO model_best_scores (model_id, benchmark_id, score)
         SELECT br.model_id, br.benchmark_id, CASE WHEN b.higher_is_better THEN max(br.score) ELSE min(br.score) END::float8
         FROM benchmark_results br JOIN benchmarks b ON b.id = br.benchmark_id WHERE br.model_id = ANY($1::int[]) GROUP BY br.model_id, br.benchmark_id, b.higher_is_better`,
        [modelIds],
      );
    }
    phase("scores");
    if (benchmarkIds.length) await refreshCapabilityIndex(client);
    phase("capabilityIndex");
    const leaders = benchmarkIds.length ? await refreshBenchmarks(client, benchmarkIds, now) : 0;
    phase("leadersAndGap");
    const crossings = await refreshCrossings(client, modelIds);
    phase("crossings");
    const touched = before ? touchedBetween(before, await snapshotModels(client, modelIds, now)) : emptyTouch();
    await refreshSkylines(client, touched, now, rebuild);
    phase("skylines");
    const durationMs = performance.now() - started;
    await client.query(`UPDATE analytics_refreshes SET finished_at = now(), duration_ms = $2 WHERE id = $1`, [refresh.rows[0]!.id, Math.round(durationMs)]);
    await client.query("COMMIT");
    // answers of earlier refreshes can never be served again; the standard ones are computed now
    await pruneAnswers(pool, refresh.rows[0]!.id);
    if (options.warm ?? true) {
      await warmStandardReads(now);
      phase("warmAnswers");
    }
    const result = { refreshId: refresh.rows[0]!.id, models: modelIds.length, benchmarks: benchmarkIds.length, segments: prices.segments, events: releases + prices.events + leaders + crossings, durationMs, phases };
    moduleLogger("analytics").info({ ...result, durationMs: Math.round(durationMs) }, "precomputed analytics refreshed");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
