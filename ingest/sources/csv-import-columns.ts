/**
 * The analyst CSV import's vocabulary: its columns and the benchmarks a score column may name.
 * The benchmark list mirrors prisma/seed/benchmarks.yaml (a test keeps the two in step); the parser
 * is pure, so it cannot read that file at run time.
 */

export const CSV_IMPORT_COLUMNS = [
  { name: "model", required: true, description: "the model's id as you know it, e.g. gpt-4o-2024-05-13" },
  { name: "lab", required: false, description: "the lab that made the model, e.g. OpenAI" },
  { name: "release_date", required: false, description: "release date, YYYY-MM-DD" },
  { name: "open_weights", required: false, description: "true/false, yes/no or 1/0" },
  { name: "provider", required: false, description: "who charges the prices on this row; empty = the lab's own API" },
  { name: "input_price", required: false, description: "USD per 1M input tokens (with output_price)" },
  { name: "output_price", required: false, description: "USD per 1M output tokens (with input_price)" },
  { name: "price_date", required: false, description: "YYYY-MM-DD the price took effect; default release_date" },
] as const;

export type CsvImportField = (typeof CSV_IMPORT_COLUMNS)[number]["name"];

/** A score column may also be written `score:<slug>`. */
export const CSV_IMPORT_SCORE_PREFIX = "score:";

export interface CsvImportBenchmark {
  unit: "percent" | "elo" | "index";
  min: number;
  max: number;
}

const percent: CsvImportBenchmark = { unit: "percent", min: 0, max: 100 };

export const CSV_IMPORT_BENCHMARKS: Readonly<Record<string, CsvImportBenchmark>> = {
  mmlu: percent,
  "mmlu-pro": percent,
  "gpqa-diamond": percent,
  "math-500": percent,
  humaneval: percent,
  "swe-bench-verified": percent,
  "aime-2024": percent,
  "aime-2025": percent,
  "arena-elo": { unit: "elo", min: 700, max: 1800 },
  "aider-polyglot": percent,
  "aider-code-editing": percent,
  livebench: percent,
  "epoch-eci": { unit: "index", min: 0, max: 300 },
  "math-level-5": percent,
};
