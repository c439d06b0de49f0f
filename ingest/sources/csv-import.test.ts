import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ModelFactRecord, PriceRecord, ScoreRecord, SourceRecord } from "../records";
import { CSV_IMPORT_BENCHMARKS, CSV_IMPORT_COLUMNS, parseCsvImport } from "./csv-import";

const ctx = { observedAt: new Date("2026-11-28T09:00:00Z") };
const example = readFileSync("ingest/sources/fixtures/csv-import/example.csv", "utf8");
const of = <T extends SourceRecord["type"]>(records: SourceRecord[], type: T) => records.filter((r) => r.type === type) as Extract<SourceRecord, { type: T }>[];
const HEADER = "model,lab,release_date,open_weights,provider,input_price,output_price,price_date,mmlu,arena-elo,score:aime-2024";

describe("parseCsvImport on the example file", () => {
  const { records, rejections } = parseCsvImport(example, ctx);
  const prices = of(records, "price") as PriceRecord[];
  const scores = of(records, "score") as ScoreRecord[];
  const facts = of(records, "model") as ModelFactRecord[];

  it("loads every row: 5 models, 5 prices, 10 scores", () => {
    expect(rejections).toEqual([]);
    expect([facts.length, prices.length, scores.length]).toEqual([5, 5, 10]);
  });

  it("reads the catalogue facts, yes/no/1/0 included", () => {
    expect(facts.find((f) => f.modelId === "gpt-4o-mini-2024-07-18")).toEqual({ type: "model", modelId: "gpt-4o-mini-2024-07-18", labHint: "OpenAI", releasedOn: new Date("2024-07-18T00:00:00Z"), openWeights: false });
    expect(facts.find((f) => f.modelId === "deepseek-ai/DeepSeek-R1")?.openWeights).toBe(true);
    expect(facts.find((f) => f.modelId === "meta-llama/Llama-3.1-405B-Instruct")?.openWeights).toBe(true);
  });

  it("prices a row at the lab's own API from its release date unless a provider and price date are given", () => {
    expect(prices.find((p) => p.modelId === "gpt-4o-2024-05-13")).toEqual({ type: "price", modelId: "gpt-4o-2024-05-13", provider: "OpenAI", tier: "standard", input: 5, output: 15, validFrom: new Date("2024-05-13T00:00:00Z"), sourceUrl: null });
    expect(prices.find((p) => p.modelId === "meta-llama/Llama-3.1-405B-Instruct")).toMatchObject({ provider: "together", input: 3.5, output: 3.5, validFrom: new Date("2025-02-06T00:00:00Z") });
  });

  it("emits a score per filled benchmark cell, dated by the release date", () => {
    const r1 = scores.filter((s) => s.modelId === "deepseek-ai/DeepSeek-R1").map((s) => [s.benchmark, s.score]);
    expect(r1).toEqual([["mmlu", 90.8], ["gpqa-diamond", 71.5], ["aime-2024", 79.8]]);
    expect(scores.find((s) => s.modelId === "claude-3-5-sonnet-20240620" && s.benchmark === "gpqa-diamond")).toMatchObject({ score: 59.4, measuredOn: new Date("2024-06-20T00:00:00Z") });
  });
});

describe("parseCsvImport reading", () => {
  it("handles a BOM, CRLF line ends and quoted fields with commas", () => {
    const csv = `\uFEFFModel,Lab,Input_Price,Output_Price,MMLU\r\n"Acme Large, v2","Acme, Inc.",$3,"15.5",88.7%\r\n`;
    const { records, rejections } = parseCsvImport(csv, ctx);
    expect(rejections).toEqual([]);
    expect(records).toEqual([
      { type: "model", modelId: "Acme Large, v2", labHint: "Acme, Inc." },
      { type: "price", modelId: "Acme Large, v2", provider: "Acme, Inc.", tier: "standard", input: 3, output: 15.5, sourceUrl: null },
      { type: "score", modelId: "Acme Large, v2", benchmark: "mmlu", score: 88.7, measuredOn: ctx.observedAt, sourceUrl: null },
    ]);
  });

  it("counts rows as a spreadsheet does: blank rows and multi-line cells are one row each", () => {
    const csv = 'model,lab,mmlu\n"a\nb",Acme,50\n\n,Acme,60\n';
    const { rejections } = parseCsvImport(csv, ctx);
    expect(rejections).toEqual([{ file: "import.csv", record: "row 4", field: "model", reason: "missing model" }]);
  });

  it("names the file after the URL it came from", () => {
    const { rejections } = parseCsvImport("model,mmlu\nm,abc\n", { ...ctx, url: "file:///home/ana/q3-scores.csv" });
    expect(rejections[0]?.file).toBe("q3-scores.csv");
  });
});

describe("parseCsvImport bad cells", () => {
  const rows = [
    HEADER,
    "good,Acme,2025-01-01,yes,,1,2,,80,1300,50",
    "bad-one,Acme,2025-02-30,maybe,,-1,20000,01/02/2025,101,2000,abc",
    ",Acme,2025-01-01,,,,,,,,",
    "half-price,Acme,,,,1,,,,,",
    "no-lab,,,,,1,2,,,,",
    "wide,Acme,,,,,,,,,,surplus",
  ];
  const { records, rejections } = parseCsvImport(rows.join("\n"), ctx);
  const reasons = (record: string) => rejections.filter((r) => r.record === record).map((r) => [r.field, r.reason]);

  it("reports every bad cell of a row with its row number and column, and loads nothing from that row", () => {
    expect(reasons('row 3 ("bad-one")')).toEqual([
      ["release_date", 'bad date "2025-02-30": expected YYYY-MM-DD'],
      ["price_date", 'bad date "01/02/2025": expected YYYY-MM-DD'],
      ["open_weights", '"maybe" is not true/false, yes/no or 1/0'],
      ["input_price", "negative price -1"],
      ["output_price", "absurd price 20000 (over $10,000 per 1M tokens)"],
      ["mmlu", "score 101 outside 0–100 for a percent benchmark"],
      ["arena-elo", "score 2000 outside arena-elo's range 700–1800"],
      ["score:aime-2024", 'not a number: "abc"'],
    ]);
    expect(records.some((r) => "modelId" in r && r.modelId === "bad-one")).toBe(false);
  });

  it("rejects a row without a model, half a price, a price with no provider or lab, and surplus cells", () => {
    expect(reasons("row 4")).toEqual([["model", "missing model"]]);
    expect(reasons('row 5 ("half-price")')).toEqual([["output_price", "input_price and output_price go together: this one is empty"]]);
    expect(reasons('row 6 ("no-lab")')).toEqual([["provider", "an empty provider means the lab's own API, but lab is empty too"]]);
    expect(reasons('row 7 ("wide")')).toEqual([["(row)", "12 cells but the header has 11 columns"]]);
  });

  it("keeps the good rows", () => {
    expect(records.map((r) => [r.type, "modelId" in r ? r.modelId : ""])).toEqual([
      ["model", "good"], ["price", "good"], ["score", "good"], ["score", "good"], ["score", "good"],
    ]);
    expect(of(records, "score").map((s) => s.score)).toEqual([80, 1300, 50]);
  });

  it("rejects filled cells under score:<slug> for a benchmark we do not track, as an unknown column", () => {
    const { records: ok, rejections: rej } = parseCsvImport("model,score:hle,mmlu\nm1,,70\nm2,12.5,71\n", ctx);
    expect(rej).toEqual([{ file: "import.csv", record: 'row 3 ("m2")', field: "score:hle", reason: 'unknown column: no benchmark "hle"' }]);
    expect(of(ok, "score").map((s) => [s.modelId, s.score])).toEqual([["m1", 70]]);
  });
});

describe("parseCsvImport whole-file errors", () => {
  it("fails on a header that is neither an import column nor a benchmark slug", () => {
    expect(() => parseCsvImport("model,input_prise\nm,3\n", ctx)).toThrow(/^unknown column "input_prise" in the header \(row 1\): not an import column nor a benchmark slug/);
  });

  it("fails on a column given twice, a missing model column, HTML, an empty file, semicolons and an unclosed quote", () => {
    expect(() => parseCsvImport("model,mmlu,score:mmlu\nm,1,2\n", ctx)).toThrow('column "score:mmlu" repeats column "mmlu" in the header (row 1)');
    expect(() => parseCsvImport("lab,mmlu\nAcme,1\n", ctx)).toThrow('no "model" column in the header (row 1)');
    expect(() => parseCsvImport("<!DOCTYPE html><p>sign in</p>", ctx)).toThrow("expected CSV but got HTML");
    expect(() => parseCsvImport("\uFEFF\r\n", ctx)).toThrow("empty file");
    expect(() => parseCsvImport("model;lab;mmlu\nm;Acme;50\n", ctx)).toThrow("looks separated by semicolons or tabs");
    expect(() => parseCsvImport('model,lab\n"m,Acme\n', ctx)).toThrow(/^malformed CSV/);
  });
});

describe("csv-import vocabulary", () => {
  it("accepts exactly the benchmarks of prisma/seed/benchmarks.yaml, with their scales", () => {
    const doc = parseYaml(readFileSync("prisma/seed/benchmarks.yaml", "utf8")) as { benchmarks: { slug: string; unit: string; scaleMin: number; scaleMax: number }[] };
    expect(Object.fromEntries(doc.benchmarks.map((b) => [b.slug, { unit: b.unit, min: b.scaleMin, max: b.scaleMax }]))).toEqual(CSV_IMPORT_BENCHMARKS);
  });

  it("documents model as the one required column", () => {
    expect(CSV_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual(["model"]);
  });
});
