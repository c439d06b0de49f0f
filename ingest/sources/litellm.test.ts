import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PriceRecord } from "../records";
import { parseLitellm } from "./litellm";

const ctx = { observedAt: new Date("2026-07-24T00:00:00Z") };
const copy = (name: string) => readFileSync(`../shared/data/litellm-prices/${name}`, "utf8");

describe("parseLitellm on the recorded copies", () => {
  const r = parseLitellm(copy("model_prices_and_context_window.2026-07-24.json"), ctx);
  const prices = r.records as PriceRecord[];
  it("converts per-token prices to USD per 1M tokens, with cached, flex and priority prices", () => {
    const o3 = prices.filter((p) => p.modelId === "o3");
    expect(o3.find((p) => p.tier === "standard")).toMatchObject({ provider: "openai", input: 2, output: 8, cachedInput: 0.5, mode: "chat" });
    expect(o3.find((p) => p.tier === "flex")).toMatchObject({ input: 1, output: 4 });
    expect(o3.find((p) => p.tier === "priority")).toMatchObject({ input: 3.5, output: 14 });
  });
  it("reads only language models, not embeddings, images or speech", () => {
    expect(prices.every((p) => ["chat", "completion", "responses", null].includes(p.mode ?? null))).toBe(true);
    expect(prices.some((p) => p.modelId === "text-embedding-3-small")).toBe(false);
    // filed under mode "chat" by LiteLLM, but an embedding model, an image generator and a TTS model
    expect(prices.some((p) => p.modelId === "vercel_ai_gateway/cohere/embed-v4.0")).toBe(false);
    expect(prices.some((p) => p.modelId === "fireworks_ai/accounts/fireworks/models/flux-1-dev")).toBe(false);
    expect(prices.some((p) => p.modelId === "gemini/gemini-2.5-pro-preview-tts")).toBe(false);
    expect(prices.some((p) => p.modelId === "gemini/gemini-2.5-pro")).toBe(true);
  });
  it("shows o3's June 2025 cut between two copies", () => {
    const may = parseLitellm(copy("model_prices_and_context_window.2025-05-31.json"), ctx).records as PriceRecord[];
    expect(may.find((p) => p.modelId === "o3" && p.tier === "standard")).toMatchObject({ input: 10, output: 40 });
  });
  it("reads the 2024 tokencost copies too", () => {
    const old = parseLitellm(copy("tokencost_model_prices.2024-06-06.json"), ctx).records as PriceRecord[];
    expect(old.find((p) => p.modelId === "gpt-4o" && p.tier === "standard")).toMatchObject({ input: 5, output: 15 });
  });
});

describe("parseLitellm faults", () => {
  it("refuses truncated JSON and HTML", () => {
    expect(() => parseLitellm('{"gpt-4o": {"litellm_provider": "openai", "input_cost', ctx)).toThrow(/^truncated JSON/);
    expect(() => parseLitellm("<html><body>502 Bad Gateway</body></html>", ctx)).toThrow(/got HTML/);
  });
  it("rejects an entry without its provider field (a renamed field) and keeps the others", () => {
    const r = parseLitellm(JSON.stringify({ a: { provider: "openai", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 }, b: { litellm_provider: "openai", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 } }), ctx);
    expect(r.rejections).toEqual([expect.objectContaining({ record: "a", field: "litellm_provider" })]);
    expect(r.records).toHaveLength(1);
  });
  it("rejects an entry whose price has the wrong type, naming the field, and ignores fields it does not read", () => {
    const r = parseLitellm(JSON.stringify({
      a: { litellm_provider: "openai", mode: "chat", input_cost_per_token: "0.000001", output_cost_per_token: 2e-6 },
      b: { litellm_provider: "openai", mode: "chat", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: null },
      c: { litellm_provider: "openai", mode: "chat", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, max_tokens: "lots", supports_vision: "yes" },
    }), ctx);
    expect(r.rejections.map((x) => [x.record, x.field])).toEqual([["a", "input_cost_per_token"], ["b", "cache_read_input_token_cost"]]);
    expect(r.records.map((x) => (x as PriceRecord).modelId)).toEqual(["c"]);
  });
  it("rejects an entry that is not an object as a whole", () => {
    const r = parseLitellm(JSON.stringify({ a: null, b: [1], c: { litellm_provider: "openai", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 } }), ctx);
    expect(r.rejections.map((x) => [x.record, x.field])).toEqual([["a", "(entry)"], ["b", "(entry)"]]);
    expect(r.records).toHaveLength(1);
  });
  it("rejects negative and absurd prices with their reasons", () => {
    const r = parseLitellm(JSON.stringify({ neg: { litellm_provider: "openai", mode: "chat", input_cost_per_token: -1e-6, output_cost_per_token: 2e-6 }, big: { litellm_provider: "openai", mode: "chat", input_cost_per_token: 0.5, output_cost_per_token: 2e-6 } }), ctx);
    expect(r.rejections.map((x) => [x.record, x.reason])).toEqual([["neg", expect.stringMatching(/negative price/)], ["big", expect.stringMatching(/absurd price \$500000/)]]);
  });
});
