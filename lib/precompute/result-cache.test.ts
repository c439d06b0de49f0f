import { describe, expect, it } from "vitest";
import { answerKey, packRows, unpackRows } from "./result-cache";

describe("packRows / unpackRows", () => {
  it("round-trips rows of one shape through JSON, Dates included", () => {
    const rows = [
      { slug: "a", date: new Date("2024-01-02T00:00:00Z"), price: 1.5, nested: { input: 1, output: 2 }, flag: true, none: null },
      { slug: "b", date: new Date("2025-03-04T05:06:07.008Z"), price: 0, nested: { input: 0, output: 0 }, flag: false, none: null },
    ];
    const packed = JSON.parse(JSON.stringify(packRows(rows, ["date"])));
    expect(packed.keys).toEqual(["slug", "date", "price", "nested", "flag", "none"]);
    expect(unpackRows(packed, ["date"])).toEqual(rows);
  });

  it("handles no rows", () => {
    expect(unpackRows(JSON.parse(JSON.stringify(packRows([]))))).toEqual([]);
  });
});

describe("answerKey", () => {
  it("does not depend on property order, drops undefined, and writes Dates as instants", () => {
    const a = answerKey("frontier", { benchmark: "mmlu", date: new Date("2025-01-01T00:00:00Z"), mix: { input: 3, output: 1 }, mode: undefined });
    const b = answerKey("frontier", { mix: { output: 1, input: 3 }, date: new Date("2025-01-01T00:00:00Z"), benchmark: "mmlu" });
    expect(a).toBe(b);
    expect(a).toContain("2025-01-01T00:00:00.000Z");
    expect(answerKey("frontier", { benchmark: "mmlu" })).not.toBe(answerKey("price-trend", { benchmark: "mmlu" }));
  });
});
