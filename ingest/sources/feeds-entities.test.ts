import { describe, expect, it } from "vitest";
import { linkNewsToEntities } from "./feeds";

const labs = [
  { slug: "openai", name: "OpenAI" },
  { slug: "deepseek", name: "DeepSeek" },
  { slug: "alibaba", name: "Alibaba (Qwen)" },
  { slug: "google", name: "Google DeepMind" },
  { slug: "meta", name: "Meta AI" },
  { slug: "hugging-face", name: "Hugging Face" },
];
const models = [
  { slug: "o3", name: "o3", aliases: [] },
  { slug: "o3-mini", name: "o3-mini", aliases: [] },
  { slug: "gpt-4o", name: "GPT-4o", aliases: ["gpt-4o-2024-08-06"] },
  { slug: "gpt-4o-mini", name: "GPT-4o mini", aliases: [] },
  { slug: "gpt-5", name: "GPT-5", aliases: [] },
  { slug: "deepseek-v3", name: "DeepSeek-V3", aliases: ["deepseek-chat"] },
  { slug: "deepseek-v3.2", name: "DeepSeek-V3.2", aliases: [] },
  { slug: "claude-opus-4-5", name: "Claude Opus 4.5", aliases: ["claude-opus-4-5-20251101"] },
];
const link = (text: string) => linkNewsToEntities(text, labs, models);

describe("linkNewsToEntities", () => {
  it("finds labs and models case-insensitively on word boundaries", () => {
    expect(link("openai ships GPT-5 and o3 to everyone")).toEqual({ labSlugs: ["openai"], modelSlugs: ["gpt-5", "o3"] });
    expect(link("OpenAIs and openaiX are other words")).toEqual({ labSlugs: [], modelSlugs: [] });
    expect(link("Chato3 and GPT-50 are not models we know")).toEqual({ labSlugs: [], modelSlugs: [] });
  });

  it("does not read a longer model id as a shorter one", () => {
    expect(link("o3-mini is cheaper")).toEqual({ labSlugs: [], modelSlugs: ["o3-mini"] });
    expect(link("GPT-5.5 beats GPT-5")).toEqual({ labSlugs: [], modelSlugs: ["gpt-5"] });
    expect(link("Meet GPT-4o mini")).toEqual({ labSlugs: [], modelSlugs: ["gpt-4o-mini"] });
    expect(link("GPT-4o mini and GPT-4o")).toEqual({ labSlugs: [], modelSlugs: ["gpt-4o", "gpt-4o-mini"] });
    expect(link("DeepSeek-V3.2 released")).toEqual({ labSlugs: ["deepseek"], modelSlugs: ["deepseek-v3.2"] });
  });

  it("keeps sentence punctuation and CJK text from hiding a name", () => {
    expect(link("We trained o3.")).toEqual({ labSlugs: [], modelSlugs: ["o3"] });
    expect(link("DeepSeek-V3.2 正式版发布 2025/12/01")).toEqual({ labSlugs: ["deepseek"], modelSlugs: ["deepseek-v3.2"] });
    expect(link("深度求索发布DeepSeek-V3正式版")).toEqual({ labSlugs: ["deepseek"], modelSlugs: ["deepseek-v3"] });
  });

  it("matches slugs, aliases and spelling variants of spaces and hyphens", () => {
    expect(link("claude-opus-4-5-20251101 now on Bedrock")).toEqual({ labSlugs: [], modelSlugs: ["claude-opus-4-5"] });
    expect(link("Claude Opus 4.5 and deepseek-chat")).toEqual({ labSlugs: ["deepseek"], modelSlugs: ["claude-opus-4-5", "deepseek-v3"] });
    expect(link("GPT 4o in the API")).toEqual({ labSlugs: [], modelSlugs: ["gpt-4o"] });
    expect(link("New from Hugging Face and hugging-face")).toEqual({ labSlugs: ["hugging-face"], modelSlugs: [] });
  });

  it("matches a lab by its name without the parenthetical, or by slug", () => {
    expect(link("Alibaba releases a model")).toEqual({ labSlugs: ["alibaba"], modelSlugs: [] });
    expect(link("Google and Meta team up")).toEqual({ labSlugs: ["google", "meta"], modelSlugs: [] });
  });

  it("returns nothing for empty text or empty lists", () => {
    expect(link("")).toEqual({ labSlugs: [], modelSlugs: [] });
    expect(linkNewsToEntities("OpenAI o3", [], [])).toEqual({ labSlugs: [], modelSlugs: [] });
  });
});
