import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScoreRecord } from "../records";
import { LMARENA_HISTORY_URL, LMARENA_URL, lmarenaHistorySource, lmarenaSource, parseLmarena, parseLmarenaHistory } from "./lmarena";

const shared = (f: string) => readFileSync(`../shared/data/lmarena/${f}`, "utf8");
const fixture = (f: string) => readFileSync(`ingest/sources/fixtures/lmarena/${f}`, "utf8");
const observedAt = new Date("2025-12-11T06:00:00Z");
const scores = (r: { records: unknown[] }) => r.records as ScoreRecord[];
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("parseLmarena on the recorded arena-catalog leaderboards", () => {
  const dec = parseLmarena(shared("arena-catalog.leaderboard-text.2025-12-11.json"), { observedAt, url: LMARENA_URL });

  it("emits one arena-elo score per model of the overall (full) table and nothing from other categories", () => {
    expect(dec.rejections).toEqual([]);
    expect(dec.records).toHaveLength(282);
    expect(new Set(scores(dec).map((r) => r.modelId)).size).toBe(282);
    for (const r of scores(dec)) {
      expect(r).toMatchObject({ type: "score", benchmark: "arena-elo", settings: "arena-catalog overall", sourceUrl: LMARENA_URL });
      expect(r.measuredOn).toEqual(observedAt);
    }
  });

  it("keeps the published overall rating, not a category's (gemini-3-pro: 1486.6 overall, 1525.1 in Chinese)", () => {
    const g = scores(dec).find((r) => r.modelId === "gemini-3-pro")!;
    expect(g.score).toBeCloseTo(1486.6027, 3);
    expect(scores(dec).find((r) => r.modelId === "claude-opus-4-5-20251101")!.score).toBeCloseTo(1446.431, 2);
  });

  it("reads the May 2025 copy too (236 models, gemini-2.5-pro-preview-05-06 at 1446)", () => {
    const may = parseLmarena(shared("arena-catalog.leaderboard-text.2025-05-24.json"), { observedAt: new Date("2025-05-24T00:00:00Z") });
    expect(may.records).toHaveLength(236);
    expect(scores(may).find((r) => r.modelId === "gemini-2.5-pro-preview-05-06")!.score).toBe(1446);
    expect(scores(may).every((r) => r.sourceUrl === LMARENA_URL)).toBe(true);
  });
});

describe("parseLmarena faults", () => {
  it("rejects negative, absurd, non-numeric and missing ratings and keeps the other models", () => {
    const r = parseLmarena(fixture("leaderboard-text.faults.json"), { observedAt });
    expect(scores(r).map((s) => [s.modelId, s.score])).toEqual([["acme-large", 1301.5], ["acme-small", 1104.25]]);
    expect(r.rejections).toEqual([
      { file: "leaderboard-text.json", record: "acme-negative", field: "full.acme-negative.rating", reason: "rating -12 is outside the arena-elo range 700-1800" },
      { file: "leaderboard-text.json", record: "acme-absurd", field: "full.acme-absurd.rating", reason: "rating 25000 is outside the arena-elo range 700-1800" },
      { file: "leaderboard-text.json", record: "acme-nan", field: "full.acme-nan.rating", reason: "Invalid input: expected number, received string" },
      { file: "leaderboard-text.json", record: "acme-unrated", field: "full.acme-unrated.rating", reason: "required" },
    ]);
  });
  it("throws on an HTML error page instead of JSON", () => {
    expect(() => parseLmarena(fixture("error-page.html"), { observedAt })).toThrow('expected JSON but got HTML (starts with "<!DOCTYPE html>")');
  });
  it("throws on a truncated payload", () => {
    const raw = shared("arena-catalog.leaderboard-text.2025-12-11.json");
    expect(() => parseLmarena(raw.slice(0, 5000), { observedAt })).toThrow(/^truncated JSON/);
  });
  it("throws when the overall table is renamed (schema drift)", () => {
    expect(() => parseLmarena(JSON.stringify({ overall: { a: { rating: 1200 } } }), { observedAt })).toThrow("payload does not match the arena-catalog leaderboard schema: full: required");
  });
  it("throws when every rating field is renamed, rather than returning nothing", () => {
    expect(() => parseLmarena(JSON.stringify({ full: { a: { score: 1200 }, b: { score: 1100 } } }), { observedAt })).toThrow(/no model of the arena-catalog payload has a usable overall rating/);
  });
});

describe("parseLmarenaHistory on the recorded Elo-by-date matrix", () => {
  const h = parseLmarenaHistory(shared("lmarena-history.text-overall-elo-by-date.csv"), { observedAt });
  const at = (model: string, date: string) => scores(h).filter((r) => r.modelId === model && day(r.measuredOn) === date);

  it("emits dated arena-elo scores, one per model and release date", () => {
    expect(h.records).toHaveLength(8822);
    const keys = scores(h).map((r) => `${r.modelId}|${day(r.measuredOn)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(scores(h).map((r) => day(r.measuredOn))).size).toBe(62);
    expect(scores(h).every((r) => r.benchmark === "arena-elo" && r.settings === "lmarena-history overall" && r.sourceUrl === LMARENA_HISTORY_URL)).toBe(true);
  });

  it("matches the published boards: gpt-4 1274 in May 2023, gpt-4o 1287 in July 2024, gemini-exp-1206 1372 in December 2024", () => {
    expect(at("gpt-4", "2023-05-08")[0]!.score).toBeCloseTo(1274.19, 2);
    expect(Math.round(at("gpt-4o-2024-05-13", "2024-07-08")[0]!.score)).toBe(1287);
    expect(Math.round(at("gemini-exp-1206", "2024-12-18")[0]!.score)).toBe(1372);
    expect(Math.round(at("gemini-2.0-flash-thinking-exp-1219", "2024-12-18")[0]!.score)).toBe(1369);
  });

  it("skips models absent from a release (0.0 cells)", () => {
    expect(at("gemini-exp-1206", "2023-05-08")).toEqual([]);
  });

  it("rejects the rows that hold unpublished online Elo (2023-12-06 to 2024-06-26) and nothing else", () => {
    expect(h.rejections).toHaveLength(36);
    expect(h.rejections.every((r) => r.field === "(row)" && /^online Elo/.test(r.reason))).toBe(true);
    expect(h.rejections[0]!.record).toBe("20231206");
    expect(h.rejections.at(-1)!.record).toBe("20240626");
    expect(scores(h).some((r) => day(r.measuredOn) >= "2023-12-06" && day(r.measuredOn) < "2024-06-29")).toBe(false);
  });
});

describe("parseLmarenaHistory faults", () => {
  it("keeps one score per model and date, and rejects bad dates, short rows, non-numbers and out-of-range ratings", () => {
    const r = parseLmarenaHistory(fixture("history.faults.csv"), { observedAt });
    expect(scores(r).map((s) => [s.modelId, day(s.measuredOn), s.score])).toEqual([
      ["acme-large", "2023-05-08", 1200.5],
      ["acme-large", "2024-07-01", 1250],
      ["acme-large", "2024-07-04", 1247],
      ["acme-new", "2024-07-04", 1300],
    ]);
    expect(r.rejections.map((x) => [x.record, x.field, x.reason])).toEqual([
      ["acme-small", "column 4", "a second column for the same model; kept the first"],
      ["20231215", "(row)", "online Elo, not the Bradley-Terry rating the leaderboard published between 2023-12-07 and 2024-06-29"],
      ["acme-small 20240701", "acme-small", 'not a number: "abc"'],
      ["20240701", "(row)", "a second row for the same release date; kept the first"],
      ["20240702", "(row)", "2 ratings for 4 model columns: cannot tell which models they belong to"],
      ["2024x703", "(release date)", "expected a release date as yyyymmdd"],
      ["acme-small 20240704", "acme-small", "rating 99999 is outside the arena-elo range 700-1800"],
    ]);
  });
  it("throws on HTML, a truncated last row and a header that is not a model list", () => {
    expect(() => parseLmarenaHistory(fixture("error-page.html"), { observedAt })).toThrow(/^expected CSV but got HTML/);
    const raw = shared("lmarena-history.text-overall-elo-by-date.csv");
    expect(() => parseLmarenaHistory(raw.slice(0, raw.length - 500), { observedAt })).toThrow(/^truncated CSV: the last row has \d+ of 228 columns/);
    expect(() => parseLmarenaHistory("date,acme-large\n20240701,1200\n", { observedAt })).toThrow(/^payload does not match the lmarena-history layout/);
  });
});

describe("lmarena source descriptors", () => {
  it("point at the live files and their parsers", () => {
    expect(lmarenaSource).toMatchObject({ slug: "lmarena", kind: "benchmarks", url: LMARENA_URL, parse: parseLmarena });
    expect(lmarenaHistorySource).toMatchObject({ slug: "lmarena-history", kind: "import", url: LMARENA_HISTORY_URL, parse: parseLmarenaHistory });
    expect(LMARENA_URL).toBe("https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json");
  });
});
