import { describe, expect, it } from "vitest";
import {
  CAPABILITY_INDEX_BENCHMARKS,
  CAPABILITY_INDEX_VERSION,
  capabilityIndex,
  IndexVersionMixError,
  singleVersionSeries,
  splitByIndexVersion,
  type IndexScore,
} from "./capability-index";

const s = (model: string, benchmark: string, score: number): IndexScore => ({ model, benchmark, score });
// five models m1..m5 evenly spaced on three benchmarks: z-scores −√2, −√2/2, 0, √2/2, √2
const base: IndexScore[] = [1, 2, 3, 4, 5].flatMap((i) => [s(`m${i}`, "mmlu", 50 + 10 * i), s(`m${i}`, "gpqa-diamond", 20 + 5 * i), s(`m${i}`, "math-500", 40 + 8 * i)]);
const byModel = (rows: ReturnType<typeof capabilityIndex>) => new Map(rows.map((r) => [r.model, r]));

describe("capabilityIndex", () => {
  it("exports its version and benchmark list", () => {
    expect(CAPABILITY_INDEX_VERSION).toBe("fw-ci-v1");
    expect(CAPABILITY_INDEX_BENCHMARKS.map((b) => b.slug)).toEqual(["mmlu", "mmlu-pro", "gpqa-diamond", "math-500", "aime-2024", "humaneval"]);
  });

  it("averages per-benchmark z-scores (population SD) into the value", () => {
    const rows = byModel(capabilityIndex(base));
    expect(rows.get("m3")!.value).toBeCloseTo(0, 14);
    expect(rows.get("m5")!.value).toBeCloseTo(Math.SQRT2, 14);
    expect(rows.get("m1")!.value).toBeCloseTo(-Math.SQRT2, 14);
    expect(rows.get("m4")).toEqual({ model: "m4", version: "fw-ci-v1", value: expect.closeTo(Math.SQRT1_2, 14), benchmarksUsed: ["mmlu", "gpqa-diamond", "math-500"], reason: null });
  });

  it("mixes benchmarks where a model ranks differently", () => {
    // m1 best on mmlu, worst on the other two
    const swapped = base.map((x) => (x.benchmark === "mmlu" ? s(x.model, x.benchmark, 110 - (x.score - 50)) : x));
    expect(byModel(capabilityIndex(swapped)).get("m1")!.value).toBeCloseTo((Math.SQRT2 - 2 * Math.SQRT2) / 3, 14);
  });

  it("gives no value below three benchmarks", () => {
    const rows = byModel(capabilityIndex([...base, s("thin", "mmlu", 90), s("thin", "gpqa-diamond", 60)]));
    expect(rows.get("thin")).toMatchObject({ value: null, benchmarksUsed: ["mmlu", "gpqa-diamond"], reason: expect.stringMatching(/2 of the 3/) });
  });

  it("needs a knowledge and a reasoning-or-math benchmark among the three", () => {
    const extra = [1, 2, 3, 4, 5].flatMap((i) => [s(`m${i}`, "mmlu-pro", 30 + i), s(`m${i}`, "humaneval", 50 + i), s(`m${i}`, "aime-2024", 5 * i)]);
    const rows = byModel(capabilityIndex([
      ...base, ...extra,
      s("no-reasoning", "mmlu", 80), s("no-reasoning", "mmlu-pro", 60), s("no-reasoning", "humaneval", 90),
      s("no-knowledge", "gpqa-diamond", 50), s("no-knowledge", "math-500", 80), s("no-knowledge", "aime-2024", 30),
      s("enough", "mmlu-pro", 60), s("enough", "aime-2024", 30), s("enough", "humaneval", 90),
    ]));
    expect(rows.get("no-reasoning")).toMatchObject({ value: null, reason: expect.stringMatching(/no reasoning or math/) });
    expect(rows.get("no-knowledge")).toMatchObject({ value: null, reason: expect.stringMatching(/no knowledge/) });
    expect(rows.get("enough")!.value).not.toBeNull();
    expect(rows.get("enough")!.benchmarksUsed).toEqual(["mmlu-pro", "aime-2024", "humaneval"]);
  });

  it("does not normalise a benchmark with fewer than five models or no spread, so it does not count", () => {
    const sparse = [...base, ...[1, 2, 3, 4].map((i) => s(`m${i}`, "mmlu-pro", 40 + i))];
    expect(byModel(capabilityIndex(sparse)).get("m1")!.benchmarksUsed).toEqual(["mmlu", "gpqa-diamond", "math-500"]);
    const flat = [...base, ...[1, 2, 3, 4, 5].map((i) => s(`m${i}`, "humaneval", 70))];
    expect(byModel(capabilityIndex(flat)).get("m1")!.benchmarksUsed).toEqual(["mmlu", "gpqa-diamond", "math-500"]);
  });

  it("uses a model's best result on a benchmark and ignores benchmarks outside the list", () => {
    const rows = byModel(capabilityIndex([...base, s("m1", "mmlu", 40), s("m1", "livebench", 99), s("m1", "gpqa-diamond", Number.NaN)]));
    expect(rows.get("m1")!.value).toBeCloseTo(-Math.SQRT2, 14);
    expect(rows.get("m1")!.benchmarksUsed).not.toContain("livebench");
  });

  it("lists requested models without any score, without a value", () => {
    expect(byModel(capabilityIndex(base, ["brand-new"])).get("brand-new")).toMatchObject({ value: null, benchmarksUsed: [], version: "fw-ci-v1" });
    expect(capabilityIndex([], [])).toEqual([]);
  });
});

describe("index versions", () => {
  const v1 = [{ date: "2024-01-01", version: "fw-ci-v1", value: 0.1 }, { date: "2024-02-01", version: "fw-ci-v1", value: 0.3 }];
  const v2 = [{ date: "2024-03-01", version: "fw-ci-v2", value: 0.2 }];

  it("refuses to put two versions in one series", () => {
    expect(() => singleVersionSeries([...v1, ...v2])).toThrow(IndexVersionMixError);
    expect(() => singleVersionSeries([...v1, ...v2])).toThrow(/fw-ci-v1, fw-ci-v2/);
    expect(singleVersionSeries(v1)).toEqual(v1);
    expect(singleVersionSeries([])).toEqual([]);
  });

  it("splits a mixed list into one series per version, keeping order", () => {
    expect(splitByIndexVersion([v1[0]!, v2[0]!, v1[1]!])).toEqual([{ version: "fw-ci-v1", points: v1 }, { version: "fw-ci-v2", points: v2 }]);
  });

  it("stamps every computed value with the current version", () => {
    expect(new Set(capabilityIndex(base).map((r) => r.version))).toEqual(new Set([CAPABILITY_INDEX_VERSION]));
  });
});
