import { describe, expect, it } from "vitest";
import { periodOf, prepareReleaseCounts } from "./prepare-releases";

const m = (releasedOn: string, openWeights: boolean) => ({ slug: releasedOn, name: releasedOn, releasedOn, openWeights });

describe("prepareReleaseCounts", () => {
  it("counts open and proprietary releases per year, keeping empty years between", () => {
    const r = prepareReleaseCounts([m("2021-05-01", true), m("2023-01-10", false), m("2023-12-31", true), m("2023-06-01", true)], "year", "x.csv");
    expect(r.chart.rows.map((x) => [x.category, x.values.open, x.values.proprietary])).toEqual([["2021", 1, 0], ["2022", 0, 0], ["2023", 2, 1]]);
    expect(r.csv.header).toEqual(["year", "open_weights", "proprietary"]);
    expect(r.csv.rows).toEqual([["2021", 1, 0], ["2022", 0, 0], ["2023", 2, 1]]);
    expect(r.summary).toContain("3 with open weights (75%)");
  });
  it("names quarters and months", () => {
    expect(periodOf("2024-11-05", "quarter")).toBe("2024 Q4");
    expect(periodOf("2024-01-05", "month")).toBe("2024-01");
    const r = prepareReleaseCounts([m("2024-02-01", false), m("2024-08-01", false)], "quarter", "x.csv");
    expect(r.chart.rows.map((x) => x.category)).toEqual(["2024 Q1", "2024 Q2", "2024 Q3"]);
  });
  it("has no rows and says so when there are no releases", () => {
    const r = prepareReleaseCounts([], "year", "x.csv");
    expect(r.chart.rows).toEqual([]);
    expect(r.summary).toBe("No releases.");
  });
});
