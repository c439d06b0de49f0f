import { describe, expect, it } from "vitest";
import { ols } from "./stats";
import { costFrontier, costPerTaskPoints, costPerTaskTrend, type CostPoint, type CostRun, type TrendInput } from "./cost-per-task";
import { rng } from "../testing/prng";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const run = (model: string, score: number, totalCostUsd: number | null, measured: string, extra: Partial<CostRun> = {}): CostRun => ({
  model, modelName: model, benchmark: "aider-polyglot", score, totalCostUsd, measuredOn: d(measured), reasoning: false, ...extra,
});
const point = (model: string, score: number, costPerTask: number, date: string, extra: Partial<CostPoint> = {}): CostPoint => ({
  model, modelName: model, benchmark: "aider-polyglot", score, costPerTask, totalCostUsd: costPerTask * 225, tasks: 225, date: d(date), reasoning: false, settings: "", ...extra,
});
/** a fit that returns what it was given, to see exactly what the walk hands over */
const echo = (points: TrendInput[]) => points;


describe("costPerTaskPoints", () => {
  it("divides the run cost by the benchmark's tasks", () => {
    const pts = costPerTaskPoints([run("o1", 61.7, 186.5, "2024-12-21"), run("agent", 70, 230, "2025-11-18", { benchmark: "swe-bench-verified" })]);
    expect(pts.map((p) => [p.benchmark, p.model, p.costPerTask])).toEqual([["aider-polyglot", "o1", 186.5 / 225], ["swe-bench-verified", "agent", 0.46]]);
  });

  it("uses the tasks actually run when the source gives them", () => {
    expect(costPerTaskPoints([run("x", 50, 22.3, "2025-01-01", { tasks: 223 })])[0]?.costPerTask).toBeCloseTo(0.1, 12);
  });

  it("drops runs with no cost, a zero cost (free endpoints) or an unknown task count", () => {
    const pts = costPerTaskPoints([run("none", 50, null, "2025-01-01"), run("free", 50, 0, "2025-01-01"), run("other", 50, 10, "2025-01-01", { benchmark: "livebench" })]);
    expect(pts).toEqual([]);
  });

  it("keeps two settings of one model as two points", () => {
    const pts = costPerTaskPoints([run("gpt-5", 88, 29, "2025-08-07", { settings: "high", reasoning: true }), run("gpt-5", 81, 17, "2025-08-07", { settings: "low", reasoning: true })]);
    expect(pts.map((p) => p.settings)).toEqual(["high", "low"]);
  });
});

describe("costFrontier", () => {
  it("keeps the points nothing beats on both score and cost", () => {
    const pts = [point("a", 50, 0.1, "2025-01-01"), point("b", 60, 0.5, "2025-01-01"), point("c", 55, 0.6, "2025-01-01"), point("d", 80, 2, "2025-01-01"), point("e", 40, 0.1, "2025-01-01")];
    expect(costFrontier(pts).map((p) => p.model)).toEqual(["a", "b", "d"]);
  });

  it("keeps one of two identical points: the earlier run, then the slug", () => {
    expect(costFrontier([point("late", 50, 1, "2025-03-01"), point("early", 50, 1, "2025-02-01")]).map((p) => p.model)).toEqual(["early"]);
    expect(costFrontier([point("b", 50, 1, "2025-02-01"), point("a", 50, 1, "2025-02-01")]).map((p) => p.model)).toEqual(["a"]);
  });

  it("refuses to mix benchmarks", () => {
    expect(() => costFrontier([point("a", 1, 1, "2025-01-01"), point("b", 1, 1, "2025-01-01", { benchmark: "swe-bench-verified" })])).toThrow(RangeError);
  });

  it("is never dominated and dominates everything it leaves out (seeded random points)", () => {
    const rand = rng(7);
    for (let c = 0; c < 300; c++) {
      const pts = Array.from({ length: 1 + Math.floor(rand() * 15) }, (_, i) => point(`m${i}`, Math.round(rand() * 10) * 10, Math.round(rand() * 10) / 10 + 0.1, "2025-01-01"));
      const front = costFrontier(pts);
      const dominates = (a: CostPoint, b: CostPoint) => a.score >= b.score && a.costPerTask <= b.costPerTask && (a.score > b.score || a.costPerTask < b.costPerTask);
      for (const f of front) expect(pts.some((p) => dominates(p, f))).toBe(false);
      for (const p of pts) if (!front.includes(p)) expect(front.some((f) => dominates(f, p) || (f.score === p.score && f.costPerTask === p.costPerTask))).toBe(true);
    }
  });
});

describe("costPerTaskTrend", () => {
  const pts = [
    point("a", 60, 2, "2024-01-01"),
    point("weak", 40, 0.01, "2024-02-01"),
    point("b", 65, 1, "2024-03-01"),
    point("dear", 70, 3, "2024-04-01"),
    point("c-twin-dear", 61, 0.8, "2024-06-01"),
    point("c", 62, 0.5, "2024-06-01"),
    point("r", 75, 0.2, "2024-09-01", { reasoning: true }),
    point("b", 65, 0.4, "2024-10-01"),
  ];

  it("keeps each run at or above the threshold that is cheaper than every earlier one, one per date", () => {
    const trend = costPerTaskTrend(pts, 60, echo);
    expect(trend.points.map((p) => [p.model, p.costPerTask])).toEqual([["a", 2], ["b", 1], ["c", 0.5], ["r", 0.2]]);
    expect(trend.fit).toEqual([{ t: d("2024-01-01"), value: 2 }, { t: d("2024-03-01"), value: 1 }, { t: d("2024-06-01"), value: 0.5 }, { t: d("2024-09-01"), value: 0.2 }]);
  });

  it("includes reasoning models by default and drops them when asked", () => {
    const trend = costPerTaskTrend(pts, 60, echo, { includeReasoning: false });
    // without r, a later cheaper run of b (after a price cut) counts as a new observation
    expect(trend.points.map((p) => [p.model, p.costPerTask])).toEqual([["a", 2], ["b", 1], ["c", 0.5], ["b", 0.4]]);
  });

  it("fits nothing below four points", () => {
    let calls = 0;
    const trend = costPerTaskTrend(pts, 70, () => ++calls);
    expect(trend.points.map((p) => p.model)).toEqual(["dear", "r"]);
    expect(trend.fit).toBeNull();
    expect(calls).toBe(0);
    expect(costPerTaskTrend([point("only", 90, 1, "2025-01-01")], 50, echo)).toMatchObject({ points: [{ model: "only" }], fit: null });
    expect(costPerTaskTrend([], 50, echo)).toEqual({ benchmark: null, threshold: 50, points: [], fit: null });
  });

  it("plugs into the shared least squares: a cost that halves every year falls 2× per year", () => {
    const halving = [0, 1, 2, 3, 4].map((y) => point(`m${y}`, 70, 8 / 2 ** y, `${2021 + y}-01-01`));
    const YEAR_MS = 365.25 * 86_400_000;
    const fitLog = (ps: TrendInput[]) => ols(ps.map((q) => q.t.getTime() / YEAR_MS), ps.map((q) => Math.log10(q.value)));
    const trend = costPerTaskTrend(halving, 60, fitLog);
    expect(trend.points).toHaveLength(5);
    expect(10 ** -trend.fit!.slope).toBeCloseTo(2, 2); // leap years make the calendar spacing uneven
    expect(trend.fit!.n).toBe(5);
  });

  it("never lets the kept cost rise (seeded random runs)", () => {
    const rand = rng(3);
    for (let c = 0; c < 300; c++) {
      const ps = Array.from({ length: Math.floor(rand() * 20) }, (_, i) =>
        point(`m${i}`, Math.round(rand() * 100), Math.round(rand() * 50) / 10 + 0.1, `2024-0${1 + Math.floor(rand() * 9)}-01`, { reasoning: rand() < 0.3 }));
      const trend = costPerTaskTrend(ps, 50, echo);
      for (let i = 1; i < trend.points.length; i++) {
        expect(trend.points[i]!.costPerTask).toBeLessThan(trend.points[i - 1]!.costPerTask);
        expect(trend.points[i]!.date.getTime()).toBeGreaterThan(trend.points[i - 1]!.date.getTime());
      }
      for (const p of trend.points) expect(p.score).toBeGreaterThanOrEqual(50);
    }
  });
});
