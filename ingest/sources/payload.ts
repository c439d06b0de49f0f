/** Helpers every adapter shares: whole-payload checks (JSON, CSV), zod issue wording, price sanity. */
import { parse as parseCsv } from "csv-parse/sync";
import type { z } from "zod";
import type { PriceRecord } from "../records";

/**
 * Parses JSON, naming the usual ways a fetch goes wrong in one sentence: an HTML error page, an
 * empty or cut-off body. `what` names the payload in the message ("LiteLLM price map").
 */
export function parseJsonPayload(raw: string, what?: string): unknown {
  const label = what ? `${what} JSON` : "JSON";
  const text = raw.replace(/^\uFEFF/, "").trim();
  if (!text) throw new Error(`expected ${label} but got an empty payload`);
  if (text.startsWith("<")) throw new Error(`expected ${label} but got HTML (starts with ${JSON.stringify(text.slice(0, 15))})`);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    if (/end of JSON input|Unterminated string/.test(message) || at >= text.length) throw new Error(`truncated JSON: the ${what ?? "payload"} ends after ${text.length} characters in the middle of a value`);
    throw new Error(`expected ${label} but the payload does not parse: ${message}`);
  }
}

/** Reads CSV rows with a real parser (quoted cells, CRLF), naming HTML, empty and cut-off payloads. */
export function readCsvRows(raw: string): string[][] {
  const text = raw.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new Error("expected CSV but got an empty payload");
  if (text.trimStart().startsWith("<")) throw new Error(`expected CSV but got HTML (starts with ${JSON.stringify(text.trimStart().slice(0, 15))})`);
  let rows: string[][];
  try {
    rows = parseCsv(text, { skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new Error(`the CSV does not parse, perhaps truncated: ${(err as Error).message}`);
  }
  const width = rows[0]?.length ?? 0;
  const last = rows.at(-1);
  if (rows.length > 1 && last && last.length < width && !/[\r\n]$/.test(text)) throw new Error(`truncated CSV: the last row has ${last.length} of ${width} columns and no line end`);
  return rows;
}


/** "required" when the input lacks the field altogether, else zod's message. */
export function issueReason(input: unknown, issue: z.core.$ZodIssue): string {
  let value = input;
  for (const key of issue.path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value === undefined && issue.path.length > 0 ? "required" : issue.message;
}

/** One zod issue as "path: reason" for a rejection or a whole-payload error. */
export function describeIssue(input: unknown, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "unknown problem";
  return `${issue.path.length ? issue.path.map(String).join(".") : "(root)"}: ${issueReason(input, issue)}`;
}

/** USD per token → USD per 1M tokens, rounded to the ledger's 6 decimals. */
export function usdPerMillion(perToken: number): number {
  return Math.round(perToken * 1e12) / 1e6;
}

export const MAX_PRICE_USD_PER_MTOK = 10_000;

/** A price that cannot be true: negative, not finite, or absurd. */
export function checkPrice(r: Pick<PriceRecord, "input" | "output" | "cachedInput" | "cacheWrite" | "reasoning">): { field: string; reason: string } | null {
  for (const field of ["input", "output", "cachedInput", "cacheWrite", "reasoning"] as const) {
    const v = r[field];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) return { field, reason: "not a finite number" };
    if (v < 0) return { field, reason: `negative price ${v}` };
    if (v > MAX_PRICE_USD_PER_MTOK) return { field, reason: `absurd price $${v} per 1M tokens (over $${MAX_PRICE_USD_PER_MTOK})` };
  }
  return null;
}
