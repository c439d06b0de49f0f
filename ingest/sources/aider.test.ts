import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScoreRecord } from "../records";
import { AIDER_CODE_EDITING_URL, AIDER_POLYGLOT_URL, aiderCodeEditingSource, aiderPolyglotSource, parseAider, parseAiderCodeEditing, parseAiderPolyglot } from "./aider";

const shared = (f: string) => readFileSync(`../shared/data/aider-leaderboards/${f}`, "utf8");
const fixture = (f: string) => readFileSync(`ingest/sources/fixtures/aider/${f}`, "utf8");
const observedAt = new Date("2026-05-22T00:00:00Z");
const scores = (r: { records: unknown[] }) => r.records as ScoreRecord[];
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("parseAider on the recorded polyglot leaderboard", () => {
  const r = parseAider(shared("polyglot_leaderboard.yml"), { observedAt, url: AIDER_POLYGLOT_URL });
  const run = (model: string) => scores(r).find((s) => s.modelId === model)!;

  it("emits one aider-polyglot score per run, dated by the run", () => {
    expect(r.rejections).toEqual([]);
    expect(r.records).toHaveLength(69);
    expect(scores(r).every((s) => s.benchmark === "aider-polyglot" && s.sourceUrl === "https://aider.chat/docs/leaderboards/")).toBe(true);
    const days = scores(r).map((s) => day(s.measuredOn)).sort();
    expect([days[0], days.at(-1)]).toEqual(["2024-12-21", "2025-10-03"]);
  });

  it("takes pass_rate_2 as the score and total_cost as the whole run's cost", () => {
    expect(run("gpt-5 (high)")).toMatchObject({ score: 88, costUsd: 29.0829, settings: "edit format diff, reasoning effort high" });
    expect(day(run("gpt-5 (high)").measuredOn)).toBe("2025-08-23");
    expect(run("o1-2024-12-17 (high)")).toMatchObject({ score: 61.7, costUsd: 186.4958 });
    expect(run("claude-sonnet-4-20250514 (32k thinking)")).toMatchObject({ score: 61.3, costUsd: 26.5755, settings: "edit format diff, thinking tokens 32000" });
  });

  it("describes architect runs with their editor model", () => {
    expect(run("o3 (high) + gpt-4.1")).toMatchObject({ score: 78.2, costUsd: 17.5518, settings: "edit format architect, editor gpt-4.1 (editor-diff), reasoning effort high" });
  });

  it("leaves the cost empty when Aider recorded none (missing, or written as 0 for free previews)", () => {
    expect(run("qwen-max-2025-01-25").costUsd).toBeNull();
    expect(run("Gemini 2.0 Pro exp-02-05")).toMatchObject({ score: 35.6, costUsd: null });
    expect(scores(r).filter((s) => s.costUsd != null)).toHaveLength(51);
  });
});

describe("parseAider on the recorded code editing leaderboard", () => {
  const r = parseAiderCodeEditing(shared("edit_leaderboard.yml"), { observedAt });

  it("emits aider-code-editing scores and rejects the partial runs and the polyglot run filed there", () => {
    expect(r.records).toHaveLength(95);
    expect(scores(r).every((s) => s.benchmark === "aider-code-editing")).toBe(true);
    expect(r.rejections.map((x) => [x.record, x.field, x.reason])).toEqual([
      ["gpt-4-turbo-2024-04-09 (diff) (2024-04-12-22-18-20--gpt-4-turbo-2024-04-09-plain-diff)", "test_cases", "partial run: 33 of 133 exercises"],
      ["o1-mini (2024-09-21-16-40-56--o1-mini-flex-sr-markers)", "test_cases", "partial run: 36 of 133 exercises"],
      ["o1-mini-2024-09-12 (2024-12-21-22-06-01--polyglot-o1-mini-whole)", "test_cases", "225 test cases: not a run of this 133-exercise benchmark"],
    ]);
  });

  it("keeps a known run's numbers (claude-3-5-sonnet-20241022: 84.2 on 2024-10-22, cost not recorded)", () => {
    const s = scores(r).find((x) => x.modelId === "claude-3-5-sonnet-20241022")!;
    expect(s).toMatchObject({ score: 84.2, costUsd: null, settings: "edit format diff" });
    expect(day(s.measuredOn)).toBe("2024-10-22");
  });
});

describe("parseAider faults", () => {
  it("rejects a negative cost, a NaN or impossible score, a partial run and a missing date, and keeps the other runs", () => {
    const r = parseAiderPolyglot(fixture("polyglot.faults.yml"), { observedAt });
    expect(scores(r).map((s) => [s.modelId, s.score, s.costUsd, s.settings])).toEqual([
      ["acme-large (high)", 61.3, 12.5, "edit format diff, reasoning effort high"],
      ["acme-free-preview", 22.2, null, "edit format architect, editor acme-small (editor-diff), thinking tokens 0"],
      ["acme-small", 30.7, 0.91, "edit format diff"],
    ]);
    expect(r.rejections.map((x) => [x.record, x.field, x.reason])).toEqual([
      ["acme-medium (2025-01-02-00-00-00--acme-negative-cost)", "total_cost", "a run cannot cost -3 USD"],
      ["acme-broken (2025-01-03-00-00-00--acme-nan)", "pass_rate_2", "Invalid input: expected number, received NaN"],
      ["acme-over (2025-01-04-00-00-00--acme-over)", "pass_rate_2", "140 is not a percentage between 0 and 100"],
      ["acme-partial (2025-01-05-00-00-00--acme-partial)", "test_cases", "partial run: 40 of 225 exercises"],
      ["acme-undated (2025-01-07-00-00-00--acme-no-date)", "date", "required"],
    ]);
    expect(r.rejections.every((x) => x.file === "polyglot_leaderboard.yml")).toBe(true);
  });

  it("throws on HTML instead of YAML", () => {
    expect(() => parseAiderPolyglot("<!DOCTYPE html><html><body>404: Not Found</body></html>", { observedAt })).toThrow('expected YAML but got HTML (starts with "<!DOCTYPE html>")');
  });

  it("throws on a payload cut off inside its last run", () => {
    const raw = shared("polyglot_leaderboard.yml");
    expect(() => parseAiderPolyglot(raw.slice(0, raw.lastIndexOf("  date:")), { observedAt })).toThrow(/^truncated payload: the last run \(#69\) stops before its date/);
  });

  it("throws when pass_rate_2 is renamed in every run (schema drift)", () => {
    const raw = shared("polyglot_leaderboard.yml").replaceAll("pass_rate_2:", "pass_rate_two:");
    expect(() => parseAiderPolyglot(raw, { observedAt })).toThrow("payload does not match the Aider leaderboard schema: no run is usable (first problem: pass_rate_2: required)");
  });

  it("throws when the top level is not a list of runs", () => {
    expect(() => parseAiderPolyglot("leaderboard:\n  - model: a\n", { observedAt })).toThrow("payload does not match the Aider leaderboard schema: expected a list of runs at the top level, got object");
  });

  it("refuses to guess the leaderboard when neither the caller nor the URL names it", () => {
    expect(() => parseAider(fixture("polyglot.faults.yml"), { observedAt, url: "https://example.com/data.yml" })).toThrow(/cannot tell which Aider leaderboard/);
  });
});

describe("aider source descriptors", () => {
  it("point at the live raw GitHub files", () => {
    expect(aiderPolyglotSource).toMatchObject({ slug: "aider-polyglot", kind: "benchmarks", url: "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml", parse: parseAiderPolyglot });
    expect(aiderCodeEditingSource).toMatchObject({ slug: "aider-code-editing", url: AIDER_CODE_EDITING_URL, parse: parseAiderCodeEditing });
  });
});
