/**
 * Aider leaderboards: the YAML files behind aider.chat/docs/leaderboards, one mapping per benchmark
 * run. `polyglot_leaderboard.yml` (225 Exercism exercises, six languages) becomes `aider-polyglot`;
 * `edit_leaderboard.yml` (the older 133 Python exercises) becomes `aider-code-editing`.
 * Score = `pass_rate_2` (percent solved within two tries), dated by the run's `date`, with the run's
 * `total_cost` (USD for the whole run) as `costUsd`. `model` is Aider's free-text label of the run
 * ("gpt-5 (high)", "DeepSeek R1 + claude-3-5-sonnet-20241022"), passed on as the model id.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ParseContext, ParseResult, Rejection, ScoreRecord } from "../records";

const RAW_BASE = "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data";
export const AIDER_POLYGLOT_URL = `${RAW_BASE}/polyglot_leaderboard.yml`;
export const AIDER_CODE_EDITING_URL = `${RAW_BASE}/edit_leaderboard.yml`;

export type AiderBoard = "polyglot" | "code-editing";

const BOARDS: Record<AiderBoard, { benchmark: string; file: string; cases: number; page: string }> = {
  polyglot: { benchmark: "aider-polyglot", file: "polyglot_leaderboard.yml", cases: 225, page: "https://aider.chat/docs/leaderboards/" },
  "code-editing": { benchmark: "aider-code-editing", file: "edit_leaderboard.yml", cases: 133, page: "https://aider.chat/docs/leaderboards/edit.html" },
};

/** A run that covered less than this share of the exercises is not comparable with full runs. */
const MIN_COVERAGE = 0.9;

const isoDate = z.iso.date("expected a date as YYYY-MM-DD");

/** One benchmark run, as the YAML has it (fields this adapter does not use pass through unchecked). */
const runSchema = z.looseObject({
  dirname: z.string().min(1),
  model: z.string().trim().min(1),
  edit_format: z.string().min(1),
  test_cases: z.number().int().positive(),
  pass_rate_2: z.number(),
  // the default YAML 1.2 schema reads `2025-02-25` as a string; a YAML 1.1 reader would give a Date
  date: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]),
  total_cost: z.number().nullable().optional(),
  editor_model: z.string().nullable().optional(),
  editor_edit_format: z.string().nullable().optional(),
  reasoning_effort: z.union([z.string(), z.number()]).nullable().optional(),
  thinking_tokens: z.union([z.number(), z.string()]).nullable().optional(),
});
type AiderRun = z.infer<typeof runSchema>;

/**
 * Parses one Aider leaderboard file. Which one comes from `board`, or else from the file name in
 * `ctx.url` (polyglot_leaderboard.yml / edit_leaderboard.yml).
 */
export function parseAider(raw: string, ctx: ParseContext, board: AiderBoard | undefined = boardFromUrl(ctx.url)): ParseResult {
  if (!board) throw new Error(`cannot tell which Aider leaderboard this is: ctx.url (${ctx.url ?? "none"}) names neither polyglot_leaderboard.yml nor edit_leaderboard.yml`);
  const spec = BOARDS[board];
  const doc = readYaml(raw);
  if (!Array.isArray(doc)) throw new Error(`payload does not match the Aider leaderboard schema: expected a list of runs at the top level, got ${doc === null ? "null" : typeof doc}`);
  if (doc.length === 0) throw new Error("the Aider leaderboard payload lists no runs");

  const records: ScoreRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  let lastRunMissing: string | null = null;
  doc.forEach((item, i) => {
    const record = recordName(item, i);
    const parsed = runSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const missing = isMissing(item, issue);
      if (i === doc.length - 1 && missing) lastRunMissing = issue.path.join(".");
      rejections.push({ file: spec.file, record, field: issue.path.join(".") || "(record)", reason: missing ? "required" : issue.message });
      return;
    }
    const run = parsed.data;
    const problem = checkRun(run, spec.cases);
    if (problem) {
      rejections.push({ file: spec.file, record, ...problem });
      return;
    }
    const settings = describeSettings(run);
    const key = `${run.model}|${settings}|${run.date}`;
    if (seen.has(key)) {
      rejections.push({ file: spec.file, record, field: "(record)", reason: "a second run of the same model, settings and date; kept the first" });
      return;
    }
    seen.add(key);
    records.push({
      type: "score",
      modelId: run.model,
      benchmark: spec.benchmark,
      score: run.pass_rate_2,
      measuredOn: new Date(`${run.date}T00:00:00Z`),
      settings,
      // 0 is what Aider writes when it did not record the cost (free previews, local models, early runs)
      costUsd: run.total_cost ? run.total_cost : null,
      sourceUrl: spec.page,
    });
  });
  if (records.length === 0) throw new Error(`payload does not match the Aider leaderboard schema: no run is usable (first problem: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  // a cut-off download ends in a half-written run; a half-written run anywhere else is one bad record
  if (lastRunMissing) throw new Error(`truncated payload: the last run (#${doc.length}) stops before its ${lastRunMissing}`);
  return { records, rejections };
}

export const parseAiderPolyglot = (raw: string, ctx: ParseContext): ParseResult => parseAider(raw, ctx, "polyglot");
export const parseAiderCodeEditing = (raw: string, ctx: ParseContext): ParseResult => parseAider(raw, ctx, "code-editing");

export const aiderPolyglotSource = {
  slug: "aider-polyglot",
  name: "Aider polyglot leaderboard",
  kind: "benchmarks" as const,
  url: AIDER_POLYGLOT_URL,
  defaultSchedule: "15 6 * * *",
  parse: parseAiderPolyglot,
};

export const aiderCodeEditingSource = {
  slug: "aider-code-editing",
  name: "Aider code editing leaderboard",
  kind: "benchmarks" as const,
  url: AIDER_CODE_EDITING_URL,
  // frozen since December 2024; a weekly look is enough
  defaultSchedule: "20 6 * * 1",
  parse: parseAiderCodeEditing,
};

function boardFromUrl(url: string | undefined): AiderBoard | undefined {
  if (!url) return undefined;
  if (/(^|\/)polyglot_leaderboard\.ya?ml($|\?)/.test(url)) return "polyglot";
  if (/(^|\/)edit_leaderboard\.ya?ml($|\?)/.test(url)) return "code-editing";
  return undefined;
}

function checkRun(run: AiderRun, cases: number): { field: string; reason: string } | null {
  if (!Number.isFinite(run.pass_rate_2) || run.pass_rate_2 < 0 || run.pass_rate_2 > 100) return { field: "pass_rate_2", reason: `${run.pass_rate_2} is not a percentage between 0 and 100` };
  if (run.test_cases > cases) return { field: "test_cases", reason: `${run.test_cases} test cases: not a run of this ${cases}-exercise benchmark` };
  if (run.test_cases < cases * MIN_COVERAGE) return { field: "test_cases", reason: `partial run: ${run.test_cases} of ${cases} exercises` };
  if (run.total_cost != null && (!Number.isFinite(run.total_cost) || run.total_cost < 0)) return { field: "total_cost", reason: `a run cannot cost ${run.total_cost} USD` };
  return null;
}

/** The run's configuration in words: edit format, editor model of architect runs, reasoning settings. */
function describeSettings(run: AiderRun): string {
  const parts = [`edit format ${run.edit_format}`];
  if (run.editor_model) parts.push(`editor ${run.editor_model}${run.editor_edit_format ? ` (${run.editor_edit_format})` : ""}`);
  if (run.reasoning_effort != null && run.reasoning_effort !== "") parts.push(`reasoning effort ${run.reasoning_effort}`);
  if (run.thinking_tokens != null && run.thinking_tokens !== "") parts.push(`thinking tokens ${run.thinking_tokens}`);
  return parts.join(", ");
}

function recordName(item: unknown, i: number): string {
  const o = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
  const model = typeof o.model === "string" && o.model.trim() ? o.model.trim() : `run #${i + 1}`;
  return typeof o.dirname === "string" ? `${model} (${o.dirname})` : model;
}

function readYaml(raw: string): unknown {
  const text = raw.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new Error("expected YAML but got an empty payload");
  if (text.trimStart().startsWith("<")) throw new Error(`expected YAML but got HTML (starts with ${JSON.stringify(text.trimStart().slice(0, 15))})`);
  try {
    return parseYaml(text);
  } catch (err) {
    throw new Error(`expected YAML but the payload does not parse: ${(err as Error).message.split("\n")[0]}`);
  }
}

/** True when the issue is about a field the input does not have at all. */
function isMissing(input: unknown, issue: z.core.$ZodIssue): boolean {
  let value = input;
  for (const key of issue.path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value === undefined && issue.path.length > 0;
}
