/**
 * The frontier on a date (ARCHITECTURE.md, "Analytics"): the models available that day, their
 * blended reference price and capability, and the Pareto set.
 *
 * - Available: released on or before the date and with a reference price valid that day (under the
 *   chosen reference-price mode, see price-at-capability.ts). A model without a capability value
 *   (no score on the chosen benchmark or index) cannot be placed and is listed in `unscored`.
 * - Capability is higher-is-better: a benchmark score or a capability-index value.
 * - Dominance: B dominates A when B is no more expensive and at least as capable, and strictly
 *   better on one of the two. The Pareto set is every available model no other one dominates.
 * - Ties: two models with exactly the same price and capability do not dominate each other, so
 *   both are on the frontier. Output order is fixed: price ascending, then capability descending,
 *   then slug, so equal inputs always give equal outputs.
 */
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "./blended-price";
import { referencePriceInMode, type ReferencePriceMode } from "./price-at-capability";
import type { PriceWindow, ReferencePrice } from "./reference-price";
import type { AnalyticsModel } from "./model";

export interface FrontierModel extends AnalyticsModel {
  /** score on the chosen benchmark, or capability-index value; null when unknown */
  capability: number | null;
  prices: PriceWindow[];
}

export interface FrontierEntry extends AnalyticsModel {
  /** blended reference price, USD per 1M tokens */
  price: number;
  capability: number;
  basis: ReferencePrice["basis"];
  onFrontier: boolean;
}

export interface Frontier {
  date: Date;
  /** every available model with a capability, in the fixed order */
  available: FrontierEntry[];
  /** the Pareto set, in the same order (price ascending, so capability ascending too) */
  pareto: FrontierEntry[];
  /** slugs of available models without a capability value */
  unscored: string[];
}

export interface FrontierOptions {
  mix?: BlendMix;
  mode?: ReferencePriceMode;
}

/** True when b dominates a: no more expensive, at least as capable, strictly better on one. */
export function dominates(b: { price: number; capability: number }, a: { price: number; capability: number }): boolean {
  return b.price <= a.price && b.capability >= a.capability && (b.price < a.price || b.capability > a.capability);
}

export function frontierOn(models: readonly FrontierModel[], date: Date, options: FrontierOptions = {}): Frontier {
  const { mix = DEFAULT_MIX, mode = "reference" } = options;
  const priced: PricedModel[] = [];
  for (const m of models) {
    if (m.releasedOn.getTime() > date.getTime()) continue;
    const ref = referencePriceInMode(m.prices, date, mode);
    if (ref) priced.push({ ...m, input: ref.input, output: ref.output, basis: ref.basis });
  }
  return frontierOfPriced(priced, date, mix);
}

/** A model available on the date with its reference price that day. */
export interface PricedModel extends AnalyticsModel {
  capability: number | null;
  input: number;
  output: number;
  basis: ReferencePrice["basis"];
}

/**
 * frontierOn's last steps, given the models available on the date with their reference prices (as
 * a read of the precomputed segments has them): blend, set the unscored apart, the Pareto set.
 */
export function frontierOfPriced(models: readonly PricedModel[], date: Date, mix: BlendMix = DEFAULT_MIX): Frontier {
  const available: FrontierEntry[] = [];
  const unscored: string[] = [];
  for (const m of models) {
    if (m.capability === null || !Number.isFinite(m.capability)) {
      unscored.push(m.slug);
      continue;
    }
    const { slug, name, labSlug, openWeights, reasoning, releasedOn, capability } = m;
    available.push({ slug, name, labSlug, openWeights, reasoning, releasedOn, price: blendedPrice(m, mix), capability, basis: m.basis, onFrontier: false });
  }
  return frontierOfEntries(available, unscored, date);
}

/** The last step, given the entries (made for it: they are sorted and flagged in place) and the unscored slugs. */
export function frontierOfEntries(available: FrontierEntry[], unscored: string[], date: Date): Frontier {
  return { date, ...paretoAmong(available, false), unscored: unscored.sort() };
}

const byFixedOrder = (a: FrontierEntry, b: FrontierEntry) => a.price - b.price || b.capability - a.capability || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/**
 * The Pareto set among entries, in the fixed order: frontierOn's last step, and "the frontier among
 * open models" when given a filtered subset (the answer a frontier over only those models gives).
 */
export function paretoAmong<E extends FrontierEntry>(entries: readonly E[], copy = true): { available: E[]; pareto: E[] } {
  // the entries are not changed, unless the caller made them for this (copy false)
  const available = (copy ? entries.map((e) => ({ ...e, onFrontier: false })) : [...entries]).sort(byFixedOrder);
  // One sweep in price order. Within a group of equal price only the most capable can be on the
  // frontier (the group's best dominates the rest), and only if it beats everything strictly cheaper.
  let bestCheaper = -Infinity;
  for (let i = 0; i < available.length; ) {
    let j = i;
    while (j < available.length && available[j]!.price === available[i]!.price) j++;
    const groupBest = available[i]!.capability; // sorted by capability descending within the price
    if (groupBest > bestCheaper) {
      for (let k = i; k < j && available[k]!.capability === groupBest; k++) available[k]!.onFrontier = true;
      bestCheaper = groupBest;
    }
    i = j;
  }
  return { available, pareto: available.filter((e) => e.onFrontier) };
}
