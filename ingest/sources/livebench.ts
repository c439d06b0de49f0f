/**
 * LiveBench: one release = `table_YYYY_MM_DD.csv` (model × task scores, 0-100) plus
 * `categories_YYYY_MM_DD.json` (category → its task columns), the static files behind livebench.ai.
 * The `livebench` score is the site's "Global Average" (src/Table/Averaging.js of
 * LiveBench/livebench.github.io): the mean of the category averages, each the mean of that
 * category's task scores with empty cells skipped, shown to two decimals.
 *
 * Usage: `parseLivebench(tableCsv, ctx, { categories: categoriesJsonText })`. The categories file is
 * required; the release date comes from `options.release` ("2026-01-08") or from the table's file
 * name in `ctx.url`. `livebenchReleaseUrls(release)` gives both URLs of a release.
 */
import { z } from "zod";
import type { ParseContext, ParseResult, Rejection, ScoreRecord } from "../records";
import { parseJsonPayload, readCsvRows, describeIssue } from "./payload";
import { isRealDate } from "../../lib/dates";

export const LIVEBENCH_SITE = "https://livebench.ai";
/** the latest release recorded (each release has its own pair of files; see livebenchReleaseUrls) */
export const LIVEBENCH_LATEST_RELEASE = "2026-01-08";

export function livebenchReleaseUrls(release: string): { table: string; categories: string } {
  const stamp = release.replaceAll("-", "_");
  return { table: `${LIVEBENCH_SITE}/table_${stamp}.csv`, categories: `${LIVEBENCH_SITE}/categories_${stamp}.json` };
}

export const LIVEBENCH_URL = livebenchReleaseUrls(LIVEBENCH_LATEST_RELEASE).table;
export const LIVEBENCH_CATEGORIES_URL = livebenchReleaseUrls(LIVEBENCH_LATEST_RELEASE).categories;

/** Rows whose Global Average the site hard-codes instead of computing it from the table. */
const SITE_HARDCODED = new Map([["grok-3-thinking", 72], ["grok-3", 58]]);

const categoriesSchema = z
  .record(z.string().min(1), z.array(z.string().min(1)).min(1, "a category needs at least one task"))
  .refine((c) => Object.keys(c).length > 0, "no categories");
export type LivebenchCategories = z.infer<typeof categoriesSchema>;

export interface LivebenchOptions {
  /** the release's categories_<date>.json, as text or already parsed */
  categories?: string | LivebenchCategories;
  /** the release date, YYYY-MM-DD; defaults to the date in ctx.url's table_YYYY_MM_DD.csv */
  release?: string;
}

/** Validates a categories_<date>.json payload (throws on HTML, invalid JSON or a wrong shape). */
export function parseLivebenchCategories(raw: string): LivebenchCategories {
  const doc = parseJsonPayload(raw);
  const parsed = categoriesSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`payload does not match the LiveBench categories schema: ${describeIssue(doc, parsed.error.issues[0])}`);
  return parsed.data;
}

export function parseLivebench(raw: string, ctx: ParseContext, options: LivebenchOptions = {}): ParseResult {
  const release = options.release ?? releaseFromUrl(ctx.url);
  if (!release || !isRealDate(release)) throw new Error(`no LiveBench release date: pass options.release as YYYY-MM-DD or a ctx.url ending in table_YYYY_MM_DD.csv (got ${release ?? ctx.url ?? "neither"})`);
  if (options.categories === undefined) throw new Error(`the LiveBench categories are required: pass options.categories (the text of categories_${release.replaceAll("-", "_")}.json)`);
  const categories = typeof options.categories === "string" ? parseLivebenchCategories(options.categories) : options.categories;
  const file = `table_${release.replaceAll("-", "_")}.csv`;

  const rows = readCsvRows(raw);
  const [header, ...body] = rows;
  if (!header || header[0]?.trim() !== "model") throw new Error(`payload does not match the LiveBench table layout: the first column must be "model", got ${JSON.stringify(header?.[0] ?? "")}`);
  const columnOf = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = Object.values(categories).flat().filter((task) => !columnOf.has(task));
  if (missing.length) throw new Error(`the LiveBench table does not match its categories: no column for ${missing.join(", ")}`);
  if (body.length === 0) throw new Error("the LiveBench table has no model rows");

  const records: ScoreRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  const measuredOn = new Date(`${release}T00:00:00Z`);
  body.forEach((row, i) => {
    const modelId = row[0]?.trim() ?? "";
    const record = modelId || `row ${i + 2}`;
    const problem =
      !modelId ? { field: "model", reason: "missing model id" }
      : seen.has(modelId) ? { field: "model", reason: "a second row for the same model; kept the first" }
      : row.length !== header.length ? { field: "(row)", reason: `${row.length - 1} scores for ${header.length - 1} task columns: cannot tell which tasks they belong to` }
      : SITE_HARDCODED.has(modelId) ? { field: "(row)", reason: `the site shows a hard-coded global average (${SITE_HARDCODED.get(modelId)}) for this model, not one computed from the table` }
      : null;
    seen.add(modelId);
    const result = problem ?? globalAverage(row, categories, columnOf);
    if ("field" in result) {
      rejections.push({ file, record, ...result });
      return;
    }
    records.push({
      type: "score",
      modelId,
      benchmark: "livebench",
      score: result.score,
      measuredOn,
      settings: `LiveBench ${release}`,
      sourceUrl: LIVEBENCH_SITE,
    });
  });
  if (records.length === 0) throw new Error(`no model row of the LiveBench table is usable (first problem: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  return { records, rejections };
}

export const livebenchSource = {
  slug: "livebench",
  name: "LiveBench leaderboard",
  kind: "benchmarks" as const,
  url: LIVEBENCH_URL,
  defaultSchedule: "30 6 * * 1",
  parse: parseLivebench,
};

/** Mean of the category means, as livebench.ai computes its Global Average (two decimals). */
function globalAverage(row: string[], categories: LivebenchCategories, columnOf: Map<string, number>): { score: number } | { field: string; reason: string } {
  const means: number[] = [];
  for (const [category, tasks] of Object.entries(categories)) {
    const values: number[] = [];
    for (const task of tasks) {
      const text = row[columnOf.get(task)!]?.trim() ?? "";
      if (text === "") continue; // the site skips empty cells (a model not run on that task)
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0 || value > 100) return { field: task, reason: `${JSON.stringify(text)} is not a score between 0 and 100` };
      values.push(value);
    }
    if (values.length === 0) return { field: category, reason: `no score in any ${category} task, so the global average is undefined` };
    means.push(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return { score: Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 100) / 100 };
}

function releaseFromUrl(url: string | undefined): string | undefined {
  const m = url ? /table_(\d{4})_(\d{2})_(\d{2})\.csv(?:$|\?)/.exec(url) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

