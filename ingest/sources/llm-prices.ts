/**
 * Simon Willison's llm-prices adapter (https://github.com/simonw/llm-prices, folder data/, one JSON
 * file per vendor). Pure: one vendor file's text in, dated PriceRecords out, named by the file's
 * vendor id ("deepseek", "meta-ai", ...) and the model id.
 *
 * - `from_date` (inclusive) → validFrom, `to_date` (exclusive) → validTo (null while current).
 *   An entry with `from_date: null` ("from the beginning") has no validFrom: its start is unknown.
 *   An entry with neither date is a plain observation (no validFrom, no validTo).
 * - Entries are not sorted upstream (deepseek-chat lists the newer price first); we sort them.
 * - The files model long-context pricing as separate ids: "gpt-5.4-272k" named "GPT-5.4 >272k".
 *   Such an entry becomes tier "long-context" of the base id ("gpt-5.4"); other ids are "standard".
 * - A model id listed twice with the same history is kept once; with a different history the
 *   second one is rejected.
 */
import { z } from "zod";
import type { ParseContext, ParseResult, PriceRecord, Rejection } from "../records";
import { parseDay } from "../../lib/dates";
import { parseJsonPayload } from "./payload";
import { isRealDate } from "../../lib/dates";

/** The vendor files in data/ at commit 723ef0b (2026-08-05); a new vendor file needs adding here. */
export const LLM_PRICES_VENDOR_FILES = [
  "amazon.json", "anthropic.json", "deepseek.json", "google.json", "meta-ai.json", "minimax.json",
  "mistral.json", "moonshot-ai.json", "openai.json", "qwen.json", "xai.json",
] as const;
const RAW_BASE = "https://raw.githubusercontent.com/simonw/llm-prices/main/data/";
export const LLM_PRICES_URLS: readonly string[] = LLM_PRICES_VENDOR_FILES.map((f) => `${RAW_BASE}${f}`);
export const LLM_PRICES_URL = "https://github.com/simonw/llm-prices/tree/main/data";

/** llm-prices vendor ids → provider slugs of prisma/seed/providers.yaml (meta-ai has no curated provider). */
export const LLM_PRICES_PROVIDERS: Record<string, string> = {
  amazon: "aws-bedrock", anthropic: "anthropic", deepseek: "deepseek", google: "google", minimax: "minimax", mistral: "mistral",
  "moonshot-ai": "moonshot", openai: "openai", qwen: "alibaba-cloud", xai: "xai", "z.ai": "zhipu",
};

export const llmPricesSource = {
  slug: "llm-prices",
  name: "llm-prices (Simon Willison)",
  kind: "prices" as const,
  url: LLM_PRICES_URL,
  /** one fetch + parse per vendor file */
  urls: LLM_PRICES_URLS,
  defaultSchedule: "23 5 * * *",
  parse: parseLlmPrices,
};

const MAX_USD = 10_000;
const usd = z.number().min(0, "a price cannot be negative").max(MAX_USD, "an absurd price (over $10,000 per 1M tokens)");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");

export const llmPricesEntrySchema = z.looseObject({
  input: usd,
  output: usd,
  input_cached: usd.nullable().optional(),
  from_date: isoDate.nullable(),
  to_date: isoDate.nullable().optional(),
});
export const llmPricesModelSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  price_history: z.array(llmPricesEntrySchema).min(1),
});
export const llmPricesFileSchema = z.looseObject({
  vendor: z.string().min(1),
  // validated one by one so that one bad model is a rejection, not a failed run
  models: z.array(z.unknown()).min(1),
});
type Entry = z.infer<typeof llmPricesEntrySchema>;

export function parseLlmPrices(raw: string, _ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw, "llm-prices");
  const top = llmPricesFileSchema.safeParse(doc);
  if (!top.success) throw new Error(`payload does not match the llm-prices vendor file schema: ${formatIssue(top.error.issues[0])}`);
  const { vendor, models } = top.data;
  const file = `${vendor}.json`;
  const sourceUrl = `https://github.com/simonw/llm-prices/blob/main/data/${vendor}.json`;

  const records: PriceRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Map<string, string>(); // modelId|tier → history fingerprint
  let schemaFailures = 0; // missing or mistyped fields only
  let firstFailure = "";

  models.forEach((rawModel, i) => {
    const rawId = (rawModel as { id?: unknown } | null)?.id;
    const record = typeof rawId === "string" && rawId ? rawId : `models[${i}]`;
    const parsed = llmPricesModelSchema.safeParse(rawModel);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      // a value out of range is a bad record; a missing or mistyped field may be drift
      if (issue.code === "invalid_type" || issue.code === "invalid_union") {
        schemaFailures++;
        firstFailure ||= `models[${i}].${pathOf(issue.path)}: ${issueMessage(issue)}`;
      }
      rejections.push({ file, record, field: pathOf(issue.path), reason: issueMessage(issue) });
      return;
    }
    const model = parsed.data;
    const { modelId, tier } = tierOf(model.id, model.name);
    const history = [...model.price_history].sort((a, b) => (a.from_date ?? "").localeCompare(b.from_date ?? ""));
    const problem = checkHistory(history);
    if (problem) {
      rejections.push({ file, record, field: problem.field, reason: problem.reason });
      return;
    }
    const key = `${modelId}|${tier}`;
    const fingerprint = JSON.stringify(history.map((h) => [h.input, h.output, h.input_cached ?? null, h.from_date, h.to_date ?? null]));
    const previous = seen.get(key);
    if (previous !== undefined) {
      if (previous !== fingerprint) rejections.push({ file, record, field: "id", reason: `model "${modelId}" (${tier}) is listed twice with different prices; the first entry is kept` });
      return;
    }
    seen.set(key, fingerprint);
    for (const h of history) records.push(toRecord(vendor, modelId, tier, h, sourceUrl));
  });

  // a field missing from most models is a renamed field upstream (schema drift), not bad records
  if (schemaFailures > models.length / 2) {
    throw new Error(`payload does not match the llm-prices vendor file schema: ${firstFailure} (in ${schemaFailures} of ${models.length} models)`);
  }
  return { records, rejections };
}

/** "gpt-5.4-272k" named "GPT-5.4 >272k" is the long-context price of "gpt-5.4". */
function tierOf(id: string, name: string | undefined): { modelId: string; tier: PriceRecord["tier"] } {
  const m = /^(.+)-(\d+)k$/i.exec(id);
  if (m && name && new RegExp(`>\\s*${m[2]}k\\b`, "i").test(name)) return { modelId: m[1]!, tier: "long-context" };
  return { modelId: id, tier: "standard" };
}

function checkHistory(history: Entry[]): { field: string; reason: string } | undefined {
  if (history.filter((h) => h.from_date === null).length > 1) return { field: "price_history", reason: "more than one entry without a from_date" };
  for (let i = 0; i < history.length; i++) {
    const h = history[i]!;
    if (h.from_date && h.to_date && h.to_date <= h.from_date) return { field: `price_history[${i}].to_date`, reason: `to_date ${h.to_date} is not after from_date ${h.from_date}` };
    const next = history[i + 1];
    if (next && next.from_date === h.from_date) return { field: `price_history[${i + 1}].from_date`, reason: `two entries start on ${h.from_date}` };
    if (next && h.to_date && next.from_date && h.to_date > next.from_date) return { field: `price_history[${i}].to_date`, reason: `overlaps the entry starting ${next.from_date}` };
    if (next && !h.to_date && h.from_date === null) return { field: `price_history[${i}].to_date`, reason: "an undated entry followed by a dated one needs a to_date" };
  }
  return undefined;
}

function toRecord(vendor: string, modelId: string, tier: PriceRecord["tier"], h: Entry, sourceUrl: string): PriceRecord {
  const rec: PriceRecord = {
    type: "price",
    modelId,
    provider: vendor,
    tier,
    input: h.input,
    output: h.output,
    cachedInput: h.input_cached ?? null,
    sourceUrl,
  };
  if (h.from_date) rec.validFrom = parseDay(h.from_date);
  if (h.from_date || h.to_date) rec.validTo = h.to_date ? parseDay(h.to_date) : null;
  return rec;
}

function pathOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(record)";
}

function issueMessage(issue: z.core.$ZodIssue): string {
  return /received undefined$/.test(issue.message) ? "required" : issue.message;
}

function formatIssue(issue: z.core.$ZodIssue | undefined): string {
  return issue ? `${pathOf(issue.path)}: ${issueMessage(issue)}` : "unknown problem";
}
