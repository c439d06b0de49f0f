/**
 * The analytics reads of lib/queries/analytics.ts in the shape of the public API (lib/schemas/analytics.ts):
 * defaults resolved against today, limits checked, dates as YYYY-MM-DD.
 */
import { CAPABILITY_INDEX_VERSION } from "../analytics/capability-index";
import { paretoAmong, type FrontierEntry } from "../analytics/frontier";
import { isoDay, parseDay } from "../dates";
import { ApiError } from "../errors";
import type { FrontierQuery, FrontierResponse, GapQuery, GapResponse, MovementsQuery, MovementsResponse, PriceTrendQuery, PriceTrendResponse } from "../schemas/analytics";
import { MAX_GAP_MONTHS, MAX_MOVEMENT_DAYS } from "../schemas/analytics";
import { getBenchmarkOrThrow } from "./analytics-inputs";
import { getFrontier, getOpenGap, getPriceTrend } from "./analytics";
import { decodeMovementCursor, encodeMovementCursor, getMovementsPage } from "./movements";
import { getAnalyticsVersion } from "../precompute/result-cache";

const DAY_MS = 86_400_000;

export function today(now: Date = new Date()): string {
  return isoDay(now);
}

/**
 * What an analytics answer depends on besides its query: the refresh it is computed from, and today
 * (the default date and window end). Null while a refresh is pending: such answers are not kept.
 */
export async function analyticsAnswerVersion(): Promise<string | null> {
  const v = await getAnalyticsVersion();
  return v.pending || v.refreshId === null ? null : `${v.refreshId}@${today()}`;
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", `Invalid query parameter: ${field}: ${message}`, [{ field, message }]);
}

/** A benchmark that does not exist is a 404 naming the parameter that carried it. */
async function assertBenchmark(slug: string, field: string): Promise<void> {
  try {
    await getBenchmarkOrThrow(slug);
  } catch (err) {
    if (err instanceof ApiError && err.code === "not_found") throw new ApiError("not_found", `No benchmark "${slug}"`, [{ field, message: "unknown benchmark" }]);
    throw err;
  }
}

export async function getFrontierForApi(q: FrontierQuery): Promise<FrontierResponse> {
  const day = q.date ?? today();
  if (q.axis !== CAPABILITY_INDEX_VERSION) await assertBenchmark(q.axis, "axis");
  const date = parseDay(day);
  const f = await getFrontier(q.axis, date, { mix: q.mix, mode: q.mode });
  const filtered = q.open !== undefined || q.reasoning !== undefined || q.lab !== undefined;
  let entries = f.available.filter((e) => (q.open === undefined || e.openWeights === q.open) && (q.reasoning === undefined || e.reasoning === q.reasoning) && (q.lab === undefined || e.labSlug === q.lab));
  // with a filter (open, reasoning, lab) the Pareto set is the one among the selected models
  const pareto = new Set((filtered ? paretoAmong(entries).pareto : f.pareto).map((e) => e.slug));
  if (q.pareto_only) entries = entries.filter((e) => pareto.has(e.slug));
  const data = entries.map((e) => ({
    model: e.slug, name: e.name, lab: e.labSlug, openWeights: e.openWeights, reasoning: e.reasoning, releasedOn: isoDay(e.releasedOn),
    price: e.price, capability: e.capability, basis: e.basis, onFrontier: pareto.has(e.slug),
  }));
  return { date: day, axis: q.axis, mix: q.mix, mode: q.mode, data, pareto: data.filter((e) => e.onFrontier).map((e) => e.model), unscored: f.unscored };
}

export async function getPriceTrendForApi(q: PriceTrendQuery): Promise<PriceTrendResponse> {
  await assertBenchmark(q.benchmark, "benchmark");
  const to = q.to ?? today();
  if (q.from > to) throw invalid("from", "from must not be later than to");
  const threshold = q.threshold_model !== undefined ? { model: q.threshold_model } : { score: q.threshold! };
  const t = await getPriceTrend(q.benchmark, threshold, { from: parseDay(q.from), to: parseDay(to) }, { mix: q.mix, mode: q.mode, includeReasoning: q.include_reasoning });
  return {
    benchmark: q.benchmark, threshold: t.threshold, thresholdModel: t.thresholdModel, from: q.from, to, mix: q.mix, mode: q.mode, includeReasoning: q.include_reasoning,
    n: t.n,
    points: t.points.map((p) => ({ date: isoDay(p.date), model: p.model, modelName: p.modelName, price: p.price, score: p.score, kind: p.kind, basis: p.basis })),
    fit: t.fit && { ...t.fit, line: t.fit.line.map((p) => ({ date: isoDay(p.date), price: p.price })) },
    reason: t.reason,
  };
}

export async function getOpenGapForApi(q: GapQuery): Promise<GapResponse> {
  const to = q.to ?? today();
  if (q.from > to) throw invalid("from", "from must not be later than to");
  const months = (parseDay(to).getUTCFullYear() - parseDay(q.from).getUTCFullYear()) * 12 + parseDay(to).getUTCMonth() - parseDay(q.from).getUTCMonth() + 1;
  if (months * q.benchmarks.length > MAX_GAP_MONTHS) throw invalid("from", `at most ${MAX_GAP_MONTHS} benchmark-months per request (asked: ${months * q.benchmarks.length})`);
  for (const b of q.benchmarks) await assertBenchmark(b, "benchmarks");
  const rows = await getOpenGap(q.benchmarks, { from: parseDay(q.from), to: parseDay(to) });
  const leader = (x: { model: string; name: string; score: number; since: Date } | null) => (x ? { model: x.model, name: x.name, score: x.score, since: isoDay(x.since) } : null);
  return {
    benchmarks: q.benchmarks, from: q.from, to,
    data: rows.map((g) => ({
      benchmark: g.benchmark, month: isoDay(g.month), open: leader(g.open), proprietary: leader(g.proprietary), gapPoints: g.gapPoints, gapPercent: g.gapPercent, lagMonths: g.lagMonths,
      lagReference: g.lagReference ? { model: g.lagReference.model, since: isoDay(g.lagReference.since) } : null,
    })),
  };
}

export async function getMovementsForApi(q: MovementsQuery): Promise<MovementsResponse> {
  const to = q.to ?? today();
  const from = q.from ?? isoDay(new Date(parseDay(to).getTime() - 7 * DAY_MS));
  if (from > to) throw invalid("from", "from must not be later than to");
  if ((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS > MAX_MOVEMENT_DAYS) throw invalid("from", `a window of at most ${MAX_MOVEMENT_DAYS} days`);
  const after = q.cursor === undefined ? null : decodeMovementCursor(q.cursor);
  if (q.cursor !== undefined && after === null) throw invalid("cursor", "not a cursor returned by this API");
  const page = await getMovementsPage({ from: parseDay(from), to: parseDay(to) }, { kinds: q.kind, limit: q.limit, after, descending: q.sort === "-date" });
  return {
    from, to,
    counts: { releases: page.counts.releases, priceChanges: page.counts.priceChanges, newLeaders: page.counts.newLeaders, crossings: page.counts.crossings },
    data: page.items.map((x) => ({ ...x, date: isoDay(x.date) })) as MovementsResponse["data"],
    nextCursor: page.next ? encodeMovementCursor(page.next) : null,
  };
}
