/** Helpers every JSON/CSV/XML adapter shares: whole-payload checks and price sanity. */
import type { PriceRecord } from "../records";

/** Parses JSON, or says in one sentence why the payload is not JSON (HTML page, truncated, empty). */
export function parseJsonPayload(raw: string, what: string): unknown {
  const text = raw.replace(/^\uFEFF/, "");
  const head = text.trimStart().slice(0, 20);
  if (!head) throw new Error(`expected ${what} JSON but the payload is empty`);
  if (head.startsWith("<")) throw new Error(`expected ${what} JSON but got HTML or XML (starts with "${head.slice(0, 15)}")`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not valid JSON (truncated or corrupt): ${(err as Error).message}`);
  }
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
