/**
 * FrontierWatch capability index, version "fw-ci-v1" (ARCHITECTURE.md, "Analytics": normalise each
 * benchmark across models, average where coverage suffices, never splice two versions).
 *
 * Definition of fw-ci-v1:
 * - Benchmarks: CAPABILITY_INDEX_BENCHMARKS below: two knowledge (MMLU, MMLU-Pro), one reasoning
 *   (GPQA Diamond), two math (MATH-500, AIME 2024), one coding (HumanEval); all percent, higher is
 *   better. Left out on purpose: LiveBench (scores only comparable within one release), LMArena Elo
 *   (preference, not task success), the Epoch Capabilities Index (already a composite: counting it
 *   would count its inputs twice), SWE-bench and Aider (the score depends on the agent scaffold
 *   as much as on the model).
 * - A model's score on a benchmark is its best result there (sources and settings differ).
 * - Normalisation: z-score per benchmark, z = (score − mean) / SD (population SD) over every model
 *   passed in that has the benchmark. Why z rather than min-max: min-max lets the two extreme models
 *   set the whole scale, so one outlier (a chance-level toy model, a mis-recorded score) rescales
 *   everyone; the z-score uses the whole spread. A benchmark scored by fewer than
 *   MIN_MODELS_PER_BENCHMARK models, or with no spread, is not normalised and does not count.
 * - Coverage: an index value needs at least MIN_BENCHMARKS_PER_MODEL normalised benchmarks, among
 *   them at least one knowledge and at least one reasoning-or-math benchmark, so that a value never
 *   rests on one kind of skill; otherwise the value is null, with the reason.
 * - Value: the mean of the model's z-scores, i.e. "standard deviations above the average scored
 *   model", unscaled; 0 is the average, not zero capability.
 * Caveats: values are relative to the population passed in (pass the whole catalogue, and compute
 * a series in one call); a benchmark run mostly on recent strong models (AIME, MMLU-Pro) centres on
 * them, which flatters older models scored only on easier benchmarks. Any change to the list, the
 * normalisation or the coverage rule is a new version.
 */

export const CAPABILITY_INDEX_VERSION = "fw-ci-v1";
export type CapabilityIndexVersion = typeof CAPABILITY_INDEX_VERSION;

export type IndexBenchmarkCategory = "knowledge" | "reasoning" | "math" | "coding";

export const CAPABILITY_INDEX_BENCHMARKS: readonly { slug: string; category: IndexBenchmarkCategory }[] = [
  { slug: "mmlu", category: "knowledge" },
  { slug: "mmlu-pro", category: "knowledge" },
  { slug: "gpqa-diamond", category: "reasoning" },
  { slug: "math-500", category: "math" },
  { slug: "aime-2024", category: "math" },
  { slug: "humaneval", category: "coding" },
];

export const MIN_MODELS_PER_BENCHMARK = 5;
export const MIN_BENCHMARKS_PER_MODEL = 3;

export interface IndexScore {
  model: string;
  benchmark: string;
  score: number;
}

export interface CapabilityIndexValue {
  model: string;
  version: CapabilityIndexVersion;
  /** mean z-score; null when coverage does not suffice */
  value: number | null;
  /** the benchmarks averaged (or, without a value, the ones that could have been), in list order */
  benchmarksUsed: string[];
  /** why there is no value; null when there is one */
  reason: string | null;
}

/**
 * The index of every model that appears in `scores` or in `models`, sorted by slug. Scores on
 * benchmarks outside the list, and non-finite scores, are ignored.
 */
export function capabilityIndex(scores: readonly IndexScore[], models: readonly string[] = []): CapabilityIndexValue[] {
  const category = new Map(CAPABILITY_INDEX_BENCHMARKS.map((b) => [b.slug, b.category]));
  // best score per benchmark and model, accumulated in a fixed order so that the same scores give
  // the same values to the last bit whatever order they arrive in
  const ordered = [...scores].sort((a, b) => (a.benchmark < b.benchmark ? -1 : a.benchmark > b.benchmark ? 1 : a.model < b.model ? -1 : a.model > b.model ? 1 : a.score - b.score));
  const best = new Map<string, Map<string, number>>();
  for (const s of ordered) {
    if (!category.has(s.benchmark) || !Number.isFinite(s.score)) continue;
    const perModel = best.get(s.benchmark) ?? new Map<string, number>();
    perModel.set(s.model, Math.max(s.score, perModel.get(s.model) ?? -Infinity));
    best.set(s.benchmark, perModel);
  }
  // z-scores per benchmark that has enough models and some spread
  const z = new Map<string, Map<string, number>>();
  for (const [benchmark, perModel] of best) {
    const values = [...perModel.values()];
    if (values.length < MIN_MODELS_PER_BENCHMARK) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    if (!(sd > 0)) continue;
    z.set(benchmark, new Map([...perModel].map(([m, v]) => [m, (v - mean) / sd])));
  }

  const slugs = new Set<string>(models);
  for (const s of scores) slugs.add(s.model);
  return [...slugs].sort().map((model) => {
    const used = CAPABILITY_INDEX_BENCHMARKS.filter((b) => z.get(b.slug)?.has(model));
    const benchmarksUsed = used.map((b) => b.slug);
    const missing: string[] = [];
    if (used.length < MIN_BENCHMARKS_PER_MODEL) missing.push(`${used.length} of the ${MIN_BENCHMARKS_PER_MODEL} benchmarks needed`);
    if (!used.some((b) => b.category === "knowledge")) missing.push("no knowledge benchmark");
    if (!used.some((b) => b.category === "reasoning" || b.category === "math")) missing.push("no reasoning or math benchmark");
    if (missing.length) return { model, version: CAPABILITY_INDEX_VERSION, value: null, benchmarksUsed, reason: `coverage too thin: ${missing.join("; ")}` };
    const value = used.reduce((sum, b) => sum + z.get(b.slug)!.get(model)!, 0) / used.length;
    return { model, version: CAPABILITY_INDEX_VERSION, value, benchmarksUsed, reason: null };
  });
}

/** Thrown when points computed under different index versions would be joined into one line. */
export class IndexVersionMixError extends Error {
  constructor(public readonly versions: string[]) {
    super(`one series cannot mix capability-index versions (${versions.join(", ")}); split it by version`);
    this.name = "IndexVersionMixError";
  }
}

/** The points unchanged when they all share one index version; throws IndexVersionMixError otherwise. */
export function singleVersionSeries<T extends { version: string }>(points: readonly T[]): T[] {
  const versions = [...new Set(points.map((p) => p.version))];
  if (versions.length > 1) throw new IndexVersionMixError(versions);
  return [...points];
}

/** One series per index version, in order of first appearance, each keeping the points' order. */
export function splitByIndexVersion<T extends { version: string }>(points: readonly T[]): { version: string; points: T[] }[] {
  const series = new Map<string, T[]>();
  for (const p of points) {
    const list = series.get(p.version) ?? [];
    list.push(p);
    series.set(p.version, list);
  }
  return [...series].map(([version, list]) => ({ version, points: list }));
}
