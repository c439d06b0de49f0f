import { describe, expect, it } from "vitest";
import { touchedBetween, type ModelSnapshot } from "./skylines";

const d = (s: string) => new Date(`${s}T00:00:00Z`).getTime();

function snapshot(over: Partial<ModelSnapshot> = {}): ModelSnapshot {
  return {
    facts: JSON.stringify(["m", "M", "2024-01-01", false]),
    reasoning: false,
    scores: new Map([[1, 80]]),
    starts: new Map([[d("2024-02-01"), "2|8|first-party"], [d("2024-03-01"), "2|8|first-party"], [d("2024-04-01"), "1|4|first-party"]]),
    observations: new Map([["reference", [{ at: d("2024-01-01"), key: "2|8" }, { at: d("2024-03-15"), key: "1|4" }]]]),
    ...over,
  };
}

describe("touchedBetween", () => {
  it("touches nothing when nothing the skylines hold changed", () => {
    const t = touchedBetween(new Map([[7, snapshot()]]), new Map([[7, snapshot()]]));
    expect(t.start.size).toBe(0);
    expect(t.series.size).toBe(0);
  });

  it("a price cut: the month starts after it and the series from its day, on every benchmark the model is scored on", () => {
    const after = snapshot({
      scores: new Map([[1, 80], [2, 40]]),
      starts: new Map([[d("2024-02-01"), "2|8|first-party"], [d("2024-03-01"), "2|8|first-party"], [d("2024-04-01"), "0.5|2|first-party"]]),
      observations: new Map([["reference", [{ at: d("2024-01-01"), key: "2|8" }, { at: d("2024-03-15"), key: "1|4" }, { at: d("2024-03-20"), key: "0.5|2" }]]]),
    });
    const before = snapshot({ scores: new Map([[1, 80], [2, 40]]) });
    const t = touchedBetween(new Map([[7, before]]), new Map([[7, after]]));
    expect([...t.start.get(1)!]).toEqual([d("2024-04-01")]);
    expect(t.series.get("1|reference")).toBe(d("2024-03-20"));
    expect(t.series.get("2|reference")).toBe(d("2024-03-20"));
    expect(t.series.has("1|median")).toBe(false);
  });

  it("a new score: every month start the model is priced on and its series from its first observation, on that benchmark only", () => {
    const t = touchedBetween(new Map([[7, snapshot()]]), new Map([[7, snapshot({ scores: new Map([[1, 80], [3, 55]]) })]]));
    expect(t.start.has(1)).toBe(false);
    expect(t.start.get(3)!.size).toBe(3);
    expect(t.series.get("3|reference")).toBe(d("2024-01-01"));
    expect(t.series.has("1|reference")).toBe(false);
  });

  it("a rename: every month start it is priced on (the skyline carries the name), no series (it does not)", () => {
    const t = touchedBetween(new Map([[7, snapshot()]]), new Map([[7, snapshot({ facts: JSON.stringify(["m", "M2", "2024-01-01", false]) })]]));
    expect(t.start.get(1)!.size).toBe(3);
    expect(t.series.size).toBe(0);
  });

  it("a reasoning flag: the series from the first observation; a new or removed model: everything it is in", () => {
    const flagged = touchedBetween(new Map([[7, snapshot()]]), new Map([[7, snapshot({ reasoning: true })]]));
    expect(flagged.series.get("1|reference")).toBe(d("2024-01-01"));
    const added = touchedBetween(new Map(), new Map([[7, snapshot()]]));
    expect(added.start.get(1)!.size).toBe(3);
    expect(added.series.get("1|reference")).toBe(d("2024-01-01"));
    const removed = touchedBetween(new Map([[7, snapshot()]]), new Map());
    expect(removed.start.get(1)!.size).toBe(3);
    expect(removed.series.get("1|reference")).toBe(d("2024-01-01"));
  });
});
