import { describe, expect, it } from "vitest";
import { normaliseAlias } from "./aliases";

describe("normaliseAlias", () => {
  it("lower-cases, trims and folds inner whitespace", () => {
    expect(normaliseAlias("  DeepSeek  R1 ")).toBe("deepseek r1");
  });
  it("folds compatibility characters (full-width letters, ligatures)", () => {
    expect(normaliseAlias("ＧＰＴ-４o")).toBe("gpt-4o");
  });
});
