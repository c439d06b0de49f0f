/**
 * Analyst CSV import ("bring your own data"): one row per model, or per model and provider.
 *
 * Columns (header names are case-insensitive, in any order; only `model` is required):
 *   model          the model's id as you know it, e.g. "gpt-4o-2024-05-13" or "deepseek-ai/DeepSeek-R1"
 *   lab            the lab that made it, e.g. "OpenAI"
 *   release_date   YYYY-MM-DD
 *   open_weights   true/false, yes/no or 1/0
 *   provider       who charges the prices on this row; empty = the lab's own API (first party)
 *   input_price    USD per 1M input tokens  } both or neither; a "$" in front is allowed
 *   output_price   USD per 1M output tokens }
 *   price_date     YYYY-MM-DD the price took effect; default release_date (neither: as of the import)
 *   <benchmark>    any number of score columns named by benchmark slug (mmlu, gpqa-diamond, …) or
 *                  `score:<slug>`, in the benchmark's unit: percent 0–100 (87.5, not 0.875; a
 *                  trailing "%" is allowed), Arena Elo 700–1800, ECI 0–300. Empty cell = no score.
 *
 * What comes out of a row: catalogue facts (model, lab, release date, open weights); a standard-tier
 * price when prices are given (validFrom = price_date; with an empty provider the record's provider
 * is the lab as written, for the resolver to map to that lab's own API); one score per filled
 * benchmark cell, dated release_date or, without one, the import time.
 *
 * Errors:
 * - Whole file (the import fails, nothing loads): not CSV, no `model` column, a column named twice,
 *   or a header that is neither a column above, a benchmark slug, nor `score:<anything>` — a typo
 *   such as "input_prise" would otherwise drop a column of data without a word.
 * - Per cell (a rejection naming the row, header = row 1, and the column): missing model, not a
 *   number, negative or absurd price, a price without its pair, a price with neither provider nor
 *   lab (whose first-party price would it be?), bad date, bad yes/no, score outside
 *   the benchmark's range, a filled cell under `score:<slug>` for a benchmark we do not track
 *   ("unknown column") or under an unnamed column. Every bad cell of a row is reported, and a row
 *   with any bad cell loads nothing, so a row never half-loads; the other rows load.
 */
import { parse } from "csv-parse/sync";
import type { ModelFactRecord, ParseContext, ParseResult, PriceRecord, Rejection, ScoreRecord } from "../records";
import { CSV_IMPORT_BENCHMARKS, CSV_IMPORT_COLUMNS, CSV_IMPORT_SCORE_PREFIX, type CsvImportField } from "./csv-import-columns";
import { MAX_PRICE_USD_PER_MTOK } from "./payload";

export { CSV_IMPORT_BENCHMARKS, CSV_IMPORT_COLUMNS, CSV_IMPORT_SCORE_PREFIX };

type Column =
  | { kind: "field"; field: CsvImportField; header: string }
  | { kind: "score"; benchmark: string; known: boolean; header: string }
  | { kind: "ignored"; header: string };

function classifyHeader(header: string): Column | undefined {
  const name = header.trim().toLowerCase();
  if (name === "") return { kind: "ignored", header };
  const field = CSV_IMPORT_COLUMNS.find((c) => c.name === name);
  if (field) return { kind: "field", field: field.name, header };
  if (name.startsWith(CSV_IMPORT_SCORE_PREFIX)) {
    const slug = name.slice(CSV_IMPORT_SCORE_PREFIX.length).trim();
    return { kind: "score", benchmark: slug, known: Object.hasOwn(CSV_IMPORT_BENCHMARKS, slug), header };
  }
  if (Object.hasOwn(CSV_IMPORT_BENCHMARKS, name)) return { kind: "score", benchmark: name, known: true, header };
  return undefined;
}

function readTable(raw: string): string[][] {
  const head = raw.replace(/^\uFEFF/, "").trimStart();
  if (!head) throw new Error("empty file: expected a header row starting with a \"model\" column");
  if (head.startsWith("<")) throw new Error(`expected CSV but got HTML (starts with ${JSON.stringify(head.slice(0, 15))})`);
  try {
    // rows stay rows (blank lines included) so that row numbers match what a spreadsheet shows
    return parse(raw, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw new Error(`malformed CSV: ${(err as Error).message}`);
  }
}

function readColumns(header: string[]): Column[] {
  if (header.length === 1 && /[;\t]/.test(header[0] ?? "")) {
    throw new Error("expected comma-separated values, but the header row (row 1) looks separated by semicolons or tabs");
  }
  const columns = header.map((h) => {
    const c = classifyHeader(h);
    if (!c) {
      const known = [...CSV_IMPORT_COLUMNS.map((x) => x.name), ...Object.keys(CSV_IMPORT_BENCHMARKS)].join(", ");
      throw new Error(`unknown column "${h.trim()}" in the header (row 1): not an import column nor a benchmark slug (known: ${known}; or score:<slug>)`);
    }
    return c;
  });
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (c.kind === "ignored") continue;
    const key = c.kind === "field" ? c.field : `score:${c.benchmark}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new Error(`column "${c.header.trim()}" repeats column "${earlier.trim()}" in the header (row 1)`);
    seen.set(key, c.header);
  }
  if (!columns.some((c) => c.kind === "field" && c.field === "model")) throw new Error('no "model" column in the header (row 1)');
  return columns;
}

function readDate(text: string): Date | "bad" {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "bad";
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(text) ? "bad" : d;
}

/** A plain decimal number; `allow` strips a leading "$" (prices) or a trailing "%" (percent scores). */
function readNumber(text: string, allow?: "$" | "%"): number | undefined {
  const t = (allow === "$" ? text.replace(/^\$\s*/, "") : allow === "%" ? text.replace(/\s*%$/, "") : text).trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const YES = new Set(["true", "yes", "1"]);
const NO = new Set(["false", "no", "0"]);

export function parseCsvImport(raw: string, ctx: ParseContext): ParseResult {
  const [header = [], ...rows] = readTable(raw);
  const columns = readColumns(header);
  const file = ctx.url ? (ctx.url.split(/[/\\]/).pop() || "import.csv") : "import.csv";
  const records: (ModelFactRecord | PriceRecord | ScoreRecord)[] = [];
  const rejections: Rejection[] = [];

  rows.forEach((cells, i) => {
    const rowNumber = i + 2; // the header is row 1
    if (cells.every((c) => c.trim() === "")) return;
    const fields = new Map<CsvImportField, { text: string; header: string }>();
    const scores: { benchmark: string; known: boolean; text: string; header: string }[] = [];
    const problems: { field: string; reason: string }[] = [];
    if (cells.length > columns.length) problems.push({ field: "(row)", reason: `${cells.length} cells but the header has ${columns.length} columns` });
    columns.forEach((c, j) => {
      const text = (cells[j] ?? "").trim();
      if (c.kind === "field") fields.set(c.field, { text, header: c.header });
      else if (c.kind === "score") { if (text) scores.push({ ...c, text }); }
      else if (text) problems.push({ field: `column ${j + 1}`, reason: "unknown column: the cell has a value but the column has no header" });
    });
    const get = (f: CsvImportField) => fields.get(f)?.text ?? "";
    const col = (f: CsvImportField) => fields.get(f)?.header ?? f;
    const model = get("model");
    if (!model) problems.push({ field: col("model"), reason: "missing model" });

    const date = (f: CsvImportField): Date | undefined => {
      const text = get(f);
      if (!text) return undefined;
      const d = readDate(text);
      if (d === "bad") { problems.push({ field: col(f), reason: `bad date "${text}": expected YYYY-MM-DD` }); return undefined; }
      return d;
    };
    const released = date("release_date");
    const priceDate = date("price_date");

    let openWeights: boolean | undefined;
    const ow = get("open_weights").toLowerCase();
    if (YES.has(ow)) openWeights = true;
    else if (NO.has(ow)) openWeights = false;
    else if (ow) problems.push({ field: col("open_weights"), reason: `"${get("open_weights")}" is not true/false, yes/no or 1/0` });

    const price = (f: CsvImportField): number | undefined => {
      const text = get(f);
      if (!text) return undefined;
      const n = readNumber(text, "$");
      if (n === undefined) problems.push({ field: col(f), reason: `not a number: "${text}"` });
      else if (n < 0) problems.push({ field: col(f), reason: `negative price ${n}` });
      else if (n > MAX_PRICE_USD_PER_MTOK) problems.push({ field: col(f), reason: `absurd price ${n} (over $10,000 per 1M tokens)` });
      else return n;
      return undefined;
    };
    const input = price("input_price");
    const output = price("output_price");
    const hasInput = get("input_price") !== "";
    const hasOutput = get("output_price") !== "";
    if (hasInput !== hasOutput) {
      const missing: CsvImportField = hasInput ? "output_price" : "input_price";
      problems.push({ field: col(missing), reason: "input_price and output_price go together: this one is empty" });
    }
    const lab = get("lab");
    const provider = get("provider") || lab;
    if (hasInput && hasOutput && !provider) problems.push({ field: col("provider"), reason: "an empty provider means the lab's own API, but lab is empty too" });

    const scoreRecords: ScoreRecord[] = [];
    for (const s of scores) {
      const spec = s.known ? CSV_IMPORT_BENCHMARKS[s.benchmark] : undefined;
      if (!s.known || !spec) { problems.push({ field: s.header.trim(), reason: `unknown column: no benchmark "${s.benchmark}"` }); continue; }
      const n = readNumber(s.text, spec.unit === "percent" ? "%" : undefined);
      if (n === undefined) { problems.push({ field: s.header.trim(), reason: `not a number: "${s.text}"` }); continue; }
      if (n < spec.min || n > spec.max) {
        const reason = spec.unit === "percent" ? `score ${n} outside 0–100 for a percent benchmark` : `score ${n} outside ${s.benchmark}'s range ${spec.min}–${spec.max}`;
        problems.push({ field: s.header.trim(), reason });
        continue;
      }
      scoreRecords.push({ type: "score", modelId: model, benchmark: s.benchmark, score: n, measuredOn: released ?? ctx.observedAt, sourceUrl: null });
    }

    if (problems.length) {
      const record = model ? `row ${rowNumber} ("${model}")` : `row ${rowNumber}`;
      for (const p of problems) rejections.push({ file, record, ...p });
      return;
    }
    records.push({
      type: "model",
      modelId: model,
      ...(lab ? { labHint: lab } : {}),
      ...(released ? { releasedOn: released } : {}),
      ...(openWeights !== undefined ? { openWeights } : {}),
    });
    if (input !== undefined && output !== undefined) {
      const validFrom = priceDate ?? released;
      records.push({ type: "price", modelId: model, provider, tier: "standard", input, output, ...(validFrom ? { validFrom } : {}), sourceUrl: null });
    }
    records.push(...scoreRecords);
  });
  return { records, rejections };
}

export const csvImportSource = {
  slug: "csv-import",
  name: "Analyst CSV import",
  kind: "import",
  /** no upstream: the file comes from the analyst, on demand */
  url: undefined,
  defaultSchedule: undefined,
  parse: parseCsvImport,
} as const;
