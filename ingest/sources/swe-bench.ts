/**
 * SWE-bench leaderboards: `data/leaderboards.json` of SWE-bench/swe-bench.github.io, the file behind
 * swebench.com. Only the `Verified` board (500 human-validated issues) becomes `swe-bench-verified`
 * scores. An entry is an agent *system*; its model comes from the entry's `Model: <name>` tags. An
 * entry naming no model, or several distinct ones, cannot be credited to one model and is rejected.
 * `cost` (from late 2025) is the USD total of the whole 500-instance run (`cost` = `instance_cost`
 * x 500 on every recorded entry); with only `instance_cost` the total is computed from it.
 */
import { z } from "zod";
import type { ParseContext, ParseResult, Rejection, ScoreRecord } from "../records";
import { parseJsonPayload, describeIssue, issueReason } from "./payload";

export const SWE_BENCH_URL = "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/master/data/leaderboards.json";

const FILE = "leaderboards.json";
const BOARD = "Verified";
const INSTANCES = 500;

const entrySchema = z.looseObject({
  name: z.string().trim().min(1),
  folder: z.string().trim().min(1),
  resolved: z.number(),
  date: z.iso.date("expected a date as YYYY-MM-DD"),
  tags: z.array(z.string()).default([]),
  cost: z.number().nullable().optional(),
  instance_cost: z.number().nullable().optional(),
  warning: z.string().nullable().optional(),
});
type Entry = z.infer<typeof entrySchema>;

const payloadSchema = z.looseObject({
  leaderboards: z.array(z.looseObject({ name: z.string(), results: z.array(z.unknown()) })).min(1),
});

export function parseSweBench(raw: string, ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw);
  const payload = payloadSchema.safeParse(doc);
  if (!payload.success) throw new Error(`payload does not match the SWE-bench leaderboards schema: ${describeIssue(doc, payload.error.issues[0])}`);
  const board = payload.data.leaderboards.find((b) => b.name === BOARD);
  if (!board) throw new Error(`payload does not match the SWE-bench leaderboards schema: no "${BOARD}" leaderboard (found ${payload.data.leaderboards.map((b) => JSON.stringify(b.name)).join(", ")})`);
  if (board.results.length === 0) throw new Error(`the SWE-bench "${BOARD}" leaderboard lists no results`);

  const records: ScoreRecord[] = [];
  const rejections: Rejection[] = [];
  let valid = 0;
  board.results.forEach((item, i) => {
    const record = recordName(item, i);
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejections.push({ file: FILE, record, field: issue.path.join(".") || "(record)", reason: issueReason(item, issue) });
      return;
    }
    valid++;
    const entry = parsed.data;
    const models = modelsNamed(entry.tags);
    const problem =
      !Number.isFinite(entry.resolved) || entry.resolved < 0 || entry.resolved > 100 ? { field: "resolved", reason: `${entry.resolved} is not a percentage between 0 and 100` }
      : models.length === 0 ? { field: "tags", reason: "no model named" }
      : models.length > 1 ? { field: "tags", reason: `several models named (${models.join(", ")}): the result belongs to the system, not to one model` }
      : [entry.cost, entry.instance_cost].some((c) => c != null && (!Number.isFinite(c) || c < 0)) ? { field: entry.cost != null && entry.cost < 0 ? "cost" : "instance_cost", reason: "a run cannot have a negative cost" }
      : null;
    if (problem) {
      rejections.push({ file: FILE, record, ...problem });
      return;
    }
    const cost = runCost(entry);
    records.push({
      type: "score",
      modelId: models[0]!,
      benchmark: "swe-bench-verified",
      score: entry.resolved,
      measuredOn: new Date(`${entry.date}T00:00:00Z`),
      settings: describeSettings(entry, cost),
      costUsd: cost?.usd ?? null,
      sourceUrl: `https://github.com/SWE-bench/experiments/tree/main/evaluation/verified/${entry.folder}`,
    });
  });
  if (valid === 0) throw new Error(`payload does not match the SWE-bench leaderboards schema: no "${BOARD}" entry is valid (first problem: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  return { records, rejections };
}

export const sweBenchSource = {
  slug: "swe-bench",
  name: "SWE-bench Verified leaderboard",
  kind: "benchmarks" as const,
  url: SWE_BENCH_URL,
  defaultSchedule: "0 7 * * *",
  parse: parseSweBench,
};

/**
 * The distinct models of the `Model:` tags (not `Model_size:`). Spellings that differ only in
 * case or in `.`/`-`/`_` ("claude-3-5-sonnet-20241022", "claude-3.5-sonnet-20241022") are one model.
 */
function modelsNamed(tags: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    const m = /^Model:\s*(.+)$/.exec(tag.trim());
    const name = m?.[1]?.trim();
    if (!name) continue;
    const key = name.toLowerCase().replace(/[._\s-]+/g, "-");
    if (!byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()];
}

/** The whole run's cost; 0 means the submitter recorded none (e.g. a free preview model). */
function runCost(entry: Entry): { usd: number; from: "cost" | "instance_cost" } | null {
  if (entry.cost) return { usd: entry.cost, from: "cost" };
  if (entry.instance_cost) return { usd: Math.round(entry.instance_cost * INSTANCES * 100) / 100, from: "instance_cost" };
  return null;
}

function describeSettings(entry: Entry, cost: { from: "cost" | "instance_cost" } | null): string {
  const parts = [`agent ${entry.name}`];
  const attempts = entry.tags.map((t) => /^System:\s*Attempts\s*-\s*(.+)$/.exec(t.trim())?.[1]).find(Boolean);
  if (attempts) parts.push(`attempts ${attempts.trim()}`);
  if (cost) parts.push(cost.from === "cost" ? `cost = total of the ${INSTANCES}-instance run` : `cost = instance_cost x ${INSTANCES} instances`);
  if (entry.warning) parts.push(`SWE-bench warning: ${entry.warning}`);
  return parts.join("; ");
}

function recordName(item: unknown, i: number): string {
  const o = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
  if (typeof o.folder === "string" && o.folder) return o.folder;
  return typeof o.name === "string" && o.name ? o.name : `${BOARD}[${i}]`;
}

