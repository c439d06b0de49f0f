/**
 * Keeps the skylines current (migration 20261129030000_price_skylines, lib/analytics/skylines.ts):
 * each model's observations per mode; per benchmark and month, the models that can be the cheapest
 * above a threshold on the month's first day (cheapest_skylines, the cheapest-price series); per
 * benchmark and mode, the walk's candidates with the latest dominator found for each
 * (trend_candidates, price at constant capability). Part of the refresh transaction
 * (refresh-analytics.ts), from the segments, scores and observations just refreshed: a refresh
 * compares what the changed models were before and after (snapshotModels, touchedBetween) and
 * recomputes the month starts whose skylines they change, and each series from the first day they
 * change it; a month start without a row yet (a new month, a new benchmark) is computed too; a
 * deleted model, or a change to very many, rebuilds everything.
 */
import type pg from "pg";
import { monthStarts } from "../dates";
import { REFERENCE_PRICE_MODES, type PriceSegment } from "../analytics/price-segments";
import type { ReferencePriceMode } from "../analytics/price-at-capability";
import { cheapestSkyline, monthOf, observationsOfSegments, walkCandidates, WALK_LOOKBACK, type StoredObservation } from "../analytics/skylines";
import { packRows } from "./result-cache";

type Client = pg.PoolClient;

/** Skylines cover this month to the current one; reads outside it use the observations or segments. */
export const SKYLINE_FIRST_MONTH = new Date("2019-01-01T00:00:00Z");
const BATCH = 20_000;

/**
 * What a change touches: per benchmark, the month starts whose cheapest skyline may differ; per
 * benchmark and mode, the first day from which the walk's candidates may differ.
 */
export interface Touched {
  start: Map<number, Set<number>>;
  series: Map<string, number>;
}

export function emptyTouch(): Touched {
  return { start: new Map(), series: new Map() };
}

const seriesKey = (benchmark: number, mode: string) => `${benchmark}|${mode}`;

/** Above this many changed models a refresh recomputes everything instead of comparing them. */
export const SNAPSHOT_LIMIT = 2_000;

/** What the skylines and candidates take from one model, as it is at one moment. */
export interface ModelSnapshot {
  /** slug, name, release, reasoning: what a cheapest point carries */
  facts: string;
  reasoning: boolean;
  /** best score per benchmark */
  scores: Map<number, number>;
  /** month start (ms) -> its reference price that day */
  starts: Map<number, string>;
  /** mode -> its observations in date order */
  observations: Map<string, { at: number; key: string }[]>;
}

/**
 * The given models as the derived tables hold them: take one before the refresh rewrites them and
 * one after (touchedBetween). Their facts come from their release events (written by the refresh).
 */
export async function snapshotModels(client: Client, modelIds: number[], now: Date): Promise<Map<number, ModelSnapshot>> {
  const out = new Map<number, ModelSnapshot>();
  if (!modelIds.length) return out;
  // facts as of the last refresh: the models table may have changed since, their release events not
  const facts = await client.query<{ id: number; slug: string; name: string | null; released_on: Date; reasoning: boolean | null }>(
    `SELECT model_id AS id, sort_model AS slug, detail->>'name' AS name, occurred_at AS released_on, (detail->>'reasoning')::boolean AS reasoning
     FROM analytics_events WHERE kind = 'release' AND model_id = ANY($1::int[])`, [modelIds],
  );
  const scores = await client.query<{ model_id: number; benchmark_id: number; score: number }>(`SELECT model_id, benchmark_id, score FROM model_best_scores WHERE model_id = ANY($1::int[])`, [modelIds]);
  const segments = await client.query<{ model_id: number; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; basis: string }>(
    `SELECT model_id, valid_from, valid_to, input_usd, output_usd, basis FROM model_price_segments WHERE mode = 'reference' AND model_id = ANY($1::int[])`, [modelIds],
  );
  const observations = await client.query<{ model_id: number; mode: string; observed_at: Date; key: string }>(
    `SELECT model_id, mode, observed_at, concat_ws('|', input_usd, output_usd, basis, first_observation, prev_input_usd, prev_output_usd, sure, regular) AS key
     FROM model_price_observations WHERE model_id = ANY($1::int[]) ORDER BY model_id, mode, observed_at`, [modelIds],
  );
  for (const f of facts.rows) {
    out.set(f.id, { facts: JSON.stringify([f.slug, f.name, f.released_on, f.reasoning]), reasoning: f.reasoning ?? false, scores: new Map(), starts: new Map(), observations: new Map() });
  }
  for (const r of scores.rows) out.get(r.model_id)?.scores.set(r.benchmark_id, r.score);
  const last = monthOf(now).getTime();
  for (const s of segments.rows) {
    const snap = out.get(s.model_id);
    if (!snap) continue;
    for (const month of monthStartsWithin(Math.max(s.valid_from.getTime(), SKYLINE_FIRST_MONTH.getTime()), s.valid_to?.getTime() ?? null, last)) snap.starts.set(month, `${s.input_usd}|${s.output_usd}|${s.basis}`);
  }
  for (const o of observations.rows) {
    const snap = out.get(o.model_id);
    if (!snap) continue;
    const list = snap.observations.get(o.mode);
    const item = { at: o.observed_at.getTime(), key: o.key };
    if (list) list.push(item);
    else snap.observations.set(o.mode, [item]);
  }
  return out;
}

/** The month starts (ms) in [from, to), up to `last` inclusive. */
function monthStartsWithin(from: number, to: number | null, last: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  let month = monthOf(d).getTime() === from ? from : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (month <= last && (to === null || month < to)) {
    out.push(month);
    const m = new Date(month);
    month = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  return out;
}

const NONE: ModelSnapshot = { facts: "", reasoning: false, scores: new Map(), starts: new Map(), observations: new Map() };

/**
 * What changed between two snapshots of the same models. A cheapest skyline holds a model's score,
 * facts and price on the month start: a month is touched when its price there differs, every month
 * it is priced when its score or facts do. A series of candidates holds its observations, score and
 * reasoning flag: touched from the first observation that differs, or from its first one when its
 * score or flag does. A release date moves its observations, so they show it.
 */
export function touchedBetween(before: Map<number, ModelSnapshot>, after: Map<number, ModelSnapshot>, into: Touched = emptyTouch()): Touched {
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id) ?? NONE;
    const a = after.get(id) ?? NONE;
    const facts = b.facts !== a.facts;
    const reasoning = b.reasoning !== a.reasoning;
    for (const benchmark of new Set([...b.scores.keys(), ...a.scores.keys()])) {
      const score = b.scores.get(benchmark) !== a.scores.get(benchmark);
      const months = into.start.get(benchmark) ?? new Set<number>();
      for (const m of new Set([...b.starts.keys(), ...a.starts.keys()])) if (score || facts || b.starts.get(m) !== a.starts.get(m)) months.add(m);
      if (months.size) into.start.set(benchmark, months);
      for (const mode of REFERENCE_PRICE_MODES) {
        const bo = b.observations.get(mode) ?? [];
        const ao = a.observations.get(mode) ?? [];
        let i = 0;
        if (!score && !reasoning) while (i < bo.length && i < ao.length && bo[i]!.at === ao[i]!.at && bo[i]!.key === ao[i]!.key) i++;
        if (i === bo.length && i === ao.length) continue;
        const first = Math.min(bo[i]?.at ?? Infinity, ao[i]?.at ?? Infinity);
        const key = seriesKey(benchmark, mode);
        into.series.set(key, Math.min(into.series.get(key) ?? Infinity, first));
      }
    }
  }
  return into;
}

/** Rewrites the observations of the given models from their segments (already refreshed). */
export async function writeObservations(client: Client, modelIds: number[], segments: Map<number, Map<ReferencePriceMode, PriceSegment[]>>, releasedOn: Map<number, Date>): Promise<number> {
  await client.query(`DELETE FROM model_price_observations WHERE model_id = ANY($1::int[])`, [modelIds]);
  const col = { model: [] as number[], mode: [] as string[], at: [] as Date[], input: [] as number[], output: [] as number[], basis: [] as string[], first: [] as boolean[], prevIn: [] as (number | null)[], prevOut: [] as (number | null)[], sure: [] as boolean[], regular: [] as boolean[] };
  for (const [modelId, byMode] of segments) {
    const released = releasedOn.get(modelId);
    if (!released) continue;
    for (const [mode, segs] of byMode) {
      const { regular, observations } = observationsOfSegments(segs, released);
      for (const o of observations) {
        col.model.push(modelId); col.mode.push(mode); col.at.push(o.at); col.input.push(o.input); col.output.push(o.output); col.basis.push(o.basis);
        col.first.push(o.first); col.prevIn.push(o.prevInput); col.prevOut.push(o.prevOutput); col.sure.push(o.sure); col.regular.push(regular);
      }
    }
  }
  for (let i = 0; i < col.model.length; i += BATCH) {
    const part = (xs: unknown[]) => xs.slice(i, i + BATCH);
    await client.query(
      `INSERT INTO model_price_observations (model_id, mode, observed_at, input_usd, output_usd, basis, first_observation, prev_input_usd, prev_output_usd, sure, regular)
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::text[], $7::boolean[], $8::float8[], $9::float8[], $10::boolean[], $11::boolean[])`,
      [part(col.model), part(col.mode), part(col.at), part(col.input), part(col.output), part(col.basis), part(col.first), part(col.prevIn), part(col.prevOut), part(col.sure), part(col.regular)],
    );
  }
  return col.model.length;
}

interface ModelFacts {
  slug: string;
  name: string;
  releasedOn: Date;
  reasoning: boolean;
}

/** A point of a month start as stored (column-wise, packRows) in cheapest_skylines.points. */
export interface StartPoint {
  model: number;
  slug: string;
  name: string;
  score: number;
  input: number;
  output: number;
  basis: PriceSegment["basis"];
  releasedOn: Date;
}

/**
 * Recomputes the cheapest skylines of the month starts touched and of every month start without a
 * row yet (a new month, a new benchmark), and each touched series of walk candidates from the
 * month of its first touched day on; `everything` recomputes all of it (a model was deleted: what
 * it was in is not known any more). Returns the number of rows written.
 */
export async function refreshSkylines(client: Client, touched: Touched, now: Date, everything = false): Promise<number> {
  const months = monthStarts(SKYLINE_FIRST_MONTH, now).map((m) => m.getTime());
  const benchmarks = (await client.query<{ id: number }>(`SELECT id FROM benchmarks ORDER BY id`)).rows.map((r) => r.id);
  const existing = await client.query<{ benchmark_id: number; month: Date }>(`SELECT benchmark_id, month::timestamp AT TIME ZONE 'UTC' AS month FROM cheapest_skylines`);
  const have = new Set(existing.rows.map((r) => `${r.benchmark_id}|${r.month.getTime()}`));
  const startJobs = new Map<number, Set<number>>(); // month -> benchmarks
  for (const b of benchmarks) {
    const touchedMonths = touched.start.get(b);
    for (const m of months) {
      if (everything || touchedMonths?.has(m) || !have.has(`${b}|${m}`)) startJobs.set(m, (startJobs.get(m) ?? new Set()).add(b));
    }
  }
  const seriesJobs = new Map<string, number>(); // benchmark|mode -> first month start to recompute
  for (const b of benchmarks) {
    for (const mode of REFERENCE_PRICE_MODES) {
      const first = everything ? -Infinity : touched.series.get(seriesKey(b, mode));
      if (first !== undefined) seriesJobs.set(seriesKey(b, mode), first === -Infinity ? first : monthOf(new Date(first)).getTime());
    }
  }
  if (!startJobs.size && !seriesJobs.size) return 0;

  const jobBenchmarks = [...new Set([...[...startJobs.values()].flatMap((s) => [...s]), ...[...seriesJobs.keys()].map((k) => Number(k.split("|")[0]))])];
  const scores = await client.query<{ model_id: number; benchmark_id: number; score: number }>(
    `SELECT model_id, benchmark_id, score FROM model_best_scores WHERE benchmark_id = ANY($1::int[])`, [jobBenchmarks],
  );
  const scoresOf = new Map<number, { benchmark: number; score: number }[]>();
  for (const r of scores.rows) {
    const list = scoresOf.get(r.model_id);
    if (list) list.push({ benchmark: r.benchmark_id, score: r.score });
    else scoresOf.set(r.model_id, [{ benchmark: r.benchmark_id, score: r.score }]);
  }
  const facts = new Map<number, ModelFacts>();
  const m = await client.query<{ id: number; slug: string; name: string; released_on: Date; reasoning: boolean }>(
    `SELECT id, slug, name, released_on, reasoning FROM models WHERE id = ANY($1::int[])`, [[...scoresOf.keys()]],
  );
  for (const r of m.rows) facts.set(r.id, { slug: r.slug, name: r.name, releasedOn: r.released_on, reasoning: r.reasoning });
  let written = 0;
  if (startJobs.size) written += await writeCheapestSkylines(client, startJobs, scoresOf, facts);
  if (seriesJobs.size) written += await writeTrendCandidates(client, seriesJobs, scoresOf, facts);
  return written;
}

type ScoresOf = Map<number, { benchmark: number; score: number }[]>;

async function writeCheapestSkylines(client: Client, jobs: Map<number, Set<number>>, scoresOf: ScoresOf, facts: Map<number, ModelFacts>): Promise<number> {
  const wanted = [...jobs.keys()].sort((a, b) => a - b);
  const wantedIndex = new Map(wanted.map((m, i) => [m, i]));
  const segs = await client.query<{ model_id: number; valid_from: Date; valid_to: Date | null; input_usd: number; output_usd: number; basis: PriceSegment["basis"] }>(
    `SELECT model_id, valid_from, valid_to, input_usd, output_usd, basis FROM model_price_segments
     WHERE mode = 'reference' AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $1)
       AND model_id IN (SELECT model_id FROM model_best_scores WHERE benchmark_id = ANY($3::int[]))`,
    [new Date(wanted[0]!), new Date(wanted[wanted.length - 1]!), [...new Set([...jobs.values()].flatMap((b) => [...b]))]],
  );
  const points = new Map<string, StartPoint[]>(); // benchmark|month
  for (const s of segs.rows) {
    const f = facts.get(s.model_id);
    if (!f) continue;
    // the month starts inside the segment, from the release on
    const from = Math.max(s.valid_from.getTime(), f.releasedOn.getTime());
    const fromDate = new Date(from);
    let month = monthOf(fromDate).getTime() === from ? from : Date.UTC(fromDate.getUTCFullYear(), fromDate.getUTCMonth() + 1, 1);
    for (; month <= wanted[wanted.length - 1]! && (!s.valid_to || month < s.valid_to.getTime()); month = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1)) {
      if (!wantedIndex.has(month)) continue;
      const bs = jobs.get(month)!;
      for (const { benchmark, score } of scoresOf.get(s.model_id)!) {
        if (!bs.has(benchmark)) continue;
        const key = `${benchmark}|${month}`;
        const point: StartPoint = { model: s.model_id, slug: f.slug, name: f.name, score, input: s.input_usd, output: s.output_usd, basis: s.basis, releasedOn: f.releasedOn };
        const list = points.get(key);
        if (list) list.push(point);
        else points.set(key, [point]);
      }
    }
  }
  const rows = { benchmark: [] as number[], month: [] as string[], points: [] as string[] };
  for (const [month, bs] of jobs) {
    for (const b of bs) {
      rows.benchmark.push(b); rows.month.push(new Date(month).toISOString().slice(0, 10));
      rows.points.push(JSON.stringify(packRows(cheapestSkyline(points.get(`${b}|${month}`) ?? []), ["releasedOn"])));
    }
  }
  for (let i = 0; i < rows.benchmark.length; i += 2_000) {
    const part = (xs: unknown[]) => xs.slice(i, i + 2_000);
    await client.query(
      `INSERT INTO cheapest_skylines (benchmark_id, month, points) SELECT b, m, p::jsonb FROM unnest($1::int[], $2::date[], $3::text[]) AS x(b, m, p)
       ON CONFLICT (benchmark_id, month) DO UPDATE SET points = EXCLUDED.points`,
      [part(rows.benchmark), part(rows.month), part(rows.points)],
    );
  }
  return rows.benchmark.length;
}

type SeriesPoint = StoredObservation & { model: number; score: number; reasoning: boolean };

/** A candidate row as compared with the stored one: every column, instants as epoch ms. */
type CandidateRow = [model: number, at: number, dominatedAt: number | null, score: number, reasoning: boolean, input: number, output: number, basis: string, first: boolean, prevInput: number | null, prevOutput: number | null, sure: boolean];
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
const fromEpochMs = (ms: string) => `('epoch'::timestamptz + ${ms} * interval '1 millisecond')`;

async function writeTrendCandidates(client: Client, jobs: Map<string, number>, scoresOf: ScoresOf, facts: Map<number, ModelFacts>): Promise<number> {
  let written = 0;
  for (const mode of REFERENCE_PRICE_MODES) {
    const series = [...jobs].filter(([k]) => k.endsWith(`|${mode}`)).map(([k, first]) => ({ benchmark: Number(k.split("|")[0]), first }));
    if (!series.length) continue;
    const from = Math.min(...series.map((s) => s.first));
    // instants as epoch ms and rows as arrays: a series is hundreds of thousands of rows
    const obs = await client.query<[number, number, number, number, PriceSegment["basis"], boolean, number | null, number | null, boolean]>({
      text: `SELECT model_id, ${epochMs("observed_at")}, input_usd, output_usd, basis, first_observation, prev_input_usd, prev_output_usd, sure FROM model_price_observations
             WHERE mode = $1 AND regular AND observed_at >= $2 AND model_id IN (SELECT model_id FROM model_best_scores WHERE benchmark_id = ANY($3::int[]))`,
      values: [mode, from === -Infinity ? new Date(0) : new Date(from), series.map((x) => x.benchmark)],
      rowMode: "array",
    });
    const points = new Map<number, SeriesPoint[]>(series.map((s) => [s.benchmark, []]));
    const firstOf = new Map(series.map((s) => [s.benchmark, s.first]));
    for (const [modelId, at, input, output, basis, first, prevInput, prevOutput, sure] of obs.rows) {
      const f = facts.get(modelId);
      if (!f) continue;
      const date = new Date(at);
      for (const { benchmark, score } of scoresOf.get(modelId)!) {
        const since = firstOf.get(benchmark);
        if (since === undefined || at < since) continue;
        points.get(benchmark)!.push({ model: modelId, score, reasoning: f.reasoning, at: date, input, output, basis, first, prevInput, prevOutput, sure });
      }
    }
    for (const { benchmark, first } of series) {
      const start = first === -Infinity ? new Date(0) : new Date(first);
      // before the month the series is recomputed from: the sure candidates as far back as the walk
      // looks, and those nothing earlier dominates (the skyline so far is theirs)
      const prior = async (where: string, limit: number | null) => first === -Infinity ? [] : (await client.query<{ at: Date; score: number; reasoning: boolean; input: number; output: number }>(
        `SELECT * FROM (SELECT observed_at AS at, score, reasoning, input_usd AS input, output_usd AS output FROM trend_candidates
         WHERE benchmark_id = $1 AND mode = $2 AND observed_at < $3 AND sure ${where} ORDER BY observed_at DESC ${limit === null ? "" : `LIMIT ${limit}`}) x ORDER BY at`,
        [benchmark, mode, start],
      )).rows.map((r) => ({ ...r, sure: true }));
      const earlier = await prior("", WALK_LOOKBACK);
      const undominated = await prior("AND dominated_at IS NULL", null);
      const fresh = walkCandidates(points.get(benchmark)!, { earlier, undominated }).map(({ point: p, dominatedAt }): CandidateRow => [
        p.model, p.at.getTime(), dominatedAt?.getTime() ?? null, p.score, p.reasoning, p.input, p.output, p.basis, p.first, p.prevInput, p.prevOutput, p.sure,
      ]);
      // only what differs from the stored rows is written: a change rarely moves many of them
      const stored = await client.query<CandidateRow>({
        text: `SELECT model_id, ${epochMs("observed_at")}, ${epochMs("dominated_at")}, score, reasoning, input_usd, output_usd, basis, first_observation, prev_input_usd, prev_output_usd, sure
               FROM trend_candidates WHERE benchmark_id = $1 AND mode = $2 AND observed_at >= $3`,
        values: [benchmark, mode, start],
        rowMode: "array",
      });
      const key = (r: CandidateRow) => `${r[0]}|${r[1]}`;
      const before = new Map(stored.rows.map((r) => [key(r), r]));
      const upsert = fresh.filter((r) => {
        const old = before.get(key(r));
        before.delete(key(r));
        return !old || old.some((v, i) => v !== r[i]);
      });
      const gone = [...before.values()];
      if (gone.length) {
        await client.query(
          `DELETE FROM trend_candidates t USING unnest($3::int[], $4::float8[]) AS x(m, at) WHERE t.benchmark_id = $1 AND t.mode = $2 AND t.model_id = x.m AND t.observed_at = ${fromEpochMs("x.at")}`,
          [benchmark, mode, gone.map((r) => r[0]), gone.map((r) => r[1])],
        );
      }
      for (let i = 0; i < upsert.length; i += BATCH) {
        const part = upsert.slice(i, i + BATCH);
        const col = (n: number) => part.map((r) => r[n]);
        await client.query(
          `INSERT INTO trend_candidates (benchmark_id, mode, model_id, observed_at, dominated_at, score, reasoning, input_usd, output_usd, basis, first_observation, prev_input_usd, prev_output_usd, sure)
           SELECT $1, $2, m, ${fromEpochMs("a")}, ${fromEpochMs("da")}, sc, r, i, o, b, f, pi, po, su
           FROM unnest($3::int[], $4::float8[], $5::float8[], $6::float8[], $7::boolean[], $8::float8[], $9::float8[], $10::text[], $11::boolean[], $12::float8[], $13::float8[], $14::boolean[])
             AS x(m, a, da, sc, r, i, o, b, f, pi, po, su)
           ON CONFLICT (benchmark_id, mode, model_id, observed_at) DO UPDATE SET dominated_at = EXCLUDED.dominated_at, score = EXCLUDED.score, reasoning = EXCLUDED.reasoning,
             input_usd = EXCLUDED.input_usd, output_usd = EXCLUDED.output_usd, basis = EXCLUDED.basis, first_observation = EXCLUDED.first_observation,
             prev_input_usd = EXCLUDED.prev_input_usd, prev_output_usd = EXCLUDED.prev_output_usd, sure = EXCLUDED.sure`,
          [benchmark, mode, col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9), col(10), col(11)],
        );
      }
      written += upsert.length + gone.length;
    }
  }
  return written;
}
