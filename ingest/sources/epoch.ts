/**
 * Epoch AI datasets (https://epoch.ai/data, CSV downloads, no auth, CC BY 4.0 with attribution).
 * Three pure parsers, one per download:
 * - parseEpochBenchmarkRuns: the benchmarking hub's runs → GPQA Diamond, MATH level 5 and
 *   SWE-bench Verified scores (0–1 fractions ×100). Other tasks (FrontierMath, OTIS Mock AIME)
 *   have no benchmark of ours and are skipped.
 * - parseEpochEci: the Epoch Capabilities Index → one "epoch-eci" score per model version that has
 *   one, plus catalogue facts (release date, open weights) for every version.
 * - parseEpochNotableModels: notable AI models → catalogue facts for language models since 2020.
 * A fact the file leaves empty is left out of the record (undefined), never set to null, so that it
 * cannot erase what another source knows.
 */
import { z } from "zod";
import type { ModelFactRecord, ParseContext, ParseResult, Rejection, ScoreRecord } from "../records";
import { cell, dateCell, describeVersionSuffix, fractionToPercent, numberCell, openWeightsFromAccessibility, readCsvTable } from "./epoch-csv";

/** Every evaluation run of the benchmarking hub (one row per run). */
export const EPOCH_BENCHMARK_RUNS_URL = "https://epoch.ai/data/benchmarks.csv";
/** ECI ships only inside this archive, as its member `epoch_capabilities_index.csv`; the fetch must extract it. */
export const EPOCH_ECI_URL = "https://epoch.ai/data/benchmark_data.zip";
export const EPOCH_ECI_ARCHIVE_MEMBER = "epoch_capabilities_index.csv";
export const EPOCH_NOTABLE_MODELS_URL = "https://epoch.ai/data/notable_ai_models.csv";

/** Where a reader can check a hub or ECI number (the benchmarks' source in prisma/seed/benchmarks.yaml). */
const HUB_PAGE = "https://epoch.ai/data/ai-benchmarking-dashboard";
const NOTABLE_PAGE = "https://epoch.ai/data/notable-ai-models";

/** Hub task name (compared case- and space-insensitively) → our benchmark slug. */
export const EPOCH_TASK_BENCHMARKS: Readonly<Record<string, string>> = {
  "gpqa diamond": "gpqa-diamond",
  "math level 5": "math-level-5",
  "swe-bench verified": "swe-bench-verified",
};

const BEST_SCORE = "Best score (across scorers)";

/**
 * benchmarks_runs columns. The recorded export (2025-05) has `id, task, model, Best score (across
 * scorers), Scores, log viewer, Log download`; the live benchmarks.csv names the score `mean_score`
 * and adds `started_at` and `Status`, so either score column is accepted.
 */
export const epochBenchmarkRunsColumns = z
  .looseObject({
    task: z.string(),
    model: z.string(),
    id: z.string().optional(),
    [BEST_SCORE]: z.string().optional(),
    mean_score: z.string().optional(),
    started_at: z.string().optional(),
    Status: z.string().optional(),
    "log viewer": z.string().optional(),
  })
  .refine((r) => r[BEST_SCORE] !== undefined || r.mean_score !== undefined, { message: `missing column "${BEST_SCORE}" (or "mean_score")` });

export const epochEciColumns = z.looseObject({
  "Model version": z.string(),
  "ECI Score": z.string(),
  "Release date": z.string(),
  Organization: z.string(),
  "Model accessibility": z.string(),
  "Model name": z.string(),
  "Display name": z.string().optional(),
});

export const epochNotableModelsColumns = z.looseObject({
  Model: z.string(),
  Domain: z.string(),
  Organization: z.string(),
  "Publication date": z.string(),
  Parameters: z.string(),
  "Model accessibility": z.string(),
});

function normaliseTask(task: string): string {
  return task.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The hub export carries no run date, so a run is dated by when the file was fetched
 * (`ctx.observedAt`) and its settings say so; a `started_at` column, when present, dates it instead.
 */
export function parseEpochBenchmarkRuns(raw: string, ctx: ParseContext): ParseResult {
  const file = "benchmarks_runs.csv";
  const rows = readCsvTable(raw, epochBenchmarkRunsColumns, "Epoch AI benchmarking hub runs");
  const records: ScoreRecord[] = [];
  const rejections: Rejection[] = [];
  rows.forEach((row, i) => {
    const benchmark = EPOCH_TASK_BENCHMARKS[normaliseTask(cell(row, "task"))];
    if (!benchmark) return;
    const status = cell(row, "Status");
    if (status && status.toLowerCase() !== "success") return; // a failed or unfinished run is not a result
    const model = cell(row, "model");
    const record = `run ${cell(row, "id") || `#${i + 1}`} (${model || "no model"}, ${cell(row, "task")})`;
    const reject = (field: string, reason: string) => rejections.push({ file, record, field, reason });
    if (!model) return reject("model", "missing model id");

    const scoreColumn = row[BEST_SCORE] !== undefined ? BEST_SCORE : "mean_score";
    const fraction = numberCell(cell(row, scoreColumn));
    if (fraction === null) return reject(scoreColumn, "no score");
    if (Number.isNaN(fraction)) return reject(scoreColumn, `not a number: "${cell(row, scoreColumn)}"`);
    if (fraction < 0 || fraction > 1) return reject(scoreColumn, `${fraction} is not a 0–1 fraction`);

    let measuredOn = ctx.observedAt;
    let dated = false;
    const startedAt = cell(row, "started_at");
    if (startedAt) {
      const d = new Date(startedAt);
      if (Number.isNaN(d.getTime())) return reject("started_at", `not a date: "${startedAt}"`);
      measuredOn = d;
      dated = true;
    }
    const effort = describeVersionSuffix(model);
    const logViewer = cell(row, "log viewer");
    records.push({
      type: "score",
      modelId: model,
      benchmark,
      score: fractionToPercent(fraction),
      measuredOn,
      settings: ["Epoch AI benchmarking hub", effort, dated ? undefined : "run date not published (dated when fetched)"].filter(Boolean).join("; "),
      sourceUrl: /^https?:\/\//.test(logViewer) ? logViewer : HUB_PAGE,
    });
  });
  return { records, rejections };
}

const ECI_MAX = 300; // the scale of "epoch-eci" in prisma/seed/benchmarks.yaml

/**
 * One ECI score per model version (ECI is fitted per model, so versions of one model share it; the
 * version's suffix becomes the settings), dated `ctx.observedAt` because the index is refitted as
 * benchmarks arrive. Versions without an ECI score still give their catalogue facts.
 */
export function parseEpochEci(raw: string, ctx: ParseContext): ParseResult {
  const file = EPOCH_ECI_ARCHIVE_MEMBER;
  const rows = readCsvTable(raw, epochEciColumns, "Epoch Capabilities Index");
  const records: (ScoreRecord | ModelFactRecord)[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const version = cell(row, "Model version");
    const record = version ? `model version "${version}"` : `row ${i + 2}`;
    const reject = (field: string, reason: string) => rejections.push({ file, record, field, reason });
    if (!version) return reject("Model version", "missing model version id");
    if (seen.has(version)) return reject("Model version", "duplicate model version");
    seen.add(version);

    const scoreText = cell(row, "ECI Score");
    const score = numberCell(scoreText);
    if (Number.isNaN(score)) reject("ECI Score", `not a number: "${scoreText}"`);
    else if (score !== null && (score < 0 || score > ECI_MAX)) reject("ECI Score", `${score} is outside the index's range 0–${ECI_MAX}`);
    else if (score !== null) {
      const settings = describeVersionSuffix(version);
      records.push({ type: "score", modelId: version, benchmark: "epoch-eci", score, measuredOn: ctx.observedAt, ...(settings ? { settings } : {}), sourceUrl: HUB_PAGE });
    }

    const released = dateCell(cell(row, "Release date"));
    if (released === "invalid") return reject("Release date", `not a YYYY-MM-DD date: "${cell(row, "Release date")}"`);
    const openWeights = openWeightsFromAccessibility(cell(row, "Model accessibility"));
    const name = cell(row, "Model name") || cell(row, "Display name");
    const lab = cell(row, "Organization");
    records.push({
      type: "model",
      modelId: version,
      ...(name ? { name } : {}),
      ...(lab ? { labHint: lab } : {}),
      ...(released ? { releasedOn: released } : {}),
      ...(openWeights !== undefined ? { openWeights } : {}),
      sourceUrl: HUB_PAGE,
    });
  });
  return { records, rejections };
}

const NOTABLE_SINCE = "2020-01-01";

/**
 * Catalogue facts for notable models whose Domain includes "Language", published since 2020. A
 * language model with no publication date (e.g. announced, unreleased) is kept with no release date.
 */
export function parseEpochNotableModels(raw: string, _ctx: ParseContext): ParseResult {
  const file = "notable_ai_models.csv";
  const rows = readCsvTable(raw, epochNotableModelsColumns, "Epoch AI notable models");
  const records: ModelFactRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const domains = cell(row, "Domain").split(",").map((d) => d.trim().toLowerCase());
    if (!domains.includes("language")) return;
    const name = cell(row, "Model");
    const record = name ? `model "${name}"` : `row ${i + 2}`;
    const reject = (field: string, reason: string) => rejections.push({ file, record, field, reason });
    const published = dateCell(cell(row, "Publication date"));
    if (published === "invalid") return reject("Publication date", `not a YYYY-MM-DD date: "${cell(row, "Publication date")}"`);
    if (published && published < new Date(`${NOTABLE_SINCE}T00:00:00Z`)) return;
    if (!name) return reject("Model", "missing model name");
    if (seen.has(name)) return reject("Model", "duplicate model name");
    seen.add(name);

    const params = numberCell(cell(row, "Parameters"));
    if (Number.isNaN(params)) return reject("Parameters", `not a number: "${cell(row, "Parameters")}"`);
    if (params !== null && params <= 0) return reject("Parameters", `${params} is not a positive parameter count`);
    const openWeights = openWeightsFromAccessibility(cell(row, "Model accessibility"));
    const lab = cell(row, "Organization");
    records.push({
      type: "model",
      modelId: name,
      name,
      ...(lab ? { labHint: lab } : {}),
      ...(published ? { releasedOn: published } : {}),
      ...(params !== null ? { paramsTotalB: Math.round(params / 1e3) / 1e6 } : {}), // billions, to the thousand
      ...(openWeights !== undefined ? { openWeights } : {}),
      sourceUrl: NOTABLE_PAGE,
    });
  });
  return { records, rejections };
}

export const epochBenchmarkRunsSource = {
  slug: "epoch-benchmarks",
  name: "Epoch AI benchmarking hub",
  kind: "benchmarks",
  url: EPOCH_BENCHMARK_RUNS_URL,
  defaultSchedule: "40 5 * * *",
  parse: parseEpochBenchmarkRuns,
} as const;

export const epochEciSource = {
  slug: "epoch-eci",
  name: "Epoch Capabilities Index",
  kind: "benchmarks",
  url: EPOCH_ECI_URL,
  defaultSchedule: "50 5 * * *",
  parse: parseEpochEci,
} as const;

export const epochNotableModelsSource = {
  slug: "epoch-notable-models",
  name: "Epoch AI notable AI models",
  kind: "catalog",
  url: EPOCH_NOTABLE_MODELS_URL,
  defaultSchedule: "55 5 * * 1",
  parse: parseEpochNotableModels,
} as const;

/** The three Epoch downloads, each its own source (own URL, schedule and run record). */
export const epochSources = [epochBenchmarkRunsSource, epochEciSource, epochNotableModelsSource] as const;
