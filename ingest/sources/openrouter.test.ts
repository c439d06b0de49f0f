import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ModelFactRecord, PriceRecord } from "../records";
import { parseOpenrouterEndpoints, parseOpenrouterModels } from "./openrouter";

const ctx = { observedAt: new Date("2026-05-01T00:00:00Z") };
const copy = (d: string) => readFileSync(`../shared/data/openrouter-models/openrouter-models.${d}.json`, "utf8");

describe("parseOpenrouterModels on the recorded copies", () => {
  const r = parseOpenrouterModels(copy("2026-05-01"), ctx);
  const prices = r.records.filter((x): x is PriceRecord => x.type === "price");
  const facts = r.records.filter((x): x is ModelFactRecord => x.type === "model");

  it("reads every model: a price in USD per 1M tokens and a catalogue fact", () => {
    expect(facts.length + r.rejections.filter((x) => x.field === "id").length).toBe(371);
    const ds = prices.find((p) => p.modelId === "deepseek/deepseek-chat")!;
    expect(ds).toMatchObject({ provider: "openrouter", tier: "standard", input: 0.32, output: 0.89 });
    const fact = facts.find((f) => f.modelId === "deepseek/deepseek-chat")!;
    expect(fact).toMatchObject({ contextWindow: 163840, openWeights: true, createIfMissing: true });
    expect(fact.aliases).toContain("deepseek-ai/DeepSeek-V3");
  });

  it("keeps free variants in the free tier and rejects routers and moving aliases with a reason", () => {
    expect(prices.filter((p) => p.modelId.endsWith(":free")).every((p) => p.tier === "free")).toBe(true);
    expect(r.rejections.find((x) => x.record === "openrouter/auto")).toMatchObject({ reason: expect.stringMatching(/router|variable/) });
  });

  it("accepts the {data: [...]} wrapper of the live endpoint", () => {
    const wrapped = parseOpenrouterModels(JSON.stringify({ data: JSON.parse(copy("2026-02-27")) }), ctx);
    expect(wrapped.records.length).toBeGreaterThan(300);
  });
});

describe("parseOpenrouterModels faults", () => {
  it("refuses HTML where JSON was expected", () => {
    expect(() => parseOpenrouterModels("<!DOCTYPE html><html>Too many requests</html>", ctx)).toThrow(/expected OpenRouter model list JSON but got HTML/);
  });
  it("refuses a renamed pricing field as schema drift", () => {
    const drifted = JSON.parse(copy("2026-02-27")).map((m: Record<string, unknown>) => ({ ...m, prices: m.pricing, pricing: undefined }));
    expect(() => parseOpenrouterModels(JSON.stringify(drifted), ctx)).toThrow(/no model passes the schema.*pricing/);
  });
  it("rejects a negative price and keeps the other models", () => {
    const models = JSON.parse(copy("2026-02-27")).slice(0, 3);
    models[0].pricing.prompt = "-0.0001";
    const r = parseOpenrouterModels(JSON.stringify(models), ctx);
    expect(r.rejections).toEqual([expect.objectContaining({ record: models[0].id, field: "pricing.input", reason: expect.stringMatching(/negative price/) })]);
    expect(r.records.filter((x) => x.type === "price")).toHaveLength(2);
  });
});

describe("parseOpenrouterEndpoints", () => {
  const r = parseOpenrouterEndpoints(readFileSync("ingest/sources/fixtures/openrouter/endpoints.deepseek-chat.json", "utf8"), ctx);
  it("gives one price per hosting provider", () => {
    const prices = r.records as PriceRecord[];
    expect(prices.map((p) => [p.provider, p.input, p.output])).toEqual([["DeepSeek", 0.27, 1.1], ["Together", 1.25, 1.25], ["Fireworks", 0.9, 0.9], ["SambaNova", 1, 1.5]]);
    expect(prices[0]!.cachedInput).toBe(0.07);
    expect(prices.every((p) => p.modelId === "deepseek/deepseek-chat")).toBe(true);
  });
  it("rejects a negative price and an endpoint without pricing, with reasons", () => {
    expect(r.rejections.map((x) => x.reason)).toEqual([expect.stringMatching(/negative price/), expect.any(String)]);
  });
});
