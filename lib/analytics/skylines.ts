/**
 * Skylines: for reads that pick a minimum price among the models above a threshold, the subset of
 * points that can ever be picked, whatever the threshold and the blend mix. Precomputed after each
 * ingest (lib/precompute/skylines.ts), they let the cheapest-price series read a few dozen points a
 * month instead of every model priced in it, and price at constant capability read only the
 * observations no earlier one inside its window rules out.
 *
 * Why a subset suffices. The blend (lib/analytics/blended-price.ts) has weights ≥ 0, not both 0, and
 * is computed with operations that round monotonically, so a point no dearer in input and in output
 * is no dearer blended under every mix. A point that another one dominates — at least as capable
 * (so it qualifies whenever the dominated one does), no dearer in both prices, and winning the tie
 * — is never the answer, and dropping it changes nothing:
 *
 * - `cheapestSkyline` (models priced at one instant; cheapestAtCapability): A dominates B when
 *   score(A) ≥ score(B), input(A) ≤ input(B), output(A) ≤ output(B), and either A wins the tie
 *   (earlier release, then slug) or A is cheaper in both prices by more than any rounding
 *   (`STRICTLY_CHEAPER`, so cheaper under every mix, no tie). A strict partial order: the pick
 *   among the qualifying points is never dominated, so it is in the skyline.
 * - `walkCandidates` (observations; the walk of price-at-capability.ts keeps an observation only
 *   when it is strictly cheaper than every one dated before it in the window): P dominates O when P
 *   is dated strictly earlier, score(P) ≥ score(O), P is no reasoning model unless O is one,
 *   input(P) ≤ input(O), output(P) ≤ output(O), and P is an observation under every mix (`sure`:
 *   positive prices, and not a repeat of its model's previous price under any mix). When P is in
 *   the window, O is never kept; so a window needs only the observations with no dominator dated
 *   in it. The first days of a window that starts inside a month are read whole
 *   (lib/queries/analytics.ts).
 */
import { blendedPrice, type BlendMix } from "./blended-price";
import type { PriceSegment } from "./price-segments";
import type { PriceObservation } from "./price-at-capability";

/** Relative margin above every rounding of a blend: cheaper by more than this is cheaper under any mix. */
export const STRICTLY_CHEAPER = 1e-12;

const cheaperInBoth = (a: { input: number; output: number }, b: { input: number; output: number }) =>
  a.input * (1 + STRICTLY_CHEAPER) < b.input && a.output * (1 + STRICTLY_CHEAPER) < b.output;

export interface SkylineModel {
  score: number;
  input: number;
  output: number;
  releasedOn: Date;
  slug: string;
}

/** the tie order of cheapestAtCapability: earlier release, then slug */
const beforeInTies = (a: SkylineModel, b: SkylineModel) => a.releasedOn.getTime() < b.releasedOn.getTime() || (a.releasedOn.getTime() === b.releasedOn.getTime() && a.slug < b.slug);

export function dominatesAtInstant(a: SkylineModel, b: SkylineModel): boolean {
  return a.score >= b.score && a.input <= b.input && a.output <= b.output && (beforeInTies(a, b) || cheaperInBoth(a, b));
}

/**
 * The models priced at one instant that no other one dominates (see the top comment), in score
 * order. Every dominator of a point sorts before it (score descending, then input, output and the
 * tie order ascending), so one pass against the skyline so far decides each point.
 */
export function cheapestSkyline<M extends SkylineModel>(models: readonly M[]): M[] {
  const order = [...models].sort((a, b) => b.score - a.score || a.input - b.input || a.output - b.output || (beforeInTies(a, b) ? -1 : beforeInTies(b, a) ? 1 : 0));
  const kept: M[] = [];
  for (const m of order) if (!kept.some((k) => dominatesAtInstant(k, m))) kept.push(m);
  return kept;
}

/**
 * The cheapest blended price among the points at or above the threshold, ties by earlier release,
 * then slug: cheapestAtCapability's pick on one date.
 */
export function pickCheapest<M extends SkylineModel>(models: readonly M[], threshold: number, mix: BlendMix): (M & { price: number }) | null {
  let best: (M & { price: number }) | null = null;
  for (const m of models) {
    if (!(m.score >= threshold)) continue;
    const price = blendedPrice(m, mix);
    if (!best || price < best.price || (price === best.price && beforeInTies(m, best))) best = { ...m, price };
  }
  return best;
}

/**
 * One stored observation of a model's reference price (price-at-capability.ts, step 3), in terms
 * that do not depend on the mix: its prices and the model's previous observed prices, so a reader
 * drops it when, under its mix, it repeats the previous blended price.
 */
export interface StoredObservation {
  at: Date;
  input: number;
  output: number;
  basis: PriceSegment["basis"];
  /** the model's first observation: "release" */
  first: boolean;
  prevInput: number | null;
  prevOutput: number | null;
  /** an observation under every mix (see walkSkyline) */
  sure: boolean;
}

/**
 * A model's observations from its reference-price segments, as priceObservations builds them: each
 * segment still valid after the release is observed on its first day (or the release, if later).
 * `regular` when every price is positive in both parts: then which observations exist, their order
 * and their previous prices do not depend on the mix, except that one may repeat the previous
 * blended price (the reader checks). An exact repeat of the previous prices is dropped here. A model
 * that is not regular (a zero part) is stored with `regular` false and read from its segments.
 */
export function observationsOfSegments(segments: readonly Pick<PriceSegment, "validFrom" | "validTo" | "input" | "output" | "basis">[], releasedOn: Date): { regular: boolean; observations: StoredObservation[] } {
  const released = releasedOn.getTime();
  const ordered = [...segments].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime()).filter((s) => s.validTo === null || s.validTo.getTime() > released);
  const regular = ordered.every((s) => s.input > 0 && s.output > 0);
  const observations: StoredObservation[] = [];
  let prev: { input: number; output: number } | null = null;
  for (const s of ordered) {
    if (prev && prev.input === s.input && prev.output === s.output) continue;
    const sure = !prev || (s.input < prev.input && s.output < prev.output) || (s.input > prev.input && s.output > prev.output);
    observations.push({
      at: new Date(Math.max(s.validFrom.getTime(), released)), input: s.input, output: s.output, basis: s.basis, first: prev === null,
      prevInput: prev?.input ?? null, prevOutput: prev?.output ?? null, sure: regular && sure,
    });
    prev = s;
  }
  return { regular, observations };
}

export interface WalkPoint {
  at: Date;
  score: number;
  reasoning: boolean;
  input: number;
  output: number;
  sure: boolean;
}

export function dominatesInWalk(p: WalkPoint, o: WalkPoint): boolean {
  return p.sure && p.at.getTime() < o.at.getTime() && p.score >= o.score && (!p.reasoning || o.reasoning) && p.input <= o.input && p.output <= o.output;
}

/** How far back walkCandidates looks for the latest dominator before its month: this many sure candidates. */
export const WALK_LOOKBACK = 2_000;

export interface WalkCandidate<P> {
  point: P;
  /** an earlier candidate that dominates it, as late as found (see walkCandidates); null: none does */
  dominatedAt: Date | null;
}

/**
 * The walk's candidates among observations (price at constant capability, any threshold, mix and
 * reasoning choice): an observation is a candidate when no observation dated earlier in its own
 * month dominates it (see the top comment). Each carries the date of an earlier candidate that
 * dominates it, or null when none does. A window [from, to] whose first day is a month's first day
 * needs only the candidates dated in it whose dominatedAt is before `from` (or null): any other one
 * has a dominator inside the window, so it is never kept.
 *
 * Dominators are searched among candidates only (a dominated observation's dominator dominates too,
 * dated earlier): newest first, every one of the month and the `lookback` latest before it; beyond
 * that, among the candidates no other one dominates (the skyline so far), whose latest dominating
 * one is the date given — earlier than or equal to the latest dominator, so a reader may read more,
 * never less. Null is exact: nothing earlier dominates it.
 *
 * To continue a series from a month on: `earlier`, the `lookback` latest sure candidates before that
 * month, and `undominated`, every sure candidate before it whose dominatedAt is null (the skyline so
 * far is theirs), both oldest first. Points in any order; the result in date order.
 */
export function walkCandidates<P extends WalkPoint>(
  points: readonly P[], options: { earlier?: readonly WalkPoint[]; undominated?: readonly WalkPoint[]; lookback?: number } = {},
): WalkCandidate<P>[] {
  const lookback = options.lookback ?? WALK_LOOKBACK;
  const order = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const earlier = options.earlier ?? [];
  const undominated = options.undominated ?? [];
  // the sure candidates so far, column-wise, oldest first
  const cap = earlier.length + undominated.length + order.length;
  const at = new Float64Array(cap), score = new Float64Array(cap), input = new Float64Array(cap), output = new Float64Array(cap);
  const reasoning = new Uint8Array(cap);
  let n = 0;
  const store = (p: WalkPoint) => {
    at[n] = p.at.getTime(); score[n] = p.score; input[n] = p.input; output[n] = p.output; reasoning[n] = p.reasoning ? 1 : 0;
    return n++;
  };
  const beats = (q: number, s: number, inp: number, outp: number, r: number) => score[q]! >= s && input[q]! <= inp && output[q]! <= outp && reasoning[q]! <= r;
  // the skyline so far: sure candidates no other sure candidate dominates (dates aside)
  let skyline: number[] = [];
  const joinSkyline = (q: number) => {
    if (skyline.some((k) => beats(k, score[q]!, input[q]!, output[q]!, reasoning[q]!))) return;
    skyline = skyline.filter((k) => !beats(q, score[k]!, input[k]!, output[k]!, reasoning[k]!));
    skyline.push(q);
  };
  for (const p of undominated) joinSkyline(store(p));
  // the scan looks at these only (the skyline members stored above sit before them, out of its reach)
  const scanFrom = n;
  for (const p of earlier) store(p);
  const out: WalkCandidate<P>[] = [];
  for (let i = 0; i < order.length; ) {
    const day = order[i]!.at.getTime();
    const month = monthOf(order[i]!.at).getTime();
    let j = i;
    while (j < order.length && order[j]!.at.getTime() === day) j++;
    const found: WalkCandidate<P>[] = [];
    for (let k = i; k < j; k++) {
      const o = order[k]!;
      const s = o.score, inp = o.input, outp = o.output, r = o.reasoning ? 1 : 0;
      let dominatedAt: number | null = null;
      // newest first: every candidate of the month, then up to `lookback` before it
      for (let q = n - 1, seen = 0; q >= scanFrom; q--) {
        if (at[q]! < month && ++seen > lookback) break;
        if (beats(q, s, inp, outp, r)) {
          dominatedAt = at[q]!;
          break;
        }
      }
      // further back: dominated by anything at all is dominated by a member of the skyline
      if (dominatedAt === null) for (const q of skyline) if (beats(q, s, inp, outp, r) && (dominatedAt === null || at[q]! > dominatedAt)) dominatedAt = at[q]!;
      if (dominatedAt !== null && dominatedAt >= month) continue; // ruled out within its month
      found.push({ point: o, dominatedAt: dominatedAt === null ? null : new Date(dominatedAt) });
    }
    // a date's candidates dominate only later dates
    for (const c of found) {
      out.push(c);
      if (c.point.sure) joinSkyline(store(c.point));
    }
    i = j;
  }
  return out;
}

/**
 * A stored observation as the walk reads it under a mix: null when it repeats the model's previous
 * blended price (priceObservations would not have made it) or has no positive price.
 */
export function observationUnderMix(
  o: StoredObservation & { model: string; modelName: string; score: number }, mix: BlendMix,
): PriceObservation | null {
  const price = blendedPrice(o, mix);
  if (!(price > 0)) return null;
  if (o.prevInput !== null && o.prevOutput !== null && blendedPrice({ input: o.prevInput, output: o.prevOutput }, mix) === price) return null;
  return { model: o.model, modelName: o.modelName, date: o.at, price, score: o.score, kind: o.first ? "release" : "price-change", basis: o.basis };
}

/** First day of the month of an instant (UTC). */
export function monthOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}
