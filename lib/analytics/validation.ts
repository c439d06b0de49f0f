/**
 * Published figures that FrontierWatch recomputes from its own data, with both definitions side by
 * side. `compareToPublished` is pure: it takes our fitted trend and says whether our estimate falls
 * within the published interval, or why it cannot be compared.
 */
import type { BlendMix } from "./blended-price";
import type { GapMonth } from "./open-gap";
import type { PriceTrend } from "./price-at-capability";

export interface PublishedTrend {
  id: string;
  publisher: string;
  citation: string;
  url: string;
  /** their definition, in their words, briefly */
  definition: string;
  benchmark: string;
  threshold: number;
  thresholdLabel: string;
  mix: BlendMix;
  window: { from: string; to: string };
  factorPerYear: number;
  /** 90% interval when published; null when only a point estimate was given */
  ci90: { low: number; high: number } | null;
  /** for point estimates without an interval: the band we accept ("about 10×") */
  tolerance?: { low: number; high: number };
}

export const PUBLISHED_TRENDS: PublishedTrend[] = [
  {
    id: "epoch-2025-mmlu-gpt35",
    publisher: "Epoch AI",
    citation: "Epoch AI (2025), LLM inference prices have fallen rapidly but unequally across tasks",
    url: "https://epoch.ai/data-insights/llm-inference-price-trends",
    definition: "Cheapest model at or above the threshold over time (each new cheapest model kept), log-linear fit of price on date; price blended 3:1 input:output.",
    benchmark: "mmlu",
    threshold: 64.8,
    thresholdLabel: "MMLU ≥ 64.8 (GPT-3.5 level)",
    mix: { input: 3, output: 1 },
    window: { from: "2022-11-01", to: "2025-03-01" },
    factorPerYear: 15.8,
    ci90: { low: 8.1, high: 31.1 },
  },
  {
    id: "epoch-2025-gpqa-gpt4",
    publisher: "Epoch AI",
    citation: "Epoch AI (2025), LLM inference prices have fallen rapidly but unequally across tasks",
    url: "https://epoch.ai/data-insights/llm-inference-price-trends",
    definition: "As above, on GPQA Diamond at the score of GPT-4 (0314).",
    benchmark: "gpqa-diamond",
    threshold: 33,
    thresholdLabel: "GPQA Diamond ≥ 33 (GPT-4-0314 level)",
    mix: { input: 3, output: 1 },
    window: { from: "2023-03-01", to: "2025-03-01" },
    factorPerYear: 42,
    ci90: { low: 4.4, high: 401 },
  },
  {
    id: "a16z-2024-llmflation",
    publisher: "a16z",
    citation: "Guido Appenzeller, a16z (2024), Welcome to LLMflation – LLM inference cost is going down fast",
    url: "https://a16z.com/llmflation-llm-inference-cost/",
    definition: "Cheapest model reaching MMLU 42 over time, price as the 1:1 average of input and output price; about 10× cheaper every year.",
    benchmark: "mmlu",
    threshold: 42,
    thresholdLabel: "MMLU ≥ 42",
    mix: { input: 1, output: 1 },
    window: { from: "2021-11-01", to: "2024-11-01" },
    factorPerYear: 10,
    ci90: null,
    tolerance: { low: 6, high: 16 },
  },
];

export interface ValidationResult {
  published: PublishedTrend;
  ours: { factorPerYear: number; ci90: { low: number; high: number }; n: number; r2: number } | null;
  status: "within" | "outside" | "not-comparable";
  explanation: string;
}

export function compareToPublished(published: PublishedTrend, ours: PriceTrend): ValidationResult {
  if (!ours.fit) return { published, ours: null, status: "not-comparable", explanation: `our data gives no fit over ${published.window.from} – ${published.window.to}: ${ours.reason ?? "too few points"}` };
  const f = ours.fit.factorPerYear;
  const band = published.ci90 ?? published.tolerance!;
  const within = f >= band.low && f <= band.high;
  const summary = { factorPerYear: f, ci90: ours.fit.ci90, n: ours.n, r2: ours.fit.r2 };
  const theirs = published.ci90 ? `their 90% interval ${band.low}–${band.high}` : `the band we read "about ${published.factorPerYear}×" as (${band.low}–${band.high})`;
  const overlap = ours.fit.ci90.low <= band.high && ours.fit.ci90.high >= band.low;
  return {
    published,
    ours: summary,
    status: within ? "within" : "outside",
    explanation: within
      ? `our ${f.toFixed(1)}× per year (n = ${ours.n}) is within ${theirs}`
      : `our ${f.toFixed(1)}× per year (n = ${ours.n}, our interval ${ours.fit.ci90.low.toFixed(1)}–${ours.fit.ci90.high.toFixed(1)}) is outside ${theirs}${overlap ? ", though the intervals overlap" : ""}`,
  };
}

/**
 * A published open-vs-proprietary gap: (best proprietary − best open) / best proprietary, in
 * percent, at given months.
 */
export interface PublishedGap {
  id: string;
  publisher: string;
  citation: string;
  url: string;
  definition: string;
  benchmark: string;
  benchmarkLabel: string;
  /** month (YYYY-MM-01) → gap in percent */
  points: { month: string; gapPercent: number }[];
  /** how far ours may be from theirs, in percentage points, and why */
  tolerancePoints: number;
  toleranceReason: string;
}

export const PUBLISHED_GAPS: PublishedGap[] = [
  {
    id: "stanford-2025-arena-gap",
    publisher: "Stanford HAI",
    citation: "Stanford HAI (2025), AI Index Report 2025, chapter 2 (Technical performance)",
    url: "https://hai.stanford.edu/ai-index/2025-ai-index-report",
    definition:
      "Chatbot Arena: the top proprietary model's score over the top open-weight model's, as a percentage gap, on the leaderboard of the time: 8.0% in January 2024, 1.7% in February 2025.",
    benchmark: "arena-elo",
    benchmarkLabel: "Chatbot Arena (LMArena) text rating",
    points: [
      { month: "2024-01-01", gapPercent: 8.0 },
      { month: "2025-02-01", gapPercent: 1.7 },
    ],
    tolerancePoints: 3,
    toleranceReason:
      "Arena ratings are re-estimated with every leaderboard update and ours are the ratings as published now, not as of each month; a model's rating moves by tens of points between updates, 2–3% of a scale near 1,250, so we accept ±3 percentage points at each month and require the gap to narrow.",
  },
];

export interface GapValidationResult {
  published: PublishedGap;
  ours: { month: string; gapPercent: number | null; open: string | null; proprietary: string | null }[];
  status: "within" | "outside" | "not-comparable";
  explanation: string;
}

/** Ours beside theirs at each published month (our month rows are read as of the month's first day). */
export function compareGapToPublished(published: PublishedGap, months: readonly GapMonth[]): GapValidationResult {
  const ours = published.points.map((p) => {
    const row = months.find((m) => m.benchmark === published.benchmark && m.month.toISOString().slice(0, 10) === p.month);
    return { month: p.month, gapPercent: row?.gapPercent ?? null, open: row?.open?.model ?? null, proprietary: row?.proprietary?.model ?? null };
  });
  const missing = ours.filter((o) => o.gapPercent === null).map((o) => o.month.slice(0, 7));
  if (missing.length) {
    return { published, ours, status: "not-comparable", explanation: `we have no open and proprietary ${published.benchmarkLabel} scores to compare for ${missing.join(", ")}` };
  }
  const diffs = ours.map((o, i) => o.gapPercent! - published.points[i]!.gapPercent);
  const close = diffs.every((x) => Math.abs(x) <= published.tolerancePoints);
  const narrows = ours.length < 2 || ours[ours.length - 1]!.gapPercent! < ours[0]!.gapPercent!;
  const list = ours.map((o, i) => `${o.month.slice(0, 7)}: ours ${o.gapPercent!.toFixed(1)}% vs theirs ${published.points[i]!.gapPercent.toFixed(1)}%`).join("; ");
  return {
    published,
    ours,
    status: close && narrows ? "within" : "outside",
    explanation: close && narrows
      ? `${list} — within ±${published.tolerancePoints} points at every month, and narrowing as theirs does`
      : `${list} — ${close ? "" : `more than ${published.tolerancePoints} points apart at some month`}${!close && !narrows ? " and " : ""}${narrows ? "" : "not narrowing"}`,
  };
}
