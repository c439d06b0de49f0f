import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScoreRecord } from "../records";
import { SWE_BENCH_URL, parseSweBench, sweBenchSource } from "./swe-bench";

const shared = (f: string) => readFileSync(`../shared/data/swe-bench/${f}`, "utf8");
const fixture = (f: string) => readFileSync(`ingest/sources/fixtures/swe-bench/${f}`, "utf8");
const observedAt = new Date("2025-11-19T17:00:00Z");
const scores = (r: { records: unknown[] }) => r.records as ScoreRecord[];
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("parseSweBench on the recorded November 2025 leaderboards", () => {
  const r = parseSweBench(shared("leaderboards.2025-11-19.json"), { observedAt, url: SWE_BENCH_URL });
  const byFolder = (folder: string) => scores(r).find((s) => s.sourceUrl?.endsWith(`/verified/${folder}`))!;

  it("emits a swe-bench-verified score for each Verified entry that names one model, and rejects the rest with a reason", () => {
    expect(r.records).toHaveLength(94);
    expect(r.rejections).toHaveLength(57);
    expect(r.rejections.filter((x) => x.reason === "no model named")).toHaveLength(35);
    expect(r.rejections.filter((x) => x.reason.startsWith("several models named"))).toHaveLength(22);
    expect(scores(r).every((s) => s.benchmark === "swe-bench-verified")).toBe(true);
  });

  it("takes the model from the Model tag, the agent into settings and the run's total cost (cost = instance_cost x 500)", () => {
    const g = byFolder("20251118_mini-v1.15.0_gemini-3-pro-preview-20251118");
    expect(g).toMatchObject({
      modelId: "gemini-3-pro-preview",
      score: 74.2,
      settings: "agent mini-SWE-agent + Gemini 3 Pro Preview (2025-11-18); attempts 1; cost = total of the 500-instance run",
    });
    expect(g.costUsd).toBeCloseTo(229.98, 2);
    expect(g.costUsd).toBeCloseTo(0.45995751895 * 500, 6);
    expect(day(g.measuredOn)).toBe("2025-11-18");
    expect(byFolder("20250929_mini-v1.13.3_sonnet-4-5-20250929")).toMatchObject({ modelId: "claude-sonnet-4-5-20250929", score: 70.6 });
  });

  it("publishes costs only for the 22 bash-only runs that recorded one (Gemini 2.0 Flash's is 0, i.e. not recorded)", () => {
    expect(scores(r).filter((s) => s.costUsd != null)).toHaveLength(22);
    expect(byFolder("20250726_mini-v1.0.0_gemini-2.0-flash")).toMatchObject({ modelId: "gemini-2.0-flash", score: 13.52, costUsd: null });
  });

  it("counts two spellings of one model as one model and ignores Model_size tags", () => {
    expect(byFolder("20241022_tools_claude-3-5-sonnet-updated")).toMatchObject({ modelId: "claude-3-5-sonnet-20241022", score: 49 });
    expect(byFolder("20250226_swerl_llama3_70b")).toMatchObject({ modelId: "Llama3-SWE-RL-70B", score: 41.2 });
  });

  it("names the rejected entry by its folder", () => {
    expect(r.rejections[0]).toEqual({
      file: "leaderboards.json",
      record: "20250928_trae_doubao_seed_code",
      field: "tags",
      reason: "several models named (Doubao-Seed-Code, Doubao-Seed-1.6): the result belongs to the system, not to one model",
    });
    expect(r.rejections).toContainEqual({ file: "leaderboards.json", record: "20250415_openhands", field: "tags", reason: "no model named" });
  });
});

describe("parseSweBench on the recorded May 2025 leaderboards", () => {
  it("reads the older file, which has no costs", () => {
    const r = parseSweBench(shared("leaderboards.2025-05-23.json"), { observedAt });
    expect(r.records).toHaveLength(39);
    expect(r.rejections).toHaveLength(40);
    expect(scores(r).every((s) => s.costUsd === null)).toBe(true);
    const cortexa = r.rejections.find((x) => x.record === "20250516_cortexa_o3")!;
    expect(cortexa.reason).toMatch(/^several models named \(NV-EmbedCode, o3, o3-mini, o1,/);
  });
});

describe("parseSweBench faults", () => {
  it("rejects entries without one model, with a negative cost, an impossible score or no date, and keeps the others", () => {
    const r = parseSweBench(fixture("leaderboards.faults.json"), { observedAt });
    expect(scores(r).map((s) => [s.modelId, s.score, s.costUsd, s.settings])).toEqual([
      ["acme-large", 61.4, 120.5, "agent mini-SWE-agent + Acme Large; attempts 1; cost = total of the 500-instance run"],
      ["acme-small", 55, 61.7, "agent Acme Agent (instance cost only); attempts 2+; cost = instance_cost x 500 instances"],
      ["acme-3-5-large-20250101", 50.2, null, "agent Same model, two spellings"],
    ]);
    expect(r.rejections.map((x) => [x.record, x.field, x.reason])).toEqual([
      ["20250105_closed", "tags", "no model named"],
      ["20250106_router", "tags", "several models named (acme-large, other-model): the result belongs to the system, not to one model"],
      ["20250107_negative", "cost", "a run cannot have a negative cost"],
      ["20250108_impossible", "resolved", "180 is not a percentage between 0 and 100"],
      ["20250109_undated", "date", "required"],
    ]);
  });

  it("throws on an HTML page instead of JSON", () => {
    expect(() => parseSweBench("<!DOCTYPE html>\n<html><body>Bad gateway</body></html>", { observedAt })).toThrow('expected JSON but got HTML (starts with "<!DOCTYPE html>")');
  });

  it("throws on a truncated payload", () => {
    expect(() => parseSweBench(shared("leaderboards.2025-11-19.json").slice(0, 20_000), { observedAt })).toThrow(/^truncated JSON/);
  });

  it("throws when the Verified board is missing or renamed", () => {
    const raw = JSON.stringify({ leaderboards: [{ name: "Lite", results: [] }, { name: "Verified (500)", results: [] }] });
    expect(() => parseSweBench(raw, { observedAt })).toThrow('payload does not match the SWE-bench leaderboards schema: no "Verified" leaderboard (found "Lite", "Verified (500)")');
  });

  it("throws when a field every entry needs is renamed (schema drift)", () => {
    const raw = shared("leaderboards.2025-11-19.json").replaceAll('"resolved":', '"resolved_pct":');
    expect(() => parseSweBench(raw, { observedAt })).toThrow('payload does not match the SWE-bench leaderboards schema: no "Verified" entry is valid (first problem: resolved: required)');
  });

  it("throws when the top level has no leaderboards list", () => {
    expect(() => parseSweBench(JSON.stringify({ boards: [] }), { observedAt })).toThrow("payload does not match the SWE-bench leaderboards schema: leaderboards: required");
  });
});

describe("swe-bench source descriptor", () => {
  it("points at the live leaderboards.json", () => {
    expect(sweBenchSource).toMatchObject({ slug: "swe-bench", kind: "benchmarks", url: "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/master/data/leaderboards.json", parse: parseSweBench });
  });
});
