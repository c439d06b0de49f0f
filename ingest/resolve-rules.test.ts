import { describe, expect, it } from "vitest";
import { aliasCandidates } from "./resolve-rules";

describe("aliasCandidates", () => {
  it("starts with the id itself, normalised", () => {
    expect(aliasCandidates("  GPT-4o ")[0]).toBe("gpt-4o");
  });
  it("strips route prefixes and OpenRouter variants", () => {
    expect(aliasCandidates("openrouter/deepseek/deepseek-chat:free")).toContain("deepseek/deepseek-chat");
    expect(aliasCandidates("openrouter/deepseek/deepseek-chat:free")).toContain("deepseek-chat");
    expect(aliasCandidates("gemini/gemini-2.5-pro")).toContain("gemini-2.5-pro");
  });
  it("reads Bedrock ids with region, vendor and version", () => {
    const c = aliasCandidates("bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0");
    expect(c).toContain("anthropic.claude-3-5-sonnet-20241022-v2:0");
    expect(c).toContain("claude-3-5-sonnet-20241022");
  });
  it("reads Vertex and Fireworks ids", () => {
    expect(aliasCandidates("vertex_ai/claude-3-5-sonnet@20240620")).toContain("claude-3-5-sonnet-20240620");
    expect(aliasCandidates("fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct")).toContain("llama-3.1-405b-instruct");
  });
  it("reads leaderboard labels: effort in parentheses or after an underscore, display names", () => {
    expect(aliasCandidates("o3 (high)")).toContain("o3");
    expect(aliasCandidates("o3-2025-04-16_high")).toContain("o3-2025-04-16");
    expect(aliasCandidates("claude-3-7-sonnet-20250219_32K")).toContain("claude-3-7-sonnet-20250219");
    expect(aliasCandidates("DeepSeek R1")).toContain("deepseek-r1");
    expect(aliasCandidates("gpt-5-mini-high")).toContain("gpt-5-mini");
  });
  it("tries spelling variants of versions and vendor words", () => {
    expect(aliasCandidates("databricks/databricks-meta-llama-3-1-405b-instruct")).toContain("llama-3.1-405b-instruct");
    expect(aliasCandidates("snowflake/openai-gpt-5-mini")).toContain("gpt-5-mini");
    expect(aliasCandidates("snowflake/llama3.1-70b")).toContain("llama-3.1-70b");
    expect(aliasCandidates("vercel_ai_gateway/alibaba/qwen-3-235b")).toContain("qwen3-235b");
  });
  it("never reduces a combination of two models to one of them", () => {
    expect(aliasCandidates("DeepSeek R1 + claude-3-5-sonnet-20241022")).not.toContain("deepseek-r1");
  });
  it("does not invent candidates for a plain id", () => {
    expect(aliasCandidates("o3")).toEqual(["o3"]);
  });
});
