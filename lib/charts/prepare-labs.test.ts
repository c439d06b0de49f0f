import { describe, expect, it } from "vitest";
import { filterLabs, prepareLabModelCounts, TOP_LABS } from "./prepare-labs";

const lab = (slug: string, kind: string, country: string | null, models: number, openModels: number) => ({ slug, name: slug.toUpperCase(), kind, country, models, openModels, latestRelease: "2025-01-01", sourceUrl: `https://x/${slug}` });
const labs = [lab("openai", "frontier_lab", "US", 30, 2), lab("mistral", "startup", "FR", 20, 12), lab("eleuther", "community", null, 5, 5), lab("empty", "academic", "US", 0, 0)];

describe("filterLabs", () => {
  it("keeps labs of a kind, a country and a name match", () => {
    expect(filterLabs(labs, { kind: "startup", country: undefined, q: undefined }).map((l) => l.slug)).toEqual(["mistral"]);
    expect(filterLabs(labs, { kind: "all", country: "US", q: undefined }).map((l) => l.slug)).toEqual(["openai", "empty"]);
    expect(filterLabs(labs, { kind: "all", country: undefined, q: "eleu" }).map((l) => l.slug)).toEqual(["eleuther"]);
  });
});

describe("prepareLabModelCounts", () => {
  it("stacks open and proprietary counts for the labs with most models, and exports the same rows", () => {
    const r = prepareLabModelCounts(labs, "labs.csv");
    expect(r.chart.rows.map((x) => [x.category, x.values.open, x.values.proprietary])).toEqual([["OPENAI", 2, 28], ["MISTRAL", 12, 8], ["ELEUTHER", 5, 0]]);
    expect(r.csv.rows.map((x) => x[0])).toEqual(["openai", "mistral", "eleuther"]);
  });
  it("shows at most the top labs", () => {
    const many = Array.from({ length: 30 }, (_, i) => lab(`l${i}`, "startup", "US", i + 1, 0));
    expect(prepareLabModelCounts(many, "x.csv").shown).toBe(TOP_LABS);
  });
});
