/**
 * Reading Epoch AI's CSV downloads: a real CSV parser (notes and abstracts hold quoted multi-line
 * cells), a header check against a zod schema of the columns we rely on, and the cell readers the
 * three Epoch parsers share. Pure: no I/O, no clock.
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";

/** Why `raw` is not a CSV table at all (HTML error page, JSON, nothing), or undefined. */
export function describeNonCsv(raw: string): string | undefined {
  const head = raw.replace(/^\uFEFF/, "").trimStart();
  if (!head) return "empty payload: no header row";
  const start = JSON.stringify(head.slice(0, 15));
  if (head.startsWith("<")) return `expected CSV but got HTML (starts with ${start})`;
  if (head.startsWith("{") || head.startsWith("[")) return `expected CSV but got JSON (starts with ${start})`;
  return undefined;
}

/**
 * Parses a CSV download into one object per data row, keyed by the trimmed header names.
 * Throws when the payload is not CSV, is malformed or cut off mid-row, or lacks a column the
 * schema requires (schema drift).
 */
export function readCsvTable<S extends z.ZodType>(raw: string, schema: S, what: string): z.infer<S>[] {
  const problem = describeNonCsv(raw);
  if (problem) throw new Error(problem);
  let table: string[][];
  try {
    table = parse(raw, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new Error(`malformed ${what} CSV (truncated?): ${(err as Error).message}`);
  }
  const [header = [], ...rows] = table;
  const names = header.map((h) => h.trim());
  const probe = schema.safeParse(Object.fromEntries(names.map((n) => [n, ""])));
  if (!probe.success) {
    const missing = probe.error.issues.map((i) => (i.code === "invalid_type" ? `missing column "${String(i.path[0])}"` : i.message));
    throw new Error(`payload does not match the ${what} schema: ${missing.join("; ")}`);
  }
  return rows.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""])) as z.infer<S>);
}

/** A trimmed cell; "" when the column is absent. */
export function cell(row: Record<string, unknown>, column: string): string {
  const v = row[column];
  return typeof v === "string" ? v.trim() : "";
}

/** A number cell: null when empty, NaN when not a number. */
export function numberCell(text: string): number | null {
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A YYYY-MM-DD calendar date at UTC midnight: null when empty, "invalid" otherwise. */
export function dateCell(text: string): Date | null | "invalid" {
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "invalid";
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(text) ? "invalid" : d;
}

/**
 * Epoch's "Model accessibility": "Open weights (unrestricted | restricted use | non-commercial)"
 * are open weights; "API access", "Hosted access (no API)" and "Unreleased" are not; an empty or
 * unfamiliar value says nothing (undefined).
 */
export function openWeightsFromAccessibility(text: string): boolean | undefined {
  if (/^open weights/i.test(text)) return true;
  if (/^(api access|hosted access|unreleased)/i.test(text)) return false;
  return undefined;
}

const EFFORTS = new Set(["none", "minimal", "low", "medium", "high", "xhigh", "max"]);

/**
 * The run configuration Epoch writes as a suffix of a model version id:
 * "gpt-5-2025-08-07_high" → reasoning effort, "claude-opus-4-6_32K" → thinking budget,
 * "_unknown" → effort not stated, "_thinking" → thinking mode, "-web-app" → the chat app.
 * Underscores that are part of a name ("Qwen-1_8B", "phi-1_5", "open_llama_7b") give undefined.
 */
export function describeVersionSuffix(version: string): string | undefined {
  if (/-web-app$/i.test(version)) return "via the web app";
  const suffix = /_([A-Za-z0-9]+)$/.exec(version)?.[1];
  if (!suffix) return undefined;
  const lower = suffix.toLowerCase();
  if (EFFORTS.has(lower)) return `reasoning effort: ${lower}`;
  if (lower === "unknown") return "reasoning effort: not stated";
  if (lower === "thinking") return "thinking mode";
  const budget = /^(\d+)k$/.exec(lower)?.[1];
  if (budget) return `thinking budget: ${budget}K tokens`;
  return undefined;
}

/** 0–1 fraction → percent, without binary-fraction noise (0.3465909090909091 → 34.659091). */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 1e8) / 1e6;
}
