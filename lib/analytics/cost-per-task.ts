/**
 * Cost per task: where a benchmark publishes what its whole run cost (Aider polyglot, SWE-bench
 * Verified), score against USD per task = run cost ÷ tasks in the run.
 *
 * Why this and not only per-token prices: a per-token price says nothing about how many tokens a
 * model spends. Reasoning models bill their hidden thinking tokens as output, often many times the
 * visible answer, so a model with a low price per 1M tokens can cost more per solved task than a
 * dearer one that answers directly. The run cost counts every token actually billed, reasoning
 * included, which is why reasoning models are included here by default (unlike the per-token
 * price trend, which excludes them by default).
 */

/** Tasks in one full run of each benchmark that publishes its run cost. */
export const TASKS_PER_RUN: Readonly<Record<string, number>> = {
  "aider-polyglot": 225,
  "swe-bench-verified": 500,
};

export interface CostRun {
  model: string;
  modelName: string;
  benchmark: string;
  score: number;
  /** USD for the whole run as published; null when not published */
  totalCostUsd: number | null;
  /**
   * tasks actually run when the source says so (an incomplete Aider run lists 223 or 224 of 225
   * test cases, and its cost covers only those); otherwise TASKS_PER_RUN[benchmark]
   */
  tasks?: number | null;
  /** when the run was made: its cost reflects the prices of that day */
  measuredOn: Date;
  reasoning: boolean;
  /** e.g. reasoning effort; two settings of one model are two points */
  settings?: string;
}

export interface CostPoint {
  model: string;
  modelName: string;
  benchmark: string;
  score: number;
  costPerTask: number;
  totalCostUsd: number;
  tasks: number;
  date: Date;
  reasoning: boolean;
  settings: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One point per run with a published, positive cost and a known number of tasks, sorted by
 * benchmark, date, model. A cost of 0 is dropped: Aider records 0 for free or experimental
 * endpoints, which says nothing about what the run would cost.
 */
export function costPerTaskPoints(runs: CostRun[], tasksPerRun: Readonly<Record<string, number>> = TASKS_PER_RUN): CostPoint[] {
  const out: CostPoint[] = [];
  for (const r of runs) {
    const tasks = r.tasks ?? tasksPerRun[r.benchmark];
    if (r.totalCostUsd === null || !(r.totalCostUsd > 0) || !tasks || !(tasks > 0) || !Number.isFinite(r.score)) continue;
    out.push({
      model: r.model, modelName: r.modelName, benchmark: r.benchmark, score: r.score, costPerTask: r.totalCostUsd / tasks,
      totalCostUsd: r.totalCostUsd, tasks, date: r.measuredOn, reasoning: r.reasoning, settings: r.settings ?? "",
    });
  }
  return out.sort((a, b) => byText(a.benchmark, b.benchmark) || a.date.getTime() - b.date.getTime() || byText(a.model, b.model) || byText(a.settings, b.settings));
}

function oneBenchmark(points: CostPoint[]): void {
  const benchmarks = new Set(points.map((p) => p.benchmark));
  if (benchmarks.size > 1) throw new RangeError(`cost per task compares one benchmark at a time, got ${[...benchmarks].sort().join(", ")}`);
}

/**
 * The Pareto frontier of score (higher is better) against cost per task (lower is better): the
 * points no other point beats on both. Sorted by cost ascending (so scores ascend too). Of
 * identical (cost, score) points only the earliest is kept, then the first model by slug.
 */
export function costFrontier(points: CostPoint[]): CostPoint[] {
  oneBenchmark(points);
  const sorted = [...points].sort((a, b) => a.costPerTask - b.costPerTask || b.score - a.score || a.date.getTime() - b.date.getTime() || byText(a.model, b.model));
  const out: CostPoint[] = [];
  for (const p of sorted) {
    if (out.length === 0 || p.score > out[out.length - 1]!.score) out.push(p);
  }
  return out;
}

/** The interface a trend fit plugs into: value is the raw cost in USD; the fit takes logs itself. */
export interface TrendInput {
  t: Date;
  value: number;
}
export type TrendFit<R> = (points: TrendInput[]) => R;

export interface CostTrendOptions {
  /** default true: cost per task already charges reasoning tokens (see the header) */
  includeReasoning?: boolean;
  /** below this many kept points nothing is fitted; 4, as for the per-token price trend */
  minPoints?: number;
}

export interface CostTrend<R> {
  benchmark: string | null;
  threshold: number;
  /** the points the walk kept, in date order; their cost per task strictly falls */
  points: CostPoint[];
  /** null below minPoints */
  fit: R | null;
}

/**
 * The cheapest cost per task at or above a score over time, by the walk of ARCHITECTURE.md
 * ("Price at constant capability") applied to runs: walk runs in date order and keep each one that
 * scores at or above the threshold and costs less per task than every earlier kept run. Runs of
 * one date are taken cheapest first, so of two kept on the same date only the cheaper remains.
 * A later, cheaper run of the same model (say after a price cut) is a new observation.
 * The fitting is delegated (see TrendInput), so the shared statistics can be plugged in.
 */
export function costPerTaskTrend<R>(points: CostPoint[], threshold: number, fit: TrendFit<R>, options: CostTrendOptions = {}): CostTrend<R> {
  oneBenchmark(points);
  const includeReasoning = options.includeReasoning ?? true;
  const minPoints = options.minPoints ?? 4;
  const walk = points
    .filter((p) => p.score >= threshold && (includeReasoning || !p.reasoning))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.costPerTask - b.costPerTask || b.score - a.score || byText(a.model, b.model));
  const kept: CostPoint[] = [];
  for (const p of walk) {
    if (kept.length === 0 || p.costPerTask < kept[kept.length - 1]!.costPerTask) kept.push(p);
  }
  return {
    benchmark: points[0]?.benchmark ?? null,
    threshold,
    points: kept,
    fit: kept.length >= minPoints ? fit(kept.map((p) => ({ t: p.date, value: p.costPerTask }))) : null,
  };
}
