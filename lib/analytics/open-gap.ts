/**
 * Open vs proprietary (ARCHITECTURE.md, "Analytics"): per benchmark and month, the best open-weight
 * and the best proprietary score, the gap between them, the capability lag, and price at parity.
 *
 * Conventions (all benchmarks we track are higher-is-better):
 * - A model's score on a benchmark is its best result there (several sources, settings, dates).
 * - A result counts from its model's release date (`basis: "release"`, the default: "what was the
 *   best model released by then, as we know its score today"), or from max(release, measured date)
 *   with `basis: "measured"` ("what could have been known then"); a result without a measured date
 *   falls back to the release date.
 * - A month is read as of its first day (00:00 UTC): a model released on 15 January counts from
 *   the February point on.
 */
import { monthStarts } from "../dates";
import { DEFAULT_MIX, type BlendMix } from "./blended-price";
import { cheapestAtCapability, type CapabilityModel, type CheapestPoint } from "./cheapest-at-capability";
import type { PriceWindow } from "./reference-price";

export type DateBasis = "release" | "measured";

export interface ScoreResult {
  model: string;
  benchmark: string;
  score: number;
  measuredOn?: Date | null;
}

export interface GapModel {
  slug: string;
  name: string;
  labSlug: string;
  openWeights: boolean;
  releasedOn: Date;
  /** needed by priceAtParity only */
  prices?: PriceWindow[];
}

export interface GapLeader {
  model: string;
  name: string;
  score: number;
  /** when this score started to count (see the basis) */
  since: Date;
}

export interface GapMonth {
  benchmark: string;
  month: Date;
  open: GapLeader | null;
  proprietary: GapLeader | null;
  /** proprietary − open, in the benchmark's unit; negative when open leads */
  gapPoints: number | null;
  /** (proprietary − open) / proprietary × 100 */
  gapPercent: number | null;
  /** months since a proprietary model first reached the best open score; 0 when open leads */
  lagMonths: number | null;
  /** the proprietary model that first reached the best open score, when one did */
  lagReference: { model: string; since: Date } | null;
}

const DAY_MS = 86_400_000;
/** average Gregorian month, so lags are comparable across months of different length */
const MONTH_MS = (365.25 / 12) * DAY_MS;

/** When a result starts to count under a date basis. */
export function scoreAvailableFrom(releasedOn: Date, measuredOn: Date | null | undefined, basis: DateBasis): Date {
  if (basis === "release" || !measuredOn) return releasedOn;
  return measuredOn.getTime() > releasedOn.getTime() ? measuredOn : releasedOn;
}

export function monthsBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / MONTH_MS;
}

interface DatedScore {
  model: GapModel;
  score: number;
  since: Date;
}

/** Results of one benchmark whose model we know, each with the date it starts to count. */
function datedScores(models: Map<string, GapModel>, results: ScoreResult[], benchmark: string, basis: DateBasis): DatedScore[] {
  const out: DatedScore[] = [];
  for (const r of results) {
    const model = models.get(r.model);
    // a result for a model we cannot classify as open or proprietary says nothing about the gap
    if (r.benchmark !== benchmark || !model || !Number.isFinite(r.score)) continue;
    out.push({ model, score: r.score, since: scoreAvailableFrom(model.releasedOn, r.measuredOn, basis) });
  }
  return out;
}

/** Higher score first; ties go to the score that counted first, then the slug (deterministic). */
function better(a: DatedScore, b: DatedScore): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.since.getTime() !== b.since.getTime()) return a.since.getTime() < b.since.getTime();
  return a.model.slug < b.model.slug;
}

function bestAsOf(scores: DatedScore[], openWeights: boolean, asOf: Date): DatedScore | null {
  let best: DatedScore | null = null;
  for (const s of scores) {
    if (s.model.openWeights !== openWeights || s.since.getTime() > asOf.getTime()) continue;
    if (!best || better(s, best)) best = s;
  }
  return best;
}

const leader = (s: DatedScore | null): GapLeader | null => (s ? { model: s.model.slug, name: s.model.name, score: s.score, since: s.since } : null);

export interface GapOptions {
  from: Date;
  to: Date;
  /** default: every benchmark that appears in the results, alphabetically */
  benchmarks?: string[];
  basis?: DateBasis;
}

/**
 * One row per benchmark and month start in [from, to], months with no scores included (all null),
 * sorted by benchmark then month.
 *
 * gapPercent is (bestProprietary − bestOpen) / bestProprietary × 100, the form of the Stanford AI
 * Index 2025 figure for Chatbot Arena (8.0% in January 2024 → 1.7% in February 2025). On an Elo
 * scale the percentage depends on where the scale is anchored, so compare it only within one
 * benchmark; it is null when the proprietary best is 0.
 *
 * lagMonths: how long before this month a proprietary model first reached today's best open score.
 * When no proprietary model has reached it (open leads) the lag is 0 and the gap negative; it is
 * null when either side has no score yet.
 */
export function openGapByMonth(models: GapModel[], results: ScoreResult[], options: GapOptions): GapMonth[] {
  const basis = options.basis ?? "release";
  const bySlug = new Map(models.map((m) => [m.slug, m]));
  const benchmarks = options.benchmarks ?? [...new Set(results.map((r) => r.benchmark))].sort();
  const months = monthStarts(options.from, options.to);
  const out: GapMonth[] = [];
  for (const benchmark of benchmarks) {
    const scores = datedScores(bySlug, results, benchmark, basis);
    for (const month of months) {
      const open = bestAsOf(scores, true, month);
      const prop = bestAsOf(scores, false, month);
      const row: GapMonth = { benchmark, month, open: leader(open), proprietary: leader(prop), gapPoints: null, gapPercent: null, lagMonths: null, lagReference: null };
      if (open && prop) {
        row.gapPoints = prop.score - open.score;
        row.gapPercent = prop.score === 0 ? null : (row.gapPoints / prop.score) * 100;
        const first = firstToReach(scores, open.score, month);
        row.lagMonths = first ? monthsBetween(first.since, month) : 0;
        row.lagReference = first ? { model: first.model.slug, since: first.since } : null;
      }
      out.push(row);
    }
  }
  return out;
}

/** The proprietary score that first reached `score`, counting only what counted by `asOf`. */
function firstToReach(scores: DatedScore[], score: number, asOf: Date): DatedScore | null {
  let first: DatedScore | null = null;
  for (const s of scores) {
    if (s.model.openWeights || s.score < score || s.since.getTime() > asOf.getTime()) continue;
    const earlier = !first || s.since.getTime() < first.since.getTime() || (s.since.getTime() === first.since.getTime() && s.model.slug < first.model.slug);
    if (earlier) first = s;
  }
  return first;
}

export interface PriceAtParity {
  date: Date;
  benchmark: string;
  threshold: number;
  open: CheapestPoint | null;
  proprietary: CheapestPoint | null;
  /** proprietary ÷ open blended price: how many times more the cheapest proprietary option costs */
  proprietaryOverOpen: number | null;
}

/**
 * Price at parity on a date: the cheapest open and the cheapest proprietary blended reference price
 * among models whose best score (counted by that date) is at or above the threshold.
 */
export function priceAtParity(
  models: GapModel[],
  results: ScoreResult[],
  benchmark: string,
  threshold: number,
  date: Date,
  options: { mix?: BlendMix; basis?: DateBasis } = {},
): PriceAtParity {
  const basis = options.basis ?? "release";
  const scores = datedScores(new Map(models.map((m) => [m.slug, m])), results, benchmark, basis);
  const bestByModel = new Map<string, CapabilityModel>();
  for (const s of scores) {
    if (s.since.getTime() > date.getTime()) continue;
    const cur = bestByModel.get(s.model.slug);
    if (cur && cur.score >= s.score) continue;
    const m = s.model;
    bestByModel.set(m.slug, { slug: m.slug, name: m.name, labSlug: m.labSlug, openWeights: m.openWeights, releasedOn: m.releasedOn, score: s.score, prices: m.prices ?? [] });
  }
  const candidates = [...bestByModel.values()];
  const cheapest = (openWeights: boolean) =>
    cheapestAtCapability(candidates.filter((m) => m.openWeights === openWeights), threshold, [date], options.mix ?? DEFAULT_MIX)[0] ?? null;
  const open = cheapest(true);
  const proprietary = cheapest(false);
  const proprietaryOverOpen = open && proprietary && open.price > 0 ? proprietary.price / open.price : null;
  return { date, benchmark, threshold, open, proprietary, proprietaryOverOpen };
}
