import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ModelFactRecord, ScoreRecord } from "../records";
import { describeVersionSuffix } from "./epoch-csv";
import { parseEpochBenchmarkRuns, parseEpochEci, parseEpochNotableModels } from "./epoch";

const data = "../shared/data/epoch-ai";
const read = (f: string) => readFileSync(`${data}/${f}`, "utf8");
const scores = (records: unknown[]) => records.filter((r): r is ScoreRecord => (r as ScoreRecord).type === "score");
const facts = (records: unknown[]) => records.filter((r): r is ModelFactRecord => (r as ModelFactRecord).type === "model");
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);

describe("parseEpochBenchmarkRuns on the recorded hub export (2025-05-01)", () => {
  const observedAt = new Date("2025-05-01T12:00:00Z");
  const { records, rejections } = parseEpochBenchmarkRuns(read("benchmarking_hub.benchmarks_runs.2025-05-01.csv"), { observedAt });
  const runs = scores(records);
  const find = (model: string, benchmark: string) => runs.filter((r) => r.modelId === model && r.benchmark === benchmark);

  it("keeps the GPQA diamond, MATH level 5 and SWE-bench Verified runs and skips the other tasks", () => {
    expect(rejections).toEqual([]);
    expect(runs).toHaveLength(196);
    const count = (b: string) => runs.filter((r) => r.benchmark === b).length;
    expect([count("gpqa-diamond"), count("math-level-5"), count("swe-bench-verified")]).toEqual([100, 92, 4]);
  });

  it("turns the 0–1 best score into percent", () => {
    expect(find("gpt-4o-2024-05-13", "gpqa-diamond").map((r) => r.score)).toEqual([48.895202]); // 0.4889520202020202
    expect(find("claude-2.0", "math-level-5").map((r) => r.score)).toEqual([11.725831]); // 0.1172583081570997
    expect(find("claude-3-7-sonnet-20250219", "swe-bench-verified").map((r) => r.score)).toEqual([52.2]); // 0.522
  });

  it("dates runs by the fetch, says so in the settings, and links the run's log", () => {
    const [run] = find("claude-2.0", "gpqa-diamond");
    expect(run?.measuredOn).toEqual(observedAt);
    expect(run?.settings).toBe("Epoch AI benchmarking hub; run date not published (dated when fetched)");
    expect(run?.sourceUrl).toMatch(/^https:\/\/logs\.epoch\.ai\/inspect-viewer\/.*mTa4f52zsEuxdrPy7WfQvX/);
    expect(find("claude-2.0", "math-level-5")[0]?.sourceUrl).toBe("https://epoch.ai/data/ai-benchmarking-dashboard");
  });

  it("reads the thinking budget or effort from the model id's suffix", () => {
    expect(find("claude-3-7-sonnet-20250219_16K", "gpqa-diamond")[0]?.settings).toContain("thinking budget: 16K tokens");
    expect(find("o4-mini-2025-04-16_medium", "swe-bench-verified")[0]?.settings).toContain("reasoning effort: medium");
  });
});

describe("parseEpochEci on the recorded index (2026-03-10)", () => {
  const observedAt = new Date("2026-03-10T00:52:00Z");
  const { records, rejections } = parseEpochEci(read("epoch_capabilities_index.2026-03-10.csv"), { observedAt });
  const eci = scores(records);
  const fact = (v: string) => facts(records).find((r) => r.modelId === v);

  it("emits a score for each of the 298 versions that have one and facts for all 583", () => {
    expect(rejections).toEqual([]);
    expect(eci).toHaveLength(298);
    expect(facts(records)).toHaveLength(583);
    expect(eci.every((s) => s.benchmark === "epoch-eci" && s.measuredOn === observedAt)).toBe(true);
  });

  it("carries the version's configuration in the settings", () => {
    const gpt54 = eci.find((s) => s.modelId === "gpt-5.4-2026-03-05_high");
    expect(gpt54).toMatchObject({ score: 155.973919568783, settings: "reasoning effort: high" });
    expect(eci.find((s) => s.modelId === "claude-opus-4-6_32K")).toMatchObject({ score: 155.0592630000062, settings: "thinking budget: 32K tokens" });
    expect(eci.find((s) => s.modelId === "phi-1_5")?.settings).toBeUndefined(); // an underscore inside a name
    expect(eci.find((s) => s.modelId === "Meta-Llama-3-70B")).toMatchObject({ score: 119.58514492937934 });
  });

  it("reads release date, lab and open weights, and leaves unknowns out", () => {
    expect(fact("Meta-Llama-3-70B")).toMatchObject({ name: "Llama 3-70B", labHint: "Meta AI", openWeights: true });
    expect(day(fact("Meta-Llama-3-70B")?.releasedOn)).toBe("2024-04-18");
    expect(fact("gpt-3.5-turbo-instruct")).toMatchObject({ openWeights: false });
    expect(eci.some((s) => s.modelId === "gpt-3.5-turbo-instruct")).toBe(false); // no ECI score in the file
    expect(fact("gpt-5.4-2026-03-05_high")).not.toHaveProperty("openWeights"); // accessibility left empty
    expect(fact("davinci-002")).not.toHaveProperty("releasedOn");
  });
});

describe("parseEpochNotableModels on the recorded export (2025-04-18)", () => {
  const { records, rejections } = parseEpochNotableModels(read("notable_ai_models.2025-04-18.csv"), { observedAt: new Date("2025-04-18T00:00:00Z") });
  const models = facts(records);
  const byName = (n: string) => models.find((m) => m.modelId === n);

  it("keeps the 249 language models published since 2020 (or undated)", () => {
    expect(rejections).toEqual([]);
    expect(models).toHaveLength(249);
    expect(models.every((m) => !m.releasedOn || day(m.releasedOn)! >= "2020-01-01")).toBe(true);
    expect(byName("Segment Anything Model")).toBeUndefined(); // vision only
    expect(byName("Sora")).toBeUndefined();
  });

  it("reads lab, date, parameters and open weights", () => {
    expect(byName("DeepSeek-R1")).toMatchObject({ labHint: "DeepSeek", paramsTotalB: 671, openWeights: true });
    expect(day(byName("DeepSeek-R1")?.releasedOn)).toBe("2025-01-20");
    expect(byName("Llama 3.1-405B")).toMatchObject({ labHint: "Meta AI", paramsTotalB: 405, openWeights: true });
    expect(byName("GPT-4o")).toMatchObject({ labHint: "OpenAI", openWeights: false }); // "Multimodal,Language,…"
    expect(byName("GPT-4o")).not.toHaveProperty("paramsTotalB");
    expect(byName("Llama 4 Behemoth")).toMatchObject({ paramsTotalB: 2000 });
    expect(byName("Llama 4 Behemoth")).not.toHaveProperty("releasedOn");
    expect(byName("ALLaM adapted13B")).toBeDefined(); // a trailing newline inside the quoted name
  });
});

const RUNS_HEADER = "id,task,model,Best score (across scorers),Scores,log viewer,Log download";

describe("Epoch payload faults", () => {
  const ctx = { observedAt: new Date("2026-11-28T00:00:00Z") };

  it("refuses an HTML page instead of CSV", () => {
    expect(() => parseEpochEci("<!DOCTYPE html><html><body>Rate limited</body></html>", ctx)).toThrow('expected CSV but got HTML (starts with "<!DOCTYPE html>")');
  });

  it("refuses a file cut off inside a quoted cell or mid-row", () => {
    expect(() => parseEpochNotableModels('Model,Domain,Organization,Publication date,Parameters,Model accessibility\nX,Language,"Acme', ctx)).toThrow(/malformed .*CSV \(truncated\?\)/);
    expect(() => parseEpochBenchmarkRuns(`${RUNS_HEADER}\na,GPQA diamond,m1,0.5,,,\nb,GPQA diam`, ctx)).toThrow(/malformed .*CSV/);
  });

  it("refuses a renamed column as schema drift", () => {
    expect(() => parseEpochBenchmarkRuns("id,task,model,Best score,Scores\na,GPQA diamond,m1,0.5,", ctx)).toThrow(
      'payload does not match the Epoch AI benchmarking hub runs schema: missing column "Best score (across scorers)" (or "mean_score")',
    );
    expect(() => parseEpochEci("Model version,ECI,Release date,Organization,Model accessibility,Model name\nm,150,,,,", ctx)).toThrow('missing column "ECI Score"');
  });

  it("rejects a NaN, a non-fraction and a model-less run and keeps the other runs", () => {
    const csv = [RUNS_HEADER, "r1,GPQA diamond,good-model,0.5,,,", "r2,GPQA diamond,nan-model,NaN,,,", "r3,MATH level 5,pct-model,57.5,,,", "r4,GPQA diamond,,0.4,,,", "r5,GPQA diamond,empty-model,,,,"].join("\r\n");
    const { records, rejections } = parseEpochBenchmarkRuns(csv, ctx);
    expect(scores(records).map((r) => [r.modelId, r.score])).toEqual([["good-model", 50]]);
    expect(rejections).toEqual([
      { file: "benchmarks_runs.csv", record: "run r2 (nan-model, GPQA diamond)", field: "Best score (across scorers)", reason: 'not a number: "NaN"' },
      { file: "benchmarks_runs.csv", record: "run r3 (pct-model, MATH level 5)", field: "Best score (across scorers)", reason: "57.5 is not a 0–1 fraction" },
      { file: "benchmarks_runs.csv", record: "run r4 (no model, GPQA diamond)", field: "model", reason: "missing model id" },
      { file: "benchmarks_runs.csv", record: "run r5 (empty-model, GPQA diamond)", field: "Best score (across scorers)", reason: "no score" },
    ]);
  });

  it("reads the live export's mean_score and started_at, and skips failed runs", () => {
    const csv = ["id_runs,task,model,mean_score,stderr,started_at,Status", "a,GPQA diamond,gpt-5-2025-08-07_high,0.85,0.02,2025-08-10T09:00:00.000Z,Success", "b,GPQA diamond,gpt-5-2025-08-07_low,0.1,0.02,2025-08-10T09:00:00.000Z,Error"].join("\n");
    const { records, rejections } = parseEpochBenchmarkRuns(csv, ctx);
    expect(rejections).toEqual([]);
    expect(scores(records)).toEqual([
      { type: "score", modelId: "gpt-5-2025-08-07_high", benchmark: "gpqa-diamond", score: 85, measuredOn: new Date("2025-08-10T09:00:00.000Z"), settings: "Epoch AI benchmarking hub; reasoning effort: high", sourceUrl: "https://epoch.ai/data/ai-benchmarking-dashboard" },
    ]);
  });

  it("rejects a bad ECI score but keeps that version's facts and the other versions", () => {
    const csv = ["Model version,ECI Score,Release date,Organization,Model accessibility,Model name", "a,abc,2025-01-01,Acme,API access,A", "b,350,2025-01-02,Acme,,B", "c,120.5,2025-13-01,Acme,Open weights (unrestricted),C", "d,130,2025-02-03,Acme,Unreleased,D"].join("\n");
    const { records, rejections } = parseEpochEci(csv, ctx);
    expect(scores(records).map((s) => [s.modelId, s.score])).toEqual([["c", 120.5], ["d", 130]]);
    expect(facts(records).map((f) => f.modelId)).toEqual(["a", "b", "d"]);
    expect(rejections.map((r) => [r.record, r.field, r.reason])).toEqual([
      ['model version "a"', "ECI Score", 'not a number: "abc"'],
      ['model version "b"', "ECI Score", "350 is outside the index's range 0–300"],
      ['model version "c"', "Release date", 'not a YYYY-MM-DD date: "2025-13-01"'],
    ]);
  });

  it("rejects a bad parameter count and keeps the other notable models, multi-line cells included", () => {
    const header = "Model,Domain,Organization,Publication date,Parameters,Model accessibility,Abstract";
    const csv = [header, 'Good LM,Language,Acme,2024-05-01,7000000000.0,Open weights (unrestricted),"line one\nline two, with a comma"', "Bad LM,Language,Acme,2024-06-01,lots,API access,", "Old LM,Language,Acme,2019-06-01,1.5e9,,", "Pic,Vision,Acme,2024-06-01,1e9,,"].join("\n");
    const { records, rejections } = parseEpochNotableModels(csv, ctx);
    expect(facts(records).map((f) => [f.modelId, f.paramsTotalB, f.openWeights])).toEqual([["Good LM", 7, true]]);
    expect(rejections).toEqual([{ file: "notable_ai_models.csv", record: 'model "Bad LM"', field: "Parameters", reason: 'not a number: "lots"' }]);
  });
});

describe("describeVersionSuffix", () => {
  it("names efforts, thinking budgets and modes, and ignores underscores inside names", () => {
    expect(describeVersionSuffix("o3-2025-04-16_xhigh")).toBe("reasoning effort: xhigh");
    expect(describeVersionSuffix("gpt-5.1-2025-11-13_none")).toBe("reasoning effort: none");
    expect(describeVersionSuffix("gemini-2.5-flash-preview-09-2025_16k")).toBe("thinking budget: 16K tokens");
    expect(describeVersionSuffix("o1-mini-2024-09-12_unknown")).toBe("reasoning effort: not stated");
    expect(describeVersionSuffix("glm-4.5_thinking")).toBe("thinking mode");
    expect(describeVersionSuffix("gpt-5.4-pro-2026-03-05-web-app")).toBe("via the web app");
    for (const name of ["Qwen-1_8B", "open_llama_7b", "MiniCPM-V-2_6", "video_chat2_mistral", "gpt-4o-2024-05-13"]) expect(describeVersionSuffix(name), name).toBeUndefined();
  });
});
