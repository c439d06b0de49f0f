/**
 * pydantic genai-prices adapter (https://github.com/pydantic/genai-prices, MIT). Pure: the v2 feed's
 * text in, one PriceRecord per provider × model × price period × tier out, still named by the
 * source's own ids (provider "openai", model "o3").
 *
 * How the feed's shapes map to records:
 * - One price object: the price observed now (no validFrom / validTo).
 * - A list with `start_date` constraints is a dated history. The unconstrained first entry is the
 *   price BEFORE the first start date; its own start is unknown, so it gets `validTo` = the first
 *   start date and no `validFrom` (the writer must not read it as "observed now"). Each dated entry
 *   gets validFrom = its start date and validTo = the next start date, or null while it is current.
 * - A list with one `start_time`/`end_time` constraint (DeepSeek's daily window): the cheaper of the
 *   two prices is tier "off-peak", the other "standard".
 * - A tiered value `{base, tiers}` (a context-length cliff): base → the period's "standard" record,
 *   first tier's price → a "long-context" record. The threshold (e.g. 272k tokens) has no field in
 *   PriceRecord and is not carried; further tiers (none in the feed today) are ignored.
 * - A price object with no text input/output price is rejected ("no token prices"); input-only
 *   pricing (embedding models) is rejected too, since PriceRecord needs an output price. The one
 *   exception: an empty price object on an id ending in ":free" (OpenRouter free variants) is a
 *   "free" tier record at 0 / 0.
 */
import type { z } from "zod";
import type { ParseContext, ParseResult, PriceRecord, Rejection } from "../records";
import { parseDay } from "../../lib/dates";
import { parseJsonPayload } from "./payload";
import {
  genaiModelSchema,
  genaiPayloadSchema,
  type GenaiConditionalPrice,
  type GenaiModel,
  type GenaiModelPrice,
  type GenaiPriceValue,
} from "./genai-prices-schema";

export const GENAI_PRICES_URL = "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json";
const FILE = "genai-prices/data.json";
const MAX_USD = 10_000;

/**
 * genai-prices provider ids → provider slugs of prisma/seed/providers.yaml, where one exists.
 * Unmapped on purpose: zhipuai (the mainland platform; "zai" is Z.ai's international API, mapped to
 * zhipu — mapping both would give one offering two conflicting ledgers), the huggingface_* router
 * pass-throughs, and providers with no curated entry (avian, doubleword, modal, ovhcloud,
 * perplexity, voyageai). "google" lists Gemini API prices, and Vertex prices for partner models.
 */
export const GENAI_PRICES_PROVIDERS: Record<string, string> = {
  anthropic: "anthropic", aws: "aws-bedrock", azure: "azure", cerebras: "cerebras", cohere: "cohere", deepseek: "deepseek",
  fireworks: "fireworks", google: "google", groq: "groq", minimax: "minimax", mistral: "mistral", moonshotai: "moonshot",
  novita: "novita", openai: "openai", openrouter: "openrouter", together: "together", "x-ai": "xai", zai: "zhipu",
};

export const genaiPricesSource = {
  slug: "genai-prices",
  name: "pydantic genai-prices",
  kind: "prices" as const,
  url: GENAI_PRICES_URL,
  // the feed changes several times a week
  defaultSchedule: "17 5 * * *",
  parse: parseGenaiPrices,
};

type Tier = PriceRecord["tier"];
interface Period {
  entry: GenaiConditionalPrice;
  /** index in the model's `prices` list, for rejection paths (undefined = a single price object) */
  index?: number;
  tier: Tier;
  validFrom?: Date;
  validTo?: Date | null;
}

export function parseGenaiPrices(raw: string, _ctx: ParseContext): ParseResult {
  const doc = parseJsonPayload(raw, "genai-prices");
  const top = genaiPayloadSchema.safeParse(doc);
  if (!top.success) throw new Error(`payload does not match the genai-prices schema: ${formatIssue(top.error.issues[0])}`);

  const records: PriceRecord[] = [];
  const rejections: Rejection[] = [];
  let modelCount = 0;
  const schemaFailures: z.core.$ZodIssue[] = [];

  for (const provider of top.data) {
    const sourceUrl = provider.pricing_urls?.[0] ?? null;
    provider.models.forEach((rawModel, i) => {
      modelCount++;
      const idGuess = typeof (rawModel as { id?: unknown })?.id === "string" ? (rawModel as { id: string }).id : `models[${i}]`;
      const record = `${provider.id}/${idGuess}`;
      const parsed = genaiModelSchema.safeParse(rawModel);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        if (issue.code === "invalid_type" || issue.code === "invalid_union") schemaFailures.push({ ...issue, path: [provider.id, "models", i, ...issue.path] });
        rejections.push({ file: FILE, record, field: pathOf(issue.path), reason: issueMessage(issue) });
        return;
      }
      const out = modelRecords(provider.id, parsed.data, sourceUrl);
      if ("rejection" in out) rejections.push({ file: FILE, record, ...out.rejection });
      else records.push(...out.records);
    });
  }

  // a field missing from most models is a renamed field upstream (schema drift), not bad records
  if (modelCount > 0 && schemaFailures.length > modelCount / 2) {
    throw new Error(`payload does not match the genai-prices schema: ${formatIssue(schemaFailures[0])} (and ${schemaFailures.length - 1} more models)`);
  }
  if (modelCount === 0) throw new Error("payload does not match the genai-prices schema: no provider lists any model");
  return { records, rejections };
}

type ModelOutcome = { records: PriceRecord[] } | { rejection: { field: string; reason: string } };

function modelRecords(providerId: string, model: GenaiModel, sourceUrl: string | null): ModelOutcome {
  const periods = toPeriods(model);
  if ("rejection" in periods) return periods;
  const records: PriceRecord[] = [];
  for (const p of periods) {
    const at = p.index === undefined ? "prices" : `prices[${p.index}].prices`;
    const prices = p.entry.prices;
    const base = { type: "price" as const, modelId: model.id, provider: providerId, sourceUrl, mode: null };
    const dates = { ...(p.validFrom ? { validFrom: p.validFrom } : {}), ...(p.validTo !== undefined ? { validTo: p.validTo } : {}) };

    if (prices.input_mtok === undefined && prices.output_mtok === undefined) {
      const units = Object.keys(prices);
      if (units.length === 0 && model.id.endsWith(":free")) {
        records.push({ ...base, ...dates, tier: "free", input: 0, output: 0 });
        continue;
      }
      return { rejection: { field: at, reason: units.length ? `no token prices (only ${units.join(", ")})` : "no token prices (empty price object)" } };
    }
    if (prices.output_mtok === undefined) return { rejection: { field: `${at}.output_mtok`, reason: "no output token price (input-only pricing, e.g. an embedding model)" } };
    if (prices.input_mtok === undefined) return { rejection: { field: `${at}.input_mtok`, reason: "no input token price" } };

    const bad = checkRanges(prices, at);
    if (bad) return { rejection: bad };

    records.push({ ...base, ...dates, tier: p.tier, ...components(prices, "base") });
    if (hasTiers(prices)) {
      if (p.tier !== "standard") return { rejection: { field: at, reason: `context-length tiers inside a ${p.tier} price are not supported` } };
      records.push({ ...base, ...dates, tier: "long-context", ...components(prices, "tier") });
    }
  }
  return { records };
}

/** Splits a model's prices into periods (dated history) or variants (time of day), each with its tier. */
function toPeriods(model: GenaiModel): Period[] | { rejection: { field: string; reason: string } } {
  if (!Array.isArray(model.prices)) return [{ entry: { prices: model.prices }, tier: "standard" }];
  const list = model.prices;
  if (list.length === 1) return [{ entry: list[0]!, index: 0, tier: "standard" }];

  const plain = list.flatMap((e, index) => (e.constraint ? [] : [{ e, index }]));
  const dated = list.flatMap((e, index) => (e.constraint && "start_date" in e.constraint ? [{ e, index, start: e.constraint.start_date as string }] : []));
  const timed = list.flatMap((e, index) => (e.constraint && "start_time" in e.constraint ? [{ e, index }] : []));
  if (plain.length > 1) return { rejection: { field: `prices[${plain[1]!.index}].constraint`, reason: "more than one unconstrained price in the list" } };
  if (dated.length && timed.length) return { rejection: { field: "prices", reason: "mixes dated and time-of-day constraints; not supported" } };

  if (timed.length) {
    if (timed.length > 1 || plain.length !== 1) return { rejection: { field: "prices", reason: "expected one unconstrained price and one time-of-day window" } };
    const window = timed[0]!;
    const other = plain[0]!;
    const windowIsCheaper = cost(window.e.prices) < cost(other.e.prices);
    return [
      { entry: other.e, index: other.index, tier: windowIsCheaper ? "standard" : "off-peak" },
      { entry: window.e, index: window.index, tier: windowIsCheaper ? "off-peak" : "standard" },
    ];
  }

  for (let i = 1; i < dated.length; i++) {
    if (dated[i]!.start <= dated[i - 1]!.start) return { rejection: { field: `prices[${dated[i]!.index}].constraint.start_date`, reason: `start dates must increase (${dated[i]!.start} after ${dated[i - 1]!.start})` } };
  }
  const periods: Period[] = [];
  if (plain.length) periods.push({ entry: plain[0]!.e, index: plain[0]!.index, tier: "standard", validTo: parseDay(dated[0]!.start) });
  dated.forEach((d, i) => {
    const next = dated[i + 1];
    periods.push({ entry: d.e, index: d.index, tier: "standard", validFrom: parseDay(d.start), validTo: next ? parseDay(next.start) : null });
  });
  return periods;
}

const FIELDS = [
  ["input", "input_mtok"],
  ["output", "output_mtok"],
  ["cachedInput", "cache_read_mtok"],
  ["cacheWrite", "cache_write_mtok"],
  ["reasoning", "output_reasoning_mtok"],
] as const;

function components(prices: GenaiModelPrice, which: "base" | "tier") {
  const pick = (v: GenaiPriceValue | undefined): number | null => {
    if (v === undefined) return null;
    if (typeof v === "number") return v;
    return which === "base" ? v.base : firstTier(v).price;
  };
  return {
    input: pick(prices.input_mtok) ?? 0,
    output: pick(prices.output_mtok) ?? 0,
    cachedInput: pick(prices.cache_read_mtok),
    cacheWrite: pick(prices.cache_write_mtok),
    reasoning: pick(prices.output_reasoning_mtok),
    perRequest: prices.requests_kcount === undefined ? null : prices.requests_kcount / 1000,
  };
}

function firstTier(v: Exclude<GenaiPriceValue, number>) {
  return [...v.tiers].sort((a, b) => a.start - b.start)[0]!;
}

function hasTiers(prices: GenaiModelPrice): boolean {
  return FIELDS.some(([, key]) => typeof prices[key] === "object");
}

/** The sum of input and output list prices, to tell the discounted window from the normal one. */
function cost(prices: GenaiModelPrice): number {
  const n = (v: GenaiPriceValue | undefined) => (v === undefined ? 0 : typeof v === "number" ? v : v.base);
  return n(prices.input_mtok) + n(prices.output_mtok);
}

function checkRanges(prices: GenaiModelPrice, at: string): { field: string; reason: string } | undefined {
  const values: [string, number][] = [];
  for (const [, key] of FIELDS) {
    const v = prices[key];
    if (typeof v === "number") values.push([`${at}.${key}`, v]);
    else if (v) {
      values.push([`${at}.${key}.base`, v.base]);
      v.tiers.forEach((t, i) => values.push([`${at}.${key}.tiers[${i}].price`, t.price]));
    }
  }
  if (prices.requests_kcount !== undefined) values.push([`${at}.requests_kcount`, prices.requests_kcount]);
  for (const [field, v] of values) {
    if (!Number.isFinite(v)) return { field, reason: "not a finite number" };
    if (v < 0) return { field, reason: `a price cannot be negative (${v})` };
    if (v > MAX_USD) return { field, reason: `an absurd price (${v}; over $10,000 per 1M tokens)` };
  }
  return undefined;
}

function pathOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(record)";
}

const MISSING = /received undefined$/;
function issueMessage(issue: z.core.$ZodIssue): string {
  if (MISSING.test(issue.message)) return "required";
  // a missing value fails every branch of a union the same way
  if (issue.code === "invalid_union" && issue.errors.length && issue.errors.every((b) => b.length === 1 && MISSING.test(b[0]!.message))) return "required";
  return issue.message;
}

function formatIssue(issue: z.core.$ZodIssue | undefined): string {
  return issue ? `${pathOf(issue.path)}: ${issueMessage(issue)}` : "unknown problem";
}
