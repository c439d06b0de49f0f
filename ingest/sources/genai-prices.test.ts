import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PriceRecord } from "../records";
import { GENAI_PRICES_URL, genaiPricesSource, parseGenaiPrices } from "./genai-prices";

const ctx = { observedAt: new Date("2026-08-21T20:02:24Z"), url: GENAI_PRICES_URL };
const recorded = readFileSync("../shared/data/genai-prices/data.v2.json", "utf8");
const fixture = (name: string) => readFileSync(`ingest/sources/fixtures/genai-prices/${name}`, "utf8");
const prices = (records: unknown[], provider: string, modelId: string) =>
  (records as PriceRecord[]).filter((r) => r.provider === provider && r.modelId === modelId);

describe("parseGenaiPrices on the recorded feed (2026-08-21)", () => {
  const result = parseGenaiPrices(recorded, ctx);

  it("emits a price per provider × model and tier, rejecting only models without token prices", () => {
    expect(result.records).toHaveLength(1458);
    expect(result.rejections).toHaveLength(48);
    const byTier = (tier: string) => (result.records as PriceRecord[]).filter((r) => r.tier === tier).length;
    expect(byTier("standard")).toBe(1283);
    expect(byTier("long-context")).toBe(25);
    expect(byTier("off-peak")).toBe(2);
    expect(byTier("free")).toBe(148);
    // 36 providers; voyageai sells embeddings only
    expect(new Set((result.records as PriceRecord[]).map((r) => r.provider)).size).toBe(35);
    expect(result.rejections.every((r) => /^no (output )?token price/.test(r.reason))).toBe(true);
  });

  it("turns o3's dated change into a closed price before 2025-06-10 and an open one from it", () => {
    const o3 = prices(result.records, "openai", "o3");
    expect(o3).toEqual([
      expect.objectContaining({ tier: "standard", input: 10, output: 40, cachedInput: 0.5, validTo: new Date("2025-06-10T00:00:00Z") }),
      expect.objectContaining({ tier: "standard", input: 2, output: 8, cachedInput: 0.5, validFrom: new Date("2025-06-10T00:00:00Z"), validTo: null }),
    ]);
    expect(o3[0]!.validFrom).toBeUndefined();
    expect(o3[0]!.sourceUrl).toBe("https://developers.openai.com/api/docs/pricing");
  });

  it("keeps a future-dated change (gemini-3.6-flash doubles on 2027-01-01)", () => {
    const g = prices(result.records, "google", "gemini-3.6-flash");
    expect(g.map((r) => [r.input, r.output, r.validFrom?.toISOString().slice(0, 10) ?? null])).toEqual([
      [0.75, 3.75, null],
      [1.5, 7.5, "2027-01-01"],
    ]);
  });

  it("splits a context-length cliff into standard and long-context, in every dated period", () => {
    const terra = prices(result.records, "openai", "gpt-5.6-terra");
    expect(terra.map((r) => [r.tier, r.input, r.output, r.cachedInput, r.cacheWrite, r.validFrom?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["standard", 2.5, 15, 0.25, 3.125, null],
      ["long-context", 5, 22.5, 0.5, 6.25, null],
      ["standard", 2, 12, 0.2, 2.5, "2026-07-30"],
      ["long-context", 4, 18, 0.4, 5, "2026-07-30"],
    ]);
    // a flat price next to tiered ones applies to both tiers
    const grok = prices(result.records, "openrouter", "x-ai/grok-4-fast");
    expect(grok.map((r) => [r.tier, r.input, r.output, r.cachedInput])).toEqual([["standard", 0.2, 0.5, 0.05], ["long-context", 0.4, 1, 0.05]]);
  });

  it("ends Anthropic's long-context surcharge when the dated entry drops the tiers", () => {
    const opus = prices(result.records, "anthropic", "claude-opus-4-6");
    expect(opus.filter((r) => r.tier === "long-context")).toEqual([
      expect.objectContaining({ input: 10, output: 37.5, validTo: new Date("2026-03-13T00:00:00Z") }),
    ]);
  });

  it("makes DeepSeek's cheaper time-of-day window the off-peak tier", () => {
    const chat = prices(result.records, "deepseek", "deepseek-chat");
    expect(chat.map((r) => [r.tier, r.input, r.output, r.cachedInput])).toEqual([
      ["off-peak", 0.135, 0.55, 0.035],
      ["standard", 0.27, 1.1, 0.07],
    ]);
    expect(chat.every((r) => r.validFrom === undefined)).toBe(true);
  });

  it("converts per-1k request prices to per request and keeps reasoning prices", () => {
    expect(prices(result.records, "perplexity", "sonar")[0]).toMatchObject({ input: 1, output: 1, perRequest: 0.012 });
    expect(prices(result.records, "perplexity", "sonar-deep-research")[0]).toMatchObject({ input: 2, output: 8, reasoning: 3, perRequest: null });
  });

  it("records OpenRouter :free variants as a free tier and rejects embeddings and empty prices", () => {
    expect(prices(result.records, "openrouter", "openai/gpt-oss-20b:free")).toEqual([expect.objectContaining({ tier: "free", input: 0, output: 0 })]);
    expect(result.rejections).toContainEqual({ file: "genai-prices/data.json", record: "openai/text-embedding-3-small", field: "prices.output_mtok", reason: "no output token price (input-only pricing, e.g. an embedding model)" });
    expect(result.rejections).toContainEqual({ file: "genai-prices/data.json", record: "openrouter/google/lyria-3-pro-preview", field: "prices", reason: "no token prices (empty price object)" });
  });
});

describe("parseGenaiPrices on faulty payloads", () => {
  it("rejects a negative, an absurd and an id-less model and keeps the others", () => {
    const { records, rejections } = parseGenaiPrices(fixture("faults.json"), ctx);
    expect((records as PriceRecord[]).map((r) => `${r.modelId}:${r.tier}`)).toEqual(["acme-good:standard", "acme-chat:free:free"]);
    expect(records[0]).toMatchObject({ provider: "acme", input: 1.5, output: 6, cachedInput: 0.15, sourceUrl: "https://acme.example/pricing" });
    expect(rejections).toEqual([
      { file: "genai-prices/data.json", record: "acme/acme-negative", field: "prices.input_mtok", reason: "a price cannot be negative (-1)" },
      { file: "genai-prices/data.json", record: "acme/acme-absurd", field: "prices.output_mtok", reason: "an absurd price (25000; over $10,000 per 1M tokens)" },
      { file: "genai-prices/data.json", record: "acme/models[3]", field: "id", reason: "required" },
      { file: "genai-prices/data.json", record: "acme/acme-embed", field: "prices.output_mtok", reason: "no output token price (input-only pricing, e.g. an embedding model)" },
      { file: "genai-prices/data.json", record: "acme/acme-voice", field: "prices", reason: "no token prices (only input_audio_mtok, output_audio_mtok)" },
      { file: "genai-prices/data.json", record: "acme/acme-bad-tier", field: "prices.input_mtok.tiers[0].price", reason: "a price cannot be negative (-4)" },
      { file: "genai-prices/data.json", record: "acme/acme-unordered", field: "prices[2].constraint.start_date", reason: "start dates must increase (2026-01-01 after 2026-05-01)" },
    ]);
  });

  it("fails the whole payload when a required field is renamed on most models (schema drift)", () => {
    expect(() => parseGenaiPrices(fixture("renamed-prices.json"), ctx)).toThrow(/^payload does not match the genai-prices schema: acme\.models\[0\]\.prices: required/);
  });

  it("fails the whole payload when the top level is not a provider list", () => {
    expect(() => parseGenaiPrices(JSON.stringify({ providers: [] }), ctx)).toThrow(/^payload does not match the genai-prices schema: .*expected array/);
    expect(() => parseGenaiPrices(JSON.stringify([{ id: "acme", name: "Acme", model: [] }]), ctx)).toThrow("payload does not match the genai-prices schema: [0].models: required");
  });

  it("fails on HTML instead of JSON and on a truncated payload", () => {
    expect(() => parseGenaiPrices("<!DOCTYPE html><html><body>rate limited</body></html>", ctx)).toThrow('expected genai-prices JSON but got HTML (starts with "<!DOCTYPE html>")');
    expect(() => parseGenaiPrices(recorded.slice(0, 5000), ctx)).toThrow(/^truncated JSON: the genai-prices ends after/);
    expect(() => parseGenaiPrices("", ctx)).toThrow("expected genai-prices JSON but got an empty payload");
  });
});

describe("genaiPricesSource", () => {
  it("describes the live feed", () => {
    expect(genaiPricesSource).toMatchObject({ slug: "genai-prices", kind: "prices", url: "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json" });
    expect(genaiPricesSource.parse).toBe(parseGenaiPrices);
  });
});
