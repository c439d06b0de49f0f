import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ModelFactRecord } from "../records";
import { HUGGINGFACE_DEFAULT_ORGS, huggingFaceListUrl, huggingFaceModelUrl, huggingfaceSource, parseHuggingFace } from "./huggingface";

const fixtures = "ingest/sources/fixtures/huggingface";
const ctx = { observedAt: new Date("2026-11-28T00:00:00Z") };
const models = (raw: string) => parseHuggingFace(raw, ctx).records as ModelFactRecord[];

describe("parseHuggingFace on a list response (author=deepseek-ai)", () => {
  const { records, rejections } = parseHuggingFace(readFileSync(`${fixtures}/models-author-deepseek-ai.json`, "utf8"), ctx);
  const byId = (id: string) => (records as ModelFactRecord[]).find((r) => r.modelId === id);

  it("emits one open-weight model fact per listed repo", () => {
    expect(rejections).toEqual([]);
    expect(records.map((r) => (r as ModelFactRecord).modelId)).toEqual([
      "deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "deepseek-ai/DeepSeek-V3-0324", "deepseek-ai/Janus-Pro-7B",
    ]);
    expect(records.every((r) => (r as ModelFactRecord).openWeights === true)).toBe(true);
  });

  it("reads licence, downloads, creation date, lab and page URL", () => {
    expect(byId("deepseek-ai/DeepSeek-R1")).toEqual({
      type: "model",
      modelId: "deepseek-ai/DeepSeek-R1",
      name: "DeepSeek-R1",
      labHint: "deepseek-ai",
      openWeights: true,
      license: "mit",
      downloads: 1311224,
      releasedOn: new Date("2025-01-20T03:46:07.000Z"),
      sourceUrl: "https://huggingface.co/deepseek-ai/DeepSeek-R1",
    });
  });

  it("falls back to the license: tag when the card names none", () => {
    expect(byId("deepseek-ai/Janus-Pro-7B")?.license).toBe("mit");
  });

  it("leaves the parameter count out when the list carries no safetensors metadata", () => {
    expect(byId("deepseek-ai/DeepSeek-R1")).not.toHaveProperty("paramsTotalB");
  });
});

describe("parseHuggingFace on a single-model response", () => {
  const [v3] = models(readFileSync(`${fixtures}/model-deepseek-ai-DeepSeek-V3.json`, "utf8"));

  it("reads the safetensors total in billions and the card's named licence", () => {
    expect(v3).toMatchObject({ modelId: "deepseek-ai/DeepSeek-V3", paramsTotalB: 684.531386, license: "deepseek-license", downloads: 611403 });
    expect(v3?.releasedOn).toEqual(new Date("2024-12-25T12:52:23.000Z"));
  });

  it("sums the counts by dtype when no total is given", () => {
    const [m] = models(JSON.stringify({ id: "acme/tiny", safetensors: { parameters: { BF16: 1_000_000_000, F32: 500_000_000 } } }));
    expect(m?.paramsTotalB).toBe(1.5);
  });

  it("does not take the Hub's placeholder creation date for a release date", () => {
    const [m] = models(JSON.stringify({ id: "google/t5-small", author: "google", createdAt: "2022-03-02T23:29:04.000Z", cardData: { license: "apache-2.0" } }));
    expect(m).toMatchObject({ modelId: "google/t5-small", license: "apache-2.0" });
    expect(m).not.toHaveProperty("releasedOn");
  });
});

describe("parseHuggingFace payload faults", () => {
  it("refuses an HTML page instead of JSON", () => {
    expect(() => parseHuggingFace("<!DOCTYPE html><html><title>503</title></html>", ctx)).toThrow('expected Hugging Face API JSON but got HTML (starts with "<!DOCTYPE html>")');
  });

  it("refuses truncated JSON", () => {
    const raw = readFileSync(`${fixtures}/models-author-deepseek-ai.json`, "utf8");
    expect(() => parseHuggingFace(raw.slice(0, 400), ctx)).toThrow(/^truncated JSON: the Hugging Face API ends after/);
  });

  it("refuses the API's error object", () => {
    expect(() => parseHuggingFace('{"error":"Repository not found"}', ctx)).toThrow("the Hugging Face API answered with an error: Repository not found");
  });

  it("refuses a list in which every model lost its id (schema drift)", () => {
    const drifted = JSON.stringify([{ repo_id: "a/b", downloads: 1 }, { repo_id: "a/c", downloads: 2 }]);
    expect(() => parseHuggingFace(drifted, ctx)).toThrow("payload does not match the Hugging Face schema: [0].id: required (id or modelId)");
    expect(() => parseHuggingFace('{"repo_id":"a/b"}', ctx)).toThrow("payload does not match the Hugging Face schema: id: required");
    expect(() => parseHuggingFace('{"models":[]}', ctx)).toThrow("payload does not match the Hugging Face schema");
  });

  it("rejects a negative download count, a negative parameter count and a bad date, and keeps the other models", () => {
    const raw = JSON.stringify([
      { id: "acme/good", author: "acme", downloads: 10, safetensors: { total: 7_000_000_000 } },
      { id: "acme/neg-downloads", downloads: -5 },
      { id: "acme/neg-params", safetensors: { total: -1 } },
      { id: "acme/bad-date", createdAt: "yesterday" },
      { modelId: "acme/legacy-id", downloads: 3 },
    ]);
    const { records, rejections } = parseHuggingFace(raw, { ...ctx, url: huggingFaceListUrl("acme") });
    expect((records as ModelFactRecord[]).map((r) => [r.modelId, r.paramsTotalB ?? null])).toEqual([["acme/good", 7], ["acme/legacy-id", null]]);
    expect(rejections).toEqual([
      { file: "models?author=acme", record: 'model "acme/neg-downloads"', field: "downloads", reason: "downloads cannot be negative" },
      { file: "models?author=acme", record: 'model "acme/neg-params"', field: "safetensors.total", reason: "a parameter count cannot be negative" },
      { file: "models?author=acme", record: 'model "acme/bad-date"', field: "createdAt", reason: "not an ISO timestamp" },
    ]);
  });
});

describe("Hugging Face source descriptor", () => {
  it("lists the default organisations and builds the live URLs", () => {
    expect(HUGGINGFACE_DEFAULT_ORGS).toHaveLength(15);
    expect(HUGGINGFACE_DEFAULT_ORGS).toContain("deepseek-ai");
    expect(huggingFaceListUrl("deepseek-ai")).toBe("https://huggingface.co/api/models?author=deepseek-ai&full=true&cardData=true&sort=downloads&limit=100");
    expect(huggingFaceModelUrl("deepseek-ai/DeepSeek-V3")).toBe("https://huggingface.co/api/models/deepseek-ai/DeepSeek-V3");
    expect(huggingfaceSource).toMatchObject({ slug: "huggingface", kind: "catalog", url: "https://huggingface.co/api/models" });
  });
});
