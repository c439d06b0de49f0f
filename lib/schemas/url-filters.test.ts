import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { enumFilter, flagFilter, readFilters, slugFilter, textFilter, triStateFilter, writeFilters, yearFilter } from "./url-filters";

const schema = z.object({ q: textFilter(), lab: slugFilter(), open: triStateFilter(), eu: flagFilter(), sort: enumFilter(["name", "-released"] as const, "-released"), year: yearFilter() });

describe("URL filters", () => {
  it("reads typed values from a query string", () => {
    expect(readFilters(schema, new URLSearchParams("q=llama&lab=meta&open=true&eu=true&sort=name&year=2024"))).toEqual({ q: "llama", lab: "meta", open: true, eu: true, sort: "name", year: 2024 });
  });
  it("falls back to defaults for missing or bad values instead of failing", () => {
    expect(readFilters(schema, { lab: "Not A Slug", open: "maybe", eu: "1x", sort: "price", year: "abc" })).toEqual({ q: undefined, lab: undefined, open: undefined, eu: false, sort: "-released", year: undefined });
  });
  it("takes the first of repeated parameters", () => {
    expect(readFilters(schema, { lab: ["meta", "openai"] }).lab).toBe("meta");
  });
  it("writes only what differs from the defaults, and reads back the same values", () => {
    const values = { q: "r1", lab: "deepseek", open: false, eu: true, sort: "-released" as const, year: undefined };
    const qs = writeFilters(schema, values);
    expect(qs.toString()).toBe("q=r1&lab=deepseek&open=false&eu=true");
    expect(readFilters(schema, qs)).toEqual(values);
    expect(writeFilters(schema, schema.parse({})).toString()).toBe("");
  });
});
