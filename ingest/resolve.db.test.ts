import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../lib/testing/db";
import { loadResolver, type Resolver } from "./resolve";
import { runSource } from "./run-source";

const { pool } = useTestDatabase();
let resolver: Resolver;

beforeAll(async () => {
  await runSource(pool(), "curated", "test");
  resolver = await loadResolver(pool(), { together_ai: "together", databricks: "databricks" });
}, 120_000);

describe("the resolver", () => {
  it("finds a model by an alias the curated data gives it, through the normalisation rules", () => {
    expect(resolver.model("deepseek-ai/DeepSeek-V3")?.slug).toBe("deepseek-v3");
    expect(resolver.model("openrouter/deepseek/deepseek-r1:free")?.slug).toBe("deepseek-r1");
    expect(resolver.model("o3 (high)")?.slug).toBe("o3-2025-04-16");
  });
  it("refuses a match whose organisation prefix names another lab", () => {
    // "gpt-4o" is OpenAI's; an id claiming Qwen made it is not that model
    expect(resolver.model("openai/gpt-4o")?.labSlug).toBe("openai");
    expect(resolver.model("qwen/gpt-4o")).toBeNull();
  });
  it("reads a prefix equal to the hosting provider as a route, not a lab", () => {
    expect(resolver.model("databricks/databricks-gpt-oss-120b")).toBeNull();
    expect(resolver.model("databricks/databricks-gpt-oss-120b", "databricks")?.slug).toBe("gpt-oss-120b");
  });
  it("maps a source's provider names to provider slugs", () => {
    expect(resolver.provider("together_ai")?.slug).toBe("together");
    expect(resolver.provider("nobody")).toBeNull();
  });
});

describe("moving API ids", () => {
  it("name the model of the time they were used", () => {
    expect(resolver.model("deepseek-chat", "deepseek", new Date("2025-01-15T00:00:00Z"))?.slug).toBe("deepseek-v3");
    expect(resolver.model("deepseek-chat", "deepseek", new Date("2025-06-01T00:00:00Z"))?.slug).toBe("deepseek-v3-0324");
    expect(resolver.model("deepseek/deepseek-chat", "deepseek", new Date("2025-10-15T00:00:00Z"))?.slug).toBe("deepseek-v3.2-exp");
    expect(resolver.model("deepseek-reasoner", "deepseek", new Date("2025-02-01T00:00:00Z"))?.slug).toBe("deepseek-r1");
  });
  it("name nothing outside their windows, while OpenRouter's fixed id keeps its model", () => {
    expect(resolver.model("deepseek-chat", "deepseek", new Date("2026-06-01T00:00:00Z"))).toBeNull();
    expect(resolver.model("deepseek/deepseek-chat", "openrouter", new Date("2026-06-01T00:00:00Z"))?.slug).toBe("deepseek-v3");
  });
});
