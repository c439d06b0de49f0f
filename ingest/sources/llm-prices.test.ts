import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PriceRecord } from "../records";
import { LLM_PRICES_URLS, LLM_PRICES_VENDOR_FILES, llmPricesSource, parseLlmPrices } from "./llm-prices";

const DIR = "../shared/data/llm-prices";
const ctx = { observedAt: new Date("2026-08-06T01:25:35Z") };
const vendorFile = (name: string) => readFileSync(`${DIR}/${name}`, "utf8");
const parse = (name: string) => parseLlmPrices(vendorFile(name), ctx);
const find = (records: unknown[], modelId: string, tier = "standard") =>
  (records as PriceRecord[]).filter((r) => r.modelId === modelId && r.tier === tier);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("parseLlmPrices on the recorded vendor files (commit 723ef0b)", () => {
  it("reads every vendor file: 142 models, 148 price entries, one duplicate kept once", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
    expect(files).toEqual([...LLM_PRICES_VENDOR_FILES].sort());
    const results = files.map(parse);
    expect(results.flatMap((r) => r.rejections)).toEqual([]);
    expect(results.reduce((n, r) => n + r.records.length, 0)).toBe(147);
    expect(results.flatMap((r) => r.records as PriceRecord[]).filter((r) => r.tier === "long-context")).toHaveLength(27);
  });

  it("sorts deepseek-chat's history and dates it: 0.14/0.28 until 2025-02-08, then 0.27/1.10", () => {
    const { records } = parse("deepseek.json");
    const chat = find(records, "deepseek-chat");
    expect(chat).toHaveLength(2);
    expect(chat[0]).toMatchObject({ provider: "deepseek", input: 0.14, output: 0.28, cachedInput: null, validTo: day("2025-02-08") });
    expect(chat[0]!.validFrom).toBeUndefined();
    expect(chat[1]).toMatchObject({ input: 0.27, output: 1.1, validFrom: day("2025-02-08"), validTo: null });
    expect(chat[1]!.sourceUrl).toBe("https://github.com/simonw/llm-prices/blob/main/data/deepseek.json");
  });

  it("keeps claude-sonnet-5's future-dated rise on 2026-09-01", () => {
    const sonnet = find(parse("anthropic.json").records, "claude-sonnet-5");
    expect(sonnet.map((r) => [r.input, r.output, r.validFrom?.toISOString().slice(0, 10) ?? null, r.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      [2, 10, null, "2026-09-01"],
      [3, 15, "2026-09-01", null],
    ]);
  });

  it("maps the '>272k' ids to the long-context tier of the base model, with their own history", () => {
    const { records } = parse("openai.json");
    expect(find(records, "gpt-5.6-luna-272k")).toEqual([]);
    expect(find(records, "gpt-5.6-luna", "long-context").map((r) => [r.input, r.output, r.cachedInput, r.validFrom?.toISOString().slice(0, 10) ?? null])).toEqual([
      [2, 9, 0.2, null],
      [0.4, 1.8, 0.04, "2026-07-30"],
    ]);
    expect(find(records, "gpt-5.6-luna").map((r) => [r.input, r.output, r.cachedInput])).toEqual([[1, 6, 0.1], [0.2, 1.2, 0.02]]);
    // an undated single entry is a plain observation
    const gpt4o = find(records, "gpt-4o");
    expect(gpt4o).toEqual([expect.objectContaining({ input: 2.5, output: 10, cachedInput: 1.25 })]);
    expect("validFrom" in gpt4o[0]! || "validTo" in gpt4o[0]!).toBe(false);
  });

  it("keeps a model listed twice with the same price once (xai grok-4-fast)", () => {
    const { records, rejections } = parse("xai.json");
    expect(rejections).toEqual([]);
    expect(find(records, "grok-4-fast")).toEqual([expect.objectContaining({ provider: "xai", input: 0.2, output: 0.5, cachedInput: 0.05 })]);
    expect(find(records, "grok-4-fast", "long-context")).toEqual([expect.objectContaining({ input: 0.4, output: 1 })]);
  });

  it("leaves ids that only end in a context size as standard models", () => {
    const raw = JSON.stringify({ vendor: "z.ai", models: [{ id: "glm-4-32b-0414-128k", name: "GLM-4-32B-0414-128K", price_history: [{ input: 0.1, output: 0.1, from_date: null, to_date: null, input_cached: null }] }] });
    expect(parseLlmPrices(raw, ctx).records).toEqual([expect.objectContaining({ modelId: "glm-4-32b-0414-128k", tier: "standard", provider: "z.ai" })]);
  });
});

describe("parseLlmPrices on faulty files", () => {
  it("rejects an impossible date with its reason instead of failing the whole file", () => {
    const file = JSON.parse(vendorFile("deepseek.json"));
    file.models[0].price_history[0].from_date = "2025-13-01";
    const r = parseLlmPrices(JSON.stringify(file), ctx);
    expect(r.rejections).toEqual([expect.objectContaining({ record: file.models[0].id, reason: "not a real calendar date" })]);
    expect(r.records.length).toBeGreaterThan(0);
  });

  const { records, rejections } = parseLlmPrices(readFileSync("ingest/sources/fixtures/llm-prices/faults.json", "utf8"), ctx);

  it("rejects negative, absurd, id-less, backwards and conflicting entries and keeps the good model", () => {
    expect((records as PriceRecord[]).map((r) => [r.modelId, r.tier, r.input, r.validFrom?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["acme-good", "standard", 3, null],
      ["acme-good", "standard", 2, "2026-03-01"],
      ["acme-good", "long-context", 4, null],
    ]);
    expect(rejections).toEqual([
      { file: "acme.json", record: "acme-negative", field: "price_history[0].input", reason: "a price cannot be negative" },
      { file: "acme.json", record: "acme-absurd", field: "price_history[0].output", reason: "an absurd price (over $10,000 per 1M tokens)" },
      { file: "acme.json", record: "models[4]", field: "id", reason: "required" },
      { file: "acme.json", record: "acme-backwards", field: "price_history[0].to_date", reason: "to_date 2026-02-01 is not after from_date 2026-04-01" },
      { file: "acme.json", record: "acme-good", field: "id", reason: 'model "acme-good" (standard) is listed twice with different prices; the first entry is kept' },
    ]);
  });

  it("rejects the only model of a file for a bad price without failing the file", () => {
    const raw = JSON.stringify({ vendor: "minimax", models: [{ id: "minimax-m2", name: "MiniMax M2", price_history: [{ input: -0.3, output: 1.2, from_date: null, to_date: null, input_cached: null }] }] });
    expect(parseLlmPrices(raw, ctx)).toEqual({ records: [], rejections: [{ file: "minimax.json", record: "minimax-m2", field: "price_history[0].input", reason: "a price cannot be negative" }] });
  });

  it("fails the whole file when price_history is renamed (schema drift)", () => {
    const drifted = vendorFile("deepseek.json").replaceAll('"price_history"', '"prices"');
    expect(() => parseLlmPrices(drifted, ctx)).toThrow(/^payload does not match the llm-prices vendor file schema: models\[0\]\.price_history: required \(in 4 of 4 models\)/);
    expect(() => parseLlmPrices(JSON.stringify({ vendor_id: "x", models: [] }), ctx)).toThrow("payload does not match the llm-prices vendor file schema: vendor: required");
  });

  it("fails on HTML instead of JSON and on a truncated file", () => {
    expect(() => parseLlmPrices("<html><head><title>404 Not Found</title></head></html>", ctx)).toThrow('expected llm-prices JSON but got HTML (starts with "<html><head><ti")');
    expect(() => parseLlmPrices(vendorFile("openai.json").slice(0, 700), ctx)).toThrow(/^truncated JSON: the llm-prices ends after/);
  });
});

describe("llmPricesSource", () => {
  it("lists one raw GitHub URL per vendor file", () => {
    expect(LLM_PRICES_URLS).toHaveLength(11);
    expect(LLM_PRICES_URLS).toContain("https://raw.githubusercontent.com/simonw/llm-prices/main/data/deepseek.json");
    expect(llmPricesSource).toMatchObject({ slug: "llm-prices", kind: "prices", urls: LLM_PRICES_URLS });
  });
});
