/**
 * Movements in a time window [from, to) (ARCHITECTURE.md, "Analytics"): price changes, new
 * releases, new leaders and threshold crossings. The weekly digest and the dashboard read these;
 * every item carries a `kind` so the four lists can be merged (see `all`).
 *
 * An event at exactly `from` is in the window, one at exactly `to` is not, so consecutive windows
 * never report an event twice or lose one.
 */
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "./blended-price";
import { scoreAvailableFrom, type DateBasis, type ScoreResult } from "./open-gap";
import type { OfferingPrice } from "./provider-spread";
import { referencePriceSegments } from "./price-segments";
import { referencePriceOn, type PriceWindow } from "./reference-price";
import type { AnalyticsModel } from "./model";

export type MovementModel = AnalyticsModel;

export interface MovementOffering {
  model: string;
  providerSlug: string;
  /** the provider belongs to the model's lab */
  firstParty: boolean;
  quantization?: string;
  /** current rows only (a superseded correction is not a price change) */
  prices: OfferingPrice[];
}

/**
 * The crossings the product watches (precomputed after each ingest; other rules are computed on
 * request): GPQA Diamond ≥ 60 under $1, GPT-4-level MMLU (86.4) under $1, and GPT-3.5-level MMLU
 * (64.8, Epoch AI's threshold) under $0.10 per 1M blended tokens.
 */
export const STANDARD_CROSSING_RULES: readonly CrossingRule[] = [
  { benchmark: "gpqa-diamond", minScore: 60, maxPrice: 1 },
  { benchmark: "mmlu", minScore: 86.4, maxPrice: 1 },
  { benchmark: "mmlu", minScore: 64.8, maxPrice: 0.1 },
];

/** "first model under $maxPrice per 1M tokens (blended) with a score ≥ minScore on benchmark" */
export interface CrossingRule {
  benchmark: string;
  minScore: number;
  maxPrice: number;
}

export interface PriceLevel {
  input: number;
  output: number;
  blended: number;
}

export interface PriceChange {
  kind: "price-change";
  date: Date;
  model: string;
  modelName: string;
  provider: string;
  quantization: string;
  before: PriceLevel;
  after: PriceLevel;
  /** (after − before) / before × 100 on the blended price; negative for a cut; null if before was 0 */
  percentChange: number | null;
}

export interface Release {
  kind: "release";
  date: Date;
  model: string;
  modelName: string;
  lab: string;
  openWeights: boolean;
  reasoning: boolean;
}

export interface NewLeader {
  kind: "new-leader";
  date: Date;
  benchmark: string;
  model: string;
  modelName: string;
  score: number;
  /** null when this is the first score on the benchmark */
  previous: { model: string; modelName: string; score: number } | null;
}

export interface ThresholdCrossing {
  kind: "threshold-crossing";
  date: Date;
  rule: CrossingRule;
  model: string;
  modelName: string;
  score: number;
  /** blended reference price on the date */
  price: number;
}

export type Movement = Release | PriceChange | NewLeader | ThresholdCrossing;

export interface Movements {
  from: Date;
  to: Date;
  /** each list sorted by date, then by its natural key */
  priceChanges: PriceChange[];
  releases: Release[];
  newLeaders: NewLeader[];
  crossings: ThresholdCrossing[];
  /** all four merged: by date, then kind (release, price change, new leader, crossing), then model */
  all: Movement[];
}

export interface MovementsInput {
  models: MovementModel[];
  offerings: MovementOffering[];
  results: ScoreResult[];
  rules?: CrossingRule[];
}

export interface MovementsOptions {
  from: Date;
  to: Date;
  mix?: BlendMix;
  /**
   * default "measured": a score counts from max(release, measured date), so a model benchmarked
   * this week leads or crosses a threshold this week, not back at its release where no digest would
   * see it; "release" answers "as we know the scores today"
   */
  basis?: DateBasis;
}

const ms = (d: Date) => d.getTime();
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER: Record<Movement["kind"], number> = { release: 0, "price-change": 1, "new-leader": 2, "threshold-crossing": 3 };

export function listMovements(input: MovementsInput, options: MovementsOptions): Movements {
  const { from, to } = options;
  if (ms(to) < ms(from)) throw new RangeError("a movements window ends before it starts");
  const mix = options.mix ?? DEFAULT_MIX;
  const basis = options.basis ?? "measured";
  const inWindow = (d: Date) => ms(from) <= ms(d) && ms(d) < ms(to);
  const models = new Map(input.models.map((m) => [m.slug, m]));

  const priceChanges = input.offerings.flatMap((o) => offeringChanges(o, models.get(o.model)?.name ?? o.model, mix)).filter((c) => inWindow(c.date));

  const releases: Release[] = input.models
    .filter((m) => inWindow(m.releasedOn))
    .map((m) => ({ kind: "release" as const, date: m.releasedOn, model: m.slug, modelName: m.name, lab: m.labSlug, openWeights: m.openWeights, reasoning: m.reasoning }));

  const dated = datedResults(input.results, models, basis);
  const newLeaders = leaderChanges(dated, models).filter((l) => inWindow(l.date));

  const pricesByModel = new Map<string, PriceWindow[]>();
  for (const o of input.offerings) {
    const list = pricesByModel.get(o.model) ?? [];
    for (const p of o.prices) list.push({ ...p, providerSlug: o.providerSlug, firstParty: o.firstParty });
    pricesByModel.set(o.model, list);
  }
  const crossings = (input.rules ?? [])
    .map((rule) => firstCrossing(rule, dated, models, pricesByModel, mix))
    .filter((c): c is ThresholdCrossing => c !== null && inWindow(c.date));

  return assembleMovements(from, to, { priceChanges, releases, newLeaders, crossings });
}

/**
 * The Movements of a window from its four lists (each already restricted to the window): sorts
 * each list and merges them into `all`. Shared by listMovements and the precomputed reads.
 */
export function assembleMovements(from: Date, to: Date, lists: Pick<Movements, "priceChanges" | "releases" | "newLeaders" | "crossings">): Movements {
  const priceChanges = [...lists.priceChanges].sort((a, b) => ms(a.date) - ms(b.date) || byText(a.model, b.model) || byText(a.provider, b.provider) || byText(a.quantization, b.quantization));
  const releases = [...lists.releases].sort((a, b) => ms(a.date) - ms(b.date) || byText(a.model, b.model));
  const newLeaders = [...lists.newLeaders].sort((a, b) => ms(a.date) - ms(b.date) || byText(a.benchmark, b.benchmark));
  const crossings = [...lists.crossings].sort((a, b) => ms(a.date) - ms(b.date) || byText(a.rule.benchmark, b.rule.benchmark) || a.rule.minScore - b.rule.minScore || a.rule.maxPrice - b.rule.maxPrice);
  const all: Movement[] = [...releases, ...priceChanges, ...newLeaders, ...crossings];
  // by date, kind and model, then each list's own order: the order a cursor resumes (movementKey)
  all.sort((a, b) => compareMovementKeys(movementKey(a), movementKey(b)));
  return { from, to, priceChanges, releases, newLeaders, crossings, all };
}

/**
 * Where a movement sits in `Movements.all`: date, kind, model, then the key that orders it within its
 * own list (provider and quantization of a price change, benchmark of a new leader, the rule of a
 * crossing). Keys are unique within a window, so a position can resume a page (a cursor).
 */
export type MovementKey = readonly [dateMs: number, kind: number, model: string, k1: string, k2: string, n1: number, n2: number];

export function movementKey(m: Movement): MovementKey {
  switch (m.kind) {
    case "release":
      return [ms(m.date), KIND_ORDER[m.kind], m.model, "", "", 0, 0];
    case "price-change":
      return [ms(m.date), KIND_ORDER[m.kind], m.model, m.provider, m.quantization, 0, 0];
    case "new-leader":
      return [ms(m.date), KIND_ORDER[m.kind], m.model, m.benchmark, "", 0, 0];
    case "threshold-crossing":
      return [ms(m.date), KIND_ORDER[m.kind], m.model, m.rule.benchmark, "", m.rule.minScore, m.rule.maxPrice];
  }
}

export function compareMovementKeys(a: MovementKey, b: MovementKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = typeof x === "number" ? x - (y as number) : byText(x, y as string);
    if (c !== 0) return c;
  }
  return 0;
}

export const MOVEMENT_KINDS = Object.keys(KIND_ORDER) as Movement["kind"][];
/** a kind's place in the order of movements (analytics_events.kind_order) */
export const kindOrderOf = (k: Movement["kind"]): number => KIND_ORDER[k];

export interface MovementPageOptions {
  /** only these kinds (default: all four) */
  kinds?: readonly Movement["kind"][];
  limit: number;
  /** resume after this position (exclusive), in the page's direction */
  after?: MovementKey | null;
  /** newest first */
  descending?: boolean;
}

/**
 * One page of `Movements.all`: the items of the asked kinds after a position, in either direction,
 * and whether more follow. The precomputed read does the same in SQL; this is its reference.
 */
export function pageMovements(all: readonly Movement[], o: MovementPageOptions): { items: Movement[]; more: boolean } {
  const kinds = new Set(o.kinds ?? MOVEMENT_KINDS);
  const sign = o.descending ? -1 : 1;
  const ordered = all.filter((m) => kinds.has(m.kind) && (!o.after || sign * compareMovementKeys(movementKey(m), o.after) > 0));
  if (o.descending) ordered.reverse();
  return { items: ordered.slice(0, o.limit), more: ordered.length > o.limit };
}

/** The price change of one offering, with its blended levels under a mix. */
export function priceChangeOf(e: { date: Date; model: string; modelName: string; provider: string; quantization: string; before: { input: number; output: number }; after: { input: number; output: number } }, mix: BlendMix = DEFAULT_MIX): PriceChange {
  const b = level(e.before, mix);
  const a = level(e.after, mix);
  return { kind: "price-change", date: e.date, model: e.model, modelName: e.modelName, provider: e.provider, quantization: e.quantization, before: b, after: a, percentChange: b.blended === 0 ? null : ((a.blended - b.blended) / b.blended) * 100 };
}

function level(ref: { input: number; output: number }, mix: BlendMix): PriceLevel {
  return { input: ref.input, output: ref.output, blended: blendedPrice(ref, mix) };
}

/**
 * Every instant a row of the offering starts or ends, compared with the instant just before it
 * (windows are half-open, so 1 ms earlier is still the old price). A first listing or a delisting
 * is not a change; a change of input or output price is, even if the blend happens not to move.
 * Computed from the offering's price steps (referencePriceSegments): the same comparison at the
 * only instants where the price can change, in one pass.
 */
export function offeringChanges(o: MovementOffering, modelName: string, mix: BlendMix): PriceChange[] {
  const windows: PriceWindow[] = o.prices.map((p) => ({ ...p, providerSlug: o.providerSlug, firstParty: o.firstParty }));
  // the offering's price as a step function: a change is two touching steps with different prices
  const steps = referencePriceSegments(windows, "reference");
  const out: PriceChange[] = [];
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1]!;
    const after = steps[i]!;
    if (before.validTo?.getTime() !== after.validFrom.getTime() || (before.input === after.input && before.output === after.output)) continue;
    out.push(priceChangeOf({ date: after.validFrom, model: o.model, modelName, provider: o.providerSlug, quantization: o.quantization ?? "", before, after }, mix));
  }
  return out;
}

interface DatedResult {
  model: string;
  benchmark: string;
  score: number;
  since: Date;
}

/** Every new leader ever, per benchmark, in time order (no window). */
export function listLeaderChanges(models: readonly MovementModel[], results: ScoreResult[], basis: DateBasis = "measured"): NewLeader[] {
  const bySlug = new Map(models.map((m) => [m.slug, m]));
  return leaderChanges(datedResults(results, bySlug, basis), bySlug);
}

/** The first crossing ever of a rule (no window); null when no model has crossed it. */
export function findFirstCrossing(
  rule: CrossingRule, models: readonly MovementModel[], results: ScoreResult[], pricesByModel: Map<string, PriceWindow[]>, options: { mix?: BlendMix; basis?: DateBasis } = {},
): ThresholdCrossing | null {
  const bySlug = new Map(models.map((m) => [m.slug, m]));
  return firstCrossing(rule, datedResults(results, bySlug, options.basis ?? "measured"), bySlug, pricesByModel, options.mix ?? DEFAULT_MIX);
}

function datedResults(results: ScoreResult[], models: Map<string, MovementModel>, basis: DateBasis): DatedResult[] {
  const out: DatedResult[] = [];
  for (const r of results) {
    const m = models.get(r.model);
    if (!m || !Number.isFinite(r.score)) continue; // no release date, no timeline
    out.push({ model: r.model, benchmark: r.benchmark, score: r.score, since: scoreAvailableFrom(m.releasedOn, r.measuredOn, basis) });
  }
  return out.sort((a, b) => ms(a.since) - ms(b.since));
}

/**
 * Walk each benchmark's scores in time order; a model becomes the leader when its score is strictly
 * above the current leader's (a tie does not dethrone). Of several scores counting from the same
 * instant only the best is compared (ties by slug), so one day yields at most one new leader. A
 * leader improving its own score is not a new leader.
 */
function leaderChanges(dated: DatedResult[], models: Map<string, MovementModel>): NewLeader[] {
  const byBenchmark = new Map<string, DatedResult[]>();
  for (const r of dated) {
    const list = byBenchmark.get(r.benchmark);
    if (list) list.push(r);
    else byBenchmark.set(r.benchmark, [r]);
  }
  const name = (slug: string) => models.get(slug)?.name ?? slug;
  const out: NewLeader[] = [];
  for (const [benchmark, rs] of byBenchmark) {
    let leader: DatedResult | null = null;
    for (let i = 0; i < rs.length; ) {
      let top = rs[i]!;
      let j = i;
      for (; j < rs.length && ms(rs[j]!.since) === ms(rs[i]!.since); j++) {
        const r = rs[j]!;
        if (r.score > top.score || (r.score === top.score && r.model < top.model)) top = r;
      }
      i = j;
      if (leader && top.score <= leader.score) continue;
      if (!leader || top.model !== leader.model) {
        out.push({
          kind: "new-leader", date: top.since, benchmark, model: top.model, modelName: name(top.model), score: top.score,
          previous: leader ? { model: leader.model, modelName: name(leader.model), score: leader.score } : null,
        });
      }
      leader = top;
    }
  }
  return out;
}

/**
 * The first instant ever at which some model has a score ≥ minScore (counted by then) and a
 * blended reference price strictly under maxPrice. The reference price only changes where a price
 * row starts or ends, so those instants (and the score's own) are the only ones to test. A crossing
 * is reported in the window where it first happens; a model that re-enters the zone later (after a
 * price rise and a cut) is not a new crossing. Ties: the cheaper model, then the slug.
 */
function firstCrossing(
  rule: CrossingRule,
  dated: DatedResult[],
  models: Map<string, MovementModel>,
  pricesByModel: Map<string, PriceWindow[]>,
  mix: BlendMix,
): ThresholdCrossing | null {
  const qualifiedSince = new Map<string, Date>();
  for (const r of dated) {
    if (r.benchmark !== rule.benchmark || r.score < rule.minScore) continue;
    const cur = qualifiedSince.get(r.model);
    if (!cur || ms(r.since) < ms(cur)) qualifiedSince.set(r.model, r.since);
  }
  let best: ThresholdCrossing | null = null;
  for (const [model, since] of qualifiedSince) {
    const windows = pricesByModel.get(model) ?? [];
    const instants = new Set<number>([ms(since)]);
    for (const w of windows) {
      if (ms(w.validFrom) > ms(since)) instants.add(ms(w.validFrom));
      if (w.validTo && ms(w.validTo) > ms(since)) instants.add(ms(w.validTo));
    }
    for (const t of [...instants].sort((a, b) => a - b)) {
      if (best && t > ms(best.date)) break;
      const ref = referencePriceOn(windows, new Date(t));
      if (!ref) continue;
      const price = blendedPrice(ref, mix);
      if (!(price < rule.maxPrice)) continue;
      const earlier = !best || t < ms(best.date) || price < best.price || (price === best.price && model < best.model);
      if (earlier) {
        const date = new Date(t);
        const score = Math.max(...dated.filter((r) => r.model === model && r.benchmark === rule.benchmark && ms(r.since) <= t).map((r) => r.score));
        best = { kind: "threshold-crossing", date, rule, model, modelName: models.get(model)?.name ?? model, score, price };
      }
      break;
    }
  }
  return best;
}
