/**
 * Price at constant capability: the walk-and-fit method of ARCHITECTURE.md ("Analytics"), after
 * Epoch AI (2025), "LLM inference prices have fallen rapidly but unequally across tasks".
 *
 * Exact definition (priceAtCapability):
 * 1. Threshold: a score on the chosen benchmark, or the score of a named model on it.
 * 2. Qualifying models: score present and ≥ threshold; reasoning models only when
 *    includeReasoning is set (default false).
 * 3. Observations, per qualifying model: its blended price (mix, default 3:1) under the chosen
 *    reference-price mode on the first day it has one on or after release ("release"), then one new
 *    observation on every later day its blended price changes ("price-change": a price cut after
 *    release counts again, on the day of the cut). Candidate days are the release date and every
 *    validFrom / validTo of its price windows; a day whose price equals the model's last observation
 *    adds nothing, and a zero price is skipped (it has no logarithm). Only observations dated
 *    within the window [from, to] (inclusive) count.
 * 4. Walk: in date order (same date: cheaper first, then slug), keep an observation when it is
 *    strictly cheaper than every observation kept before it. Of several on one date only the
 *    cheapest can be kept, so kept dates are distinct and kept prices strictly fall.
 * 5. Fit: ordinary least squares of log10(price) on the date in years of 365 days since 1970-01-01,
 *    so the slope is log10 per year and decline factor per year = 10^(−slope), the same as
 *    ARCHITECTURE's 10^(−slope per day × 365). 90% CI: slope ± t(0.95, n − 2) × SE(slope), mapped
 *    through 10^(−·) (the upper slope bound gives the lower factor). Fewer than 4 kept points: no
 *    fit, only a reason.
 *
 * Reference-price modes: "reference" = referencePriceOn (first-party list price, else the median
 * across providers); "first-party" = first-party rows only (no price when the lab does not sell
 * it); "median" = the median across all providers, the lab counted as one of them.
 */
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "./blended-price";
import { isValidOn, referencePriceAmong, type PriceWindow, type ReferencePrice } from "./reference-price";
import { ols, slopeConfidenceInterval } from "./stats";
import type { AnalyticsModel } from "./model";

export type ReferencePriceMode = "reference" | "first-party" | "median";

export interface PriceTrendModel extends AnalyticsModel {
  /** score on the chosen benchmark; null when the model has none */
  score: number | null;
  prices: PriceWindow[];
}

/** A score, or "the score of model M" (slug). */
export type CapabilityThreshold = { score: number } | { model: string };

export interface PriceTrendOptions {
  threshold: CapabilityThreshold;
  window: { from: Date; to: Date };
  mix?: BlendMix;
  mode?: ReferencePriceMode;
  includeReasoning?: boolean;
}

export interface PriceObservation {
  model: string;
  modelName: string;
  date: Date;
  /** blended price, USD per 1M tokens */
  price: number;
  score: number;
  kind: "release" | "price-change";
  basis: ReferencePrice["basis"];
}

export interface PriceTrendFit {
  /** log10(price) per year */
  slope: number;
  /** log10(price) at 1970-01-01 on the fitted line */
  intercept: number;
  r2: number;
  slopeStdError: number;
  /** the price falls by this factor per year (10^(−slope)) */
  factorPerYear: number;
  ci90: { low: number; high: number };
  /** the fitted line at the first and last kept dates */
  line: [{ date: Date; price: number }, { date: Date; price: number }];
}

export interface PriceTrend {
  /** the resolved threshold score; null when it could not be resolved */
  threshold: number | null;
  thresholdModel: string | null;
  window: { from: Date; to: Date };
  /** number of kept points */
  n: number;
  /** the kept points, in date order */
  points: PriceObservation[];
  fit: PriceTrendFit | null;
  /** why there is no fit; null when there is one */
  reason: string | null;
}

export const MIN_TREND_POINTS = 4;
const YEAR_MS = 365 * 86_400_000;

/** The reference price of a model on a date under a mode (see the top comment). */
export function referencePriceInMode(windows: readonly PriceWindow[], date: Date, mode: ReferencePriceMode = "reference"): ReferencePrice | null {
  return referencePriceAmongInMode(windows.filter((w) => w.tier === "standard" && isValidOn(w, date)), mode);
}

/** referencePriceInMode given the standard-tier windows valid on the day. */
export function referencePriceAmongInMode(valid: readonly PriceWindow[], mode: ReferencePriceMode = "reference"): ReferencePrice | null {
  if (mode === "first-party") return referencePriceAmong(valid.filter((w) => w.firstParty));
  if (mode === "median") return referencePriceAmong(valid.map((w) => ({ ...w, firstParty: false })));
  return referencePriceAmong(valid);
}

/** Release and price-change observations of one model, in date order (step 3; no window filter). */
export function priceObservations(model: PriceTrendModel & { score: number }, mix: BlendMix = DEFAULT_MIX, mode: ReferencePriceMode = "reference"): PriceObservation[] {
  const release = model.releasedOn.getTime();
  const days = new Set<number>([release]);
  for (const w of model.prices) {
    for (const t of [w.validFrom.getTime(), w.validTo?.getTime()]) if (t !== undefined && t > release) days.add(t);
  }
  const out: PriceObservation[] = [];
  for (const t of [...days].sort((a, b) => a - b)) {
    const date = new Date(t);
    const ref = referencePriceInMode(model.prices, date, mode);
    if (!ref) continue;
    const price = blendedPrice(ref, mix);
    if (!(price > 0)) continue; // a zero price has no logarithm; free tiers are not reference prices anyway
    if (out.length && out[out.length - 1]!.price === price) continue;
    out.push({ model: model.slug, modelName: model.name, date, price, score: model.score, kind: out.length ? "price-change" : "release", basis: ref.basis });
  }
  return out;
}

/** Step 4: the running minimum of price in date order, one point per date. */
export function walkCheapest(observations: readonly PriceObservation[]): PriceObservation[] {
  const ordered = [...observations].sort((a, b) => a.date.getTime() - b.date.getTime() || a.price - b.price || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  const kept: PriceObservation[] = [];
  for (const o of ordered) if (!kept.length || o.price < kept[kept.length - 1]!.price) kept.push(o);
  return kept;
}

export function priceAtCapability(models: readonly PriceTrendModel[], options: PriceTrendOptions): PriceTrend {
  const { window, mix = DEFAULT_MIX, mode = "reference", includeReasoning = false } = options;
  const thresholdModel = "model" in options.threshold ? options.threshold.model : null;
  const empty = (threshold: number | null, reason: string): PriceTrend => ({ threshold, thresholdModel, window, n: 0, points: [], fit: null, reason });
  if (window.from.getTime() > window.to.getTime()) return empty(null, "the window starts after it ends");

  let threshold: number;
  if ("score" in options.threshold) {
    threshold = options.threshold.score;
  } else {
    const ref = models.find((m) => m.slug === thresholdModel);
    if (!ref) return empty(null, `threshold model ${thresholdModel} is not among the models`);
    if (ref.score === null) return empty(null, `threshold model ${thresholdModel} has no score on this benchmark`);
    threshold = ref.score;
  }

  const observations: PriceObservation[] = [];
  for (const m of models) {
    if (m.score === null || m.score < threshold || (m.reasoning && !includeReasoning)) continue;
    for (const o of priceObservations({ ...m, score: m.score }, mix, mode)) {
      if (o.date.getTime() >= window.from.getTime() && o.date.getTime() <= window.to.getTime()) observations.push(o);
    }
  }
  return trendFromObservations(observations, { threshold, thresholdModel, window });
}

/**
 * Steps 4 and 5 on the window's observations of the qualifying models. Any superset of the
 * observations the walk keeps gives the same answer, so a query may pass only the candidates that
 * are cheaper than everything dated before them (lib/queries/analytics.ts does).
 */
export function trendFromObservations(observations: readonly PriceObservation[], base: { threshold: number; thresholdModel: string | null; window: { from: Date; to: Date } }): PriceTrend {
  const { threshold, thresholdModel, window } = base;
  const points = walkCheapest(observations);
  const head = { threshold, thresholdModel, window, n: points.length, points };
  if (points.length < MIN_TREND_POINTS) {
    return { ...head, fit: null, reason: `${points.length} point${points.length === 1 ? "" : "s"} at or above the threshold in the window; a trend needs at least ${MIN_TREND_POINTS}` };
  }

  const xs = points.map((p) => p.date.getTime() / YEAR_MS);
  const f = ols(xs, points.map((p) => Math.log10(p.price)));
  const ci = slopeConfidenceInterval(f, 0.9);
  const at = (date: Date) => ({ date, price: 10 ** (f.intercept + f.slope * (date.getTime() / YEAR_MS)) });
  return {
    ...head,
    fit: {
      slope: f.slope,
      intercept: f.intercept,
      r2: f.r2,
      slopeStdError: f.slopeStdError,
      factorPerYear: 10 ** -f.slope,
      ci90: { low: 10 ** -ci.high, high: 10 ** -ci.low },
      line: [at(points[0]!.date), at(points[points.length - 1]!.date)],
    },
    reason: null,
  };
}
