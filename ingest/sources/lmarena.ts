/**
 * LMArena (formerly LMSYS Chatbot Arena) overall text Elo, from two payloads:
 * - `parseLmarena`: `data/leaderboard-text.json` of lmarena/arena-catalog (published by the LMArena
 *   team). One rating table per category; only the overall table (`full`) becomes `arena-elo`
 *   scores. The file carries no date, so a score is dated by when the payload was fetched.
 * - `parseLmarenaHistory`: `output/result.csv` of nakasyou/lmarena-history, a model × release-date
 *   matrix of overall text Elo derived from the leaderboard's published pickles; dated scores.
 */
import { z } from "zod";
import type { ParseContext, ParseResult, Rejection, ScoreRecord } from "../records";
import { parseJsonPayload, readCsvRows, describeIssue, issueReason } from "./payload";
import { isRealDate } from "../../lib/dates";

export const LMARENA_URL = "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json";
export const LMARENA_HISTORY_URL = "https://raw.githubusercontent.com/nakasyou/lmarena-history/main/output/result.csv";

const FILE = "leaderboard-text.json";
/** the arena-elo scale of prisma/seed/benchmarks.yaml */
export const ARENA_ELO_MIN = 700;
export const ARENA_ELO_MAX = 1800;

/** One model's rating in one category; the bounds of the 95% interval are optional extras. */
const ratingSchema = z.looseObject({
  rating: z.number().finite(),
  rating_q975: z.number().optional(),
  rating_q025: z.number().optional(),
});

/** `{ <category>: { <model key>: rating } }`; `full` is the overall leaderboard. */
const catalogSchema = z.looseObject({
  full: z.record(z.string(), z.unknown()),
});

export function parseLmarena(raw: string, ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw);
  const payload = catalogSchema.safeParse(doc);
  if (!payload.success) throw new Error(`payload does not match the arena-catalog leaderboard schema: ${describeIssue(doc, payload.error.issues[0])}`);
  const entries = Object.entries(payload.data.full);
  if (entries.length === 0) throw new Error("the overall (full) leaderboard of the arena-catalog payload is empty");

  const records: ScoreRecord[] = [];
  const rejections: Rejection[] = [];
  for (const [key, value] of entries) {
    const modelId = key.trim();
    if (!modelId) {
      rejections.push({ file: FILE, record: `(empty key)`, field: "full", reason: "missing model id" });
      continue;
    }
    const entry = ratingSchema.safeParse(value);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      rejections.push({ file: FILE, record: modelId, field: ["full", modelId, ...(issue?.path ?? [])].join("."), reason: issue ? issueReason(value, issue) : "invalid rating" });
      continue;
    }
    const { rating } = entry.data;
    if (rating < ARENA_ELO_MIN || rating > ARENA_ELO_MAX) {
      rejections.push({ file: FILE, record: modelId, field: `full.${modelId}.rating`, reason: `rating ${rating} is outside the arena-elo range ${ARENA_ELO_MIN}-${ARENA_ELO_MAX}` });
      continue;
    }
    records.push({
      type: "score",
      modelId,
      benchmark: "arena-elo",
      score: rating,
      measuredOn: ctx.observedAt,
      settings: "arena-catalog overall",
      sourceUrl: ctx.url ?? LMARENA_URL,
    });
  }
  if (records.length === 0) throw new Error(`no model of the arena-catalog payload has a usable overall rating (first problem: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  return { records, rejections };
}

export const lmarenaSource = {
  slug: "lmarena",
  name: "LMArena text leaderboard (arena-catalog)",
  kind: "benchmarks" as const,
  url: LMARENA_URL,
  defaultSchedule: "30 5 * * *",
  parse: parseLmarena,
};

export const lmarenaHistorySource = {
  slug: "lmarena-history",
  name: "LMArena overall text Elo by release date (nakasyou/lmarena-history)",
  kind: "import" as const,
  url: LMARENA_HISTORY_URL,
  defaultSchedule: "45 5 * * 1",
  parse: parseLmarenaHistory,
};

const HISTORY_FILE = "result.csv";
/**
 * The history's builder (main.py) reads `elo_rating_online` from the pickles until they gained a
 * `text` key (first row 2024-06-29), but from 2023-12-07 the leaderboard published Bradley-Terry
 * ratings instead (lmsys.org/blog/2023-12-07-leaderboard). Rows in between are online Elo that was
 * never the published number (gpt-4-0314: 1125 here, 1190 on the board), so they are rejected.
 */
const UNPUBLISHED_ONLINE_ELO = { from: "2023-12-06", until: "2024-06-29" };

/**
 * Wide CSV: header `"",<model key>,...`; one row per leaderboard release `yyyymmdd`; cells are the
 * overall text Elo, `0.0` when the model was not on that release. One score per model and date:
 * a repeated date row or model column is rejected and the first kept.
 */
export function parseLmarenaHistory(raw: string, ctx: ParseContext): ParseResult {
  const rows = readCsvRows(raw);
  const [header, ...body] = rows;
  if (!header || header[0]?.trim() !== "" || header.length < 2) {
    throw new Error(`payload does not match the lmarena-history layout: expected a header row with an empty first cell followed by model keys, got ${JSON.stringify((header ?? []).slice(0, 3).join(","))}`);
  }
  if (!body.some((r) => /^\d{8}$/.test(r[0]?.trim() ?? ""))) throw new Error("payload does not match the lmarena-history layout: no row starts with a yyyymmdd release date");

  const rejections: Rejection[] = [];
  const columns: { index: number; modelId: string }[] = [];
  const seenModels = new Set<string>();
  header.forEach((cell, index) => {
    if (index === 0) return;
    const modelId = cell.trim();
    if (!modelId) rejections.push({ file: HISTORY_FILE, record: `column ${index + 1}`, field: "(header)", reason: "missing model id" });
    else if (seenModels.has(modelId)) rejections.push({ file: HISTORY_FILE, record: modelId, field: `column ${index + 1}`, reason: "a second column for the same model; kept the first" });
    else {
      seenModels.add(modelId);
      columns.push({ index, modelId });
    }
  });

  const records: ScoreRecord[] = [];
  const seenDates = new Set<string>();
  for (const row of body) {
    const cell = row[0]?.trim() ?? "";
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(cell);
    const iso = date ? `${date[1]}-${date[2]}-${date[3]}` : "";
    if (!date || !isRealDate(iso)) {
      rejections.push({ file: HISTORY_FILE, record: cell || "(empty)", field: "(release date)", reason: "expected a release date as yyyymmdd" });
      continue;
    }
    if (row.length !== header.length) {
      rejections.push({ file: HISTORY_FILE, record: cell, field: "(row)", reason: `${row.length - 1} ratings for ${header.length - 1} model columns: cannot tell which models they belong to` });
      continue;
    }
    if (seenDates.has(iso)) {
      rejections.push({ file: HISTORY_FILE, record: cell, field: "(row)", reason: "a second row for the same release date; kept the first" });
      continue;
    }
    seenDates.add(iso);
    if (iso >= UNPUBLISHED_ONLINE_ELO.from && iso < UNPUBLISHED_ONLINE_ELO.until) {
      rejections.push({ file: HISTORY_FILE, record: cell, field: "(row)", reason: "online Elo, not the Bradley-Terry rating the leaderboard published between 2023-12-07 and 2024-06-29" });
      continue;
    }
    for (const { index, modelId } of columns) {
      const text = row[index]?.trim() ?? "";
      if (text === "" || Number(text) === 0) continue; // not on this release
      const elo = Number(text);
      const reason = !Number.isFinite(elo) ? `not a number: ${JSON.stringify(text)}` : elo < ARENA_ELO_MIN || elo > ARENA_ELO_MAX ? `rating ${elo} is outside the arena-elo range ${ARENA_ELO_MIN}-${ARENA_ELO_MAX}` : null;
      if (reason) {
        rejections.push({ file: HISTORY_FILE, record: `${modelId} ${cell}`, field: modelId, reason });
        continue;
      }
      records.push({
        type: "score",
        modelId,
        benchmark: "arena-elo",
        score: elo,
        measuredOn: new Date(`${iso}T00:00:00Z`),
        settings: "lmarena-history overall",
        sourceUrl: ctx.url ?? LMARENA_HISTORY_URL,
      });
    }
  }
  if (records.length === 0) throw new Error(`the lmarena-history payload holds no usable rating (first problem: ${rejections[0]?.record}: ${rejections[0]?.reason ?? "no rows"})`);
  return { records, rejections };
}

