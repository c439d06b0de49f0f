import { describe, expect, it } from "vitest";
import { describeMovement } from "./prepare-movements";

const d = new Date("2025-06-10T00:00:00Z");

describe("describeMovement", () => {
  it("words each kind of movement with its date", () => {
    expect(describeMovement({ kind: "release", date: d, model: "m", modelName: "M", lab: "meta", openWeights: true, reasoning: false })).toEqual({ kind: "release", date: "2025-06-10", model: "m", modelName: "M", text: "M released by meta with open weights" });
    expect(describeMovement({ kind: "price-change", date: d, model: "o3", modelName: "o3", provider: "openai", quantization: "", before: { input: 10, output: 40, blended: 17.5 }, after: { input: 2, output: 8, blended: 3.5 }, percentChange: -80 }).text)
      .toBe("o3 on openai: $17.50 → $3.50 per 1M tokens (-80.0%)");
    expect(describeMovement({ kind: "new-leader", date: d, benchmark: "gpqa-diamond", model: "m", modelName: "M", score: 88, previous: { model: "p", modelName: "P", score: 87 } }).text).toBe("M leads gpqa-diamond with 88 (was P, 87)");
    expect(describeMovement({ kind: "threshold-crossing", date: d, rule: { benchmark: "gpqa-diamond", minScore: 60, maxPrice: 1 }, model: "m", modelName: "M", score: 61, price: 0.5 }).text)
      .toBe("M: first model under $1 with gpqa-diamond ≥ 60 ($0.500, score 61)");
  });
});
