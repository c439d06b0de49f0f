import { describe, expect, it } from "vitest";
import { assembleMovements, priceChangeOf, type Movements } from "../analytics/movements";
import type { GapMonth } from "../analytics/open-gap";
import { buildDigest, digestSubject, MAX_CUTS, type DigestInputs } from "./build-digest";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const change = (model: string, provider: string, date: string, before: number, after: number) =>
  priceChangeOf({ date: d(date), model, modelName: model.toUpperCase(), provider, quantization: "", before: { input: before, output: before }, after: { input: after, output: after } });

function week(): Movements {
  return assembleMovements(d("2026-11-16"), d("2026-11-23"), {
    priceChanges: [
      change("gpt-x", "openai", "2026-11-17", 10, 5), // −50%
      change("llama-y", "groq", "2026-11-18", 1, 0.9), // −10%
      change("llama-y", "together", "2026-11-18", 1, 0.8), // −20%
      change("claude-z", "anthropic", "2026-11-19", 3, 3.6), // +20%
      change("free-w", "openrouter", "2026-11-20", 0, 1), // from 0: unknown percent
    ],
    releases: [
      { kind: "release", date: d("2026-11-18"), model: "llama-y", modelName: "Llama Y", lab: "meta", openWeights: true, reasoning: false },
      { kind: "release", date: d("2026-11-20"), model: "claude-z", modelName: "Claude Z", lab: "anthropic", openWeights: false, reasoning: true },
    ],
    newLeaders: [{ kind: "new-leader", date: d("2026-11-19"), benchmark: "gpqa-diamond", model: "claude-z", modelName: "Claude Z", score: 88, previous: { model: "gpt-x", modelName: "GPT X", score: 87 } }],
    crossings: [{ kind: "threshold-crossing", date: d("2026-11-18"), rule: { benchmark: "gpqa-diamond", minScore: 60, maxPrice: 1 }, model: "llama-y", modelName: "Llama Y", score: 61, price: 0.8 }],
  });
}
const gap = (month: string, pct: number | null, lag: number | null = null): GapMonth => ({
  benchmark: "arena-elo", month: d(month), gapPercent: pct, gapPoints: null, lagMonths: lag, lagReference: null,
  open: { model: "o", name: "Open O", score: 1, since: d("2026-01-01") }, proprietary: { model: "p", name: "Prop P", score: 1, since: d("2026-01-01") },
});
const inputs = (): DigestInputs => ({
  movements: week(),
  gapStart: [gap("2026-11-01", 3.25)],
  gapEnd: [gap("2026-11-01", 2.5, 4.04)],
  news: [
    { title: "Meta ships Llama Y", url: "https://ai.meta.com/y", publishedAt: d("2026-11-18"), feed: "meta", labs: ["meta"] },
    { title: "Anthropic ships Claude Z", url: "https://anthropic.com/z", publishedAt: d("2026-11-20"), feed: "anthropic", labs: ["anthropic"] },
  ],
  modelLabs: { "gpt-x": "openai", "llama-y": "meta", "claude-z": "anthropic", "free-w": "openrouter-lab" },
});

describe("buildDigest", () => {
  it("lists the biggest cuts first, rises after, with percent; unknown percentages last", () => {
    const c = buildDigest(inputs());
    expect(c.from).toBe("2026-11-16");
    expect(c.to).toBe("2026-11-22");
    expect(c.priceCuts.map((x) => [x.model, x.provider, x.changePct])).toEqual([["gpt-x", "openai", -50], ["llama-y", "together", -20], ["llama-y", "groq", -10]]);
    expect(c.priceRises.map((x) => [x.model, x.changePct])).toEqual([["claude-z", 20], ["free-w", null]]);
    expect(c.releases.map((r) => r.model)).toEqual(["llama-y", "claude-z"]);
    expect(c.newLeaders).toEqual([{ benchmark: "gpqa-diamond", model: "claude-z", modelName: "Claude Z", lab: "anthropic", date: "2026-11-19", score: 88, previous: { model: "gpt-x", modelName: "GPT X", score: 87 } }]);
    expect(c.crossings).toEqual([{ date: "2026-11-18", benchmark: "gpqa-diamond", minScore: 60, maxPrice: 1, model: "llama-y", modelName: "Llama Y", score: 61, price: 0.8 }]);
    expect(c.gap).toEqual([{ benchmark: "arena-elo", start: { month: "2026-11-01", gapPercent: 3.3 }, end: { month: "2026-11-01", gapPercent: 2.5 }, changePoints: -0.8, lagMonths: 4, openLeader: "Open O", proprietaryLeader: "Prop P" }]);
    expect(c.news.map((n) => n.title)).toEqual(["Anthropic ships Claude Z", "Meta ships Llama Y"]);
    expect(c.totals).toEqual({ priceChanges: 5, releases: 2, newLeaders: 1, crossings: 1, news: 2 });
  });

  it("keeps at most MAX_CUTS cuts", () => {
    const i = inputs();
    i.movements = assembleMovements(i.movements.from, i.movements.to, { ...i.movements, priceChanges: Array.from({ length: 15 }, (_, k) => change(`m${k}`, "p", "2026-11-17", 10, 9 - k * 0.5)) });
    expect(buildDigest(i).priceCuts).toHaveLength(MAX_CUTS);
  });

  it("follows only the chosen labs, keeping the market-wide crossing and gap", () => {
    const c = buildDigest(inputs(), { labs: ["meta"], topics: ["prices", "releases", "benchmarks", "open-vs-proprietary"] });
    expect(c.priceCuts.map((x) => x.model)).toEqual(["llama-y", "llama-y"]);
    expect(c.priceRises).toEqual([]);
    expect(c.releases.map((r) => r.model)).toEqual(["llama-y"]);
    expect(c.newLeaders).toEqual([]);
    expect(c.crossings).toHaveLength(1);
    expect(c.gap).toHaveLength(1);
    expect(c.news.map((n) => n.title)).toEqual(["Meta ships Llama Y"]);
    expect(c.labs).toEqual(["meta"]);
  });

  it("leaves out the topics not chosen", () => {
    const c = buildDigest(inputs(), { labs: [], topics: ["releases"] });
    expect([c.priceCuts, c.priceRises, c.newLeaders, c.crossings, c.gap].every((x) => x.length === 0)).toBe(true);
    expect(c.releases).toHaveLength(2);
    expect(c.topics).toEqual(["releases"]);
  });

  it("says what the week holds in the subject, or that it was quiet", () => {
    expect(digestSubject(buildDigest(inputs()))).toBe("FrontierWatch 2026-11-16 – 2026-11-22: 3 price cuts, 2 releases, 1 new leader, a threshold crossed");
    const empty = inputs();
    empty.movements = assembleMovements(empty.movements.from, empty.movements.to, { priceChanges: [], releases: [], newLeaders: [], crossings: [] });
    expect(digestSubject(buildDigest(empty))).toBe("FrontierWatch 2026-11-16 – 2026-11-22: a quiet week");
  });
});
