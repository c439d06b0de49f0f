/**
 * CSV of exactly what a chart or table shows (RFC 4180: comma separated, CRLF, fields with a
 * comma, quote or line break quoted, quotes doubled). Text cells that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR) get a leading apostrophe; numbers are written as numbers.
 */
import { quoteCsvField } from "../csv";

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvCell;
}

export interface CsvTable {
  filename: string;
  header: string[];
  rows: CsvCell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return quoteCsvField(FORMULA_START.test(v) ? `'${v}` : v);
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Builds the table a chart frame exports from rows and column definitions. */
export function csvTable<R>(filename: string, columns: CsvColumn<R>[], rows: R[]): CsvTable {
  return { filename, header: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}

/** A file name from free text: lower case, letters, digits and dashes. */
export function csvFilename(...parts: string[]): string {
  const base = parts.join("-").toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100);
  return `${base || "data"}.csv`;
}
