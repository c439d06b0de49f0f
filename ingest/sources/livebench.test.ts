import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScoreRecord } from "../records";
import { LIVEBENCH_URL, livebenchReleaseUrls, livebenchSource, parseLivebench, parseLivebenchCategories } from "./livebench";

const shared = (f: string) => readFileSync(`../shared/data/livebench/${f}`, "utf8");
const fixture = (f: string) => readFileSync(`ingest/sources/fixtures/livebench/${f}`, "utf8");
const observedAt = new Date("2026-07-01T00:00:00Z");
const scores = (r: { records: unknown[] }) => r.records as ScoreRecord[];

/** Parses one recorded release, its URL naming the release date as production would. */
function release(stamp: string) {
  const ctx = { observedAt, url: `https://livebench.ai/table_${stamp}.csv` };
  return parseLivebench(shared(`table_${stamp}.csv`), ctx, { categories: shared(`categories_${stamp}.json`) });
}
const scoreOf = (r: { records: unknown[] }, model: string) => scores(r).find((s) => s.modelId === model)?.score;

describe("parseLivebench on the recorded releases", () => {
  it("emits one livebench score per model, dated and labelled by the release", () => {
    const r = release("2024_06_24");
    expect(r.rejections).toEqual([]);
    expect(r.records).toHaveLength(73);
    for (const s of scores(r)) {
      expect(s).toMatchObject({ benchmark: "livebench", settings: "LiveBench 2024-06-24", sourceUrl: "https://livebench.ai" });
      expect(s.measuredOn.toISOString()).toBe("2024-06-24T00:00:00.000Z");
    }
  });

  it("computes the site's Global Average: the mean of the category means, to two decimals", () => {
    const june = release("2024_06_24");
    // categories 64.0, 63.21, 53.75, 56.74, 56.94, 72.3 (checked by hand) → 61.16; the paper reports 61.2
    expect(scoreOf(june, "claude-3-5-sonnet-20240620")).toBe(61.16);
    expect(scoreOf(june, "gpt-4o-2024-05-13")).toBe(54.96);
    const jan = release("2026_01_08");
    expect(scoreOf(jan, "gpt-5.5-xhigh")).toBe(80.71);
    expect(scoreOf(jan, "claude-4-1-opus-20250805-base")).toBe(54.45);
  });

  it("skips an empty task cell as the site does (phi-3-small-8k-instruct has no connections score in 2024-11-25)", () => {
    expect(scoreOf(release("2024_11_25"), "phi-3-small-8k-instruct")).toBe(24.03);
  });

  it("rejects a short row whose scores cannot be matched to their tasks and keeps the rest of the release", () => {
    const r = release("2026_01_08");
    expect(r.records).toHaveLength(126);
    expect(r.rejections).toEqual([
      { file: "table_2026_01_08.csv", record: "nemotron-3-super-120b-a12b", field: "(row)", reason: "20 scores for 23 task columns: cannot tell which tasks they belong to" },
    ]);
  });

  it("reads every recorded release with its own category map", () => {
    const counts = ["2024_07_26", "2024_08_31", "2025_04_02", "2025_04_25", "2025_05_30", "2025_11_25", "2025_12_23"].map((s) => release(s).records.length);
    expect(counts).toEqual([73, 59, 63, 57, 70, 65, 65]);
  });
});

describe("parseLivebench faults", () => {
  const ctx = { observedAt, url: "https://livebench.ai/table_2025_01_01.csv" };
  const categories = fixture("categories_2025_01_01.json");

  it("rejects negative and NaN scores, short rows, a category with no score, hard-coded and repeated rows, and keeps the others", () => {
    const r = parseLivebench(fixture("table_2025_01_01.csv"), ctx, { categories });
    expect(scores(r).map((s) => [s.modelId, s.score])).toEqual([["acme-large", 58.33], ["acme-gap", 38], ["acme-small", 26.57]]);
    expect(r.rejections.map((x) => [x.record, x.field, x.reason])).toEqual([
      ["acme-negative", "code_generation", '"-5.0" is not a score between 0 and 100'],
      ["acme-nan", "code_generation", '"NaN" is not a score between 0 and 100'],
      ["acme-short", "(row)", "3 scores for 5 task columns: cannot tell which tasks they belong to"],
      ["acme-no-coding", "Coding", "no score in any Coding task, so the global average is undefined"],
      ["grok-3", "(row)", "the site shows a hard-coded global average (58) for this model, not one computed from the table"],
      ["acme-large", "model", "a second row for the same model; kept the first"],
    ]);
  });

  it("accepts the categories already parsed and the release date as an option", () => {
    const r = parseLivebench(fixture("table_2025_01_01.csv"), { observedAt }, { categories: parseLivebenchCategories(categories), release: "2025-02-03" });
    expect(scores(r)[0]!.settings).toBe("LiveBench 2025-02-03");
    expect(scores(r)[0]!.measuredOn.toISOString()).toBe("2025-02-03T00:00:00.000Z");
  });

  it("throws without the categories or without a release date", () => {
    expect(() => parseLivebench(fixture("table_2025_01_01.csv"), ctx)).toThrow("the LiveBench categories are required: pass options.categories (the text of categories_2025_01_01.json)");
    expect(() => parseLivebench(fixture("table_2025_01_01.csv"), { observedAt, url: "https://livebench.ai/table.csv" }, { categories })).toThrow(/^no LiveBench release date/);
  });

  it("throws on HTML instead of the CSV or of the categories JSON", () => {
    const html = "<!DOCTYPE html><html><body><div id=\"root\"></div></body></html>";
    expect(() => parseLivebench(html, ctx, { categories })).toThrow('expected CSV but got HTML (starts with "<!DOCTYPE html>")');
    expect(() => parseLivebench(fixture("table_2025_01_01.csv"), ctx, { categories: html })).toThrow('expected JSON but got HTML (starts with "<!DOCTYPE html>")');
  });

  it("throws on a table cut off in its last row", () => {
    const raw = shared("table_2026_01_08.csv");
    expect(() => parseLivebench(raw.slice(0, raw.length - 40), { observedAt, url: "https://livebench.ai/table_2026_01_08.csv" }, { categories: shared("categories_2026_01_08.json") })).toThrow(
      /^truncated CSV: the last row has \d+ of 24 columns and no line end/,
    );
  });

  it("throws when a task column of the categories is missing or renamed (schema drift)", () => {
    const renamed = fixture("table_2025_01_01.csv").replace("zebra_puzzle", "zebra");
    expect(() => parseLivebench(renamed, ctx, { categories })).toThrow("the LiveBench table does not match its categories: no column for zebra_puzzle");
    expect(() => parseLivebench(fixture("table_2025_01_01.csv").replace(/^model,/, "name,"), ctx, { categories })).toThrow('payload does not match the LiveBench table layout: the first column must be "model", got "name"');
  });

  it("throws on a truncated or malformed categories file", () => {
    expect(() => parseLivebenchCategories(categories.slice(0, 40))).toThrow(/^truncated JSON/);
    expect(() => parseLivebenchCategories('{"Reasoning": "zebra_puzzle"}')).toThrow("payload does not match the LiveBench categories schema: Reasoning: Invalid input: expected array, received string");
  });
});

describe("livebench source descriptor", () => {
  it("points at the latest recorded release's table and builds any release's URLs", () => {
    expect(livebenchSource).toMatchObject({ slug: "livebench", kind: "benchmarks", url: LIVEBENCH_URL, parse: parseLivebench });
    expect(livebenchReleaseUrls("2026-01-08")).toEqual({ table: "https://livebench.ai/table_2026_01_08.csv", categories: "https://livebench.ai/categories_2026_01_08.json" });
  });
});
