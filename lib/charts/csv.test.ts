import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvFilename, csvTable, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header and one line per row, CRLF-terminated", () => {
    expect(toCsv(["a", "b"], [[1, "x"], [2.5, null]])).toBe("a,b\r\n1,x\r\n2.5,\r\n");
  });
  it("quotes commas, quotes and line breaks so a CSV parser reads the same cells back", () => {
    const rows = [["GPT-4o, 2024", 'say "hi"', "two\nlines", 0.15]];
    const text = toCsv(["name", "quote", "text", "price"], rows);
    expect(parse(text, { columns: false })).toEqual([["name", "quote", "text", "price"], ["GPT-4o, 2024", 'say "hi"', "two\nlines", "0.15"]]);
  });
  it("defuses text a spreadsheet would run as a formula, but keeps negative numbers", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell(-0.5)).toBe("-0.5");
  });
  it("leaves empty cells for missing and non-finite values", () => {
    expect([csvCell(undefined), csvCell(Number.NaN), csvCell(Infinity), csvCell(true)]).toEqual(["", "", "", "true"]);
  });
});

describe("csvTable", () => {
  it("applies the column definitions to each row in order", () => {
    const t = csvTable("x.csv", [{ header: "model", value: (r: { m: string; p: number }) => r.m }, { header: "price", value: (r) => r.p }], [{ m: "a", p: 1 }, { m: "b", p: 2 }]);
    expect(t).toEqual({ filename: "x.csv", header: ["model", "price"], rows: [["a", 1], ["b", 2]] });
  });
  it("makes safe file names", () => {
    expect(csvFilename("Price history", "GPT-4o (2024)")).toBe("price-history-gpt-4o-2024.csv");
    expect(csvFilename("")).toBe("data.csv");
  });
});
