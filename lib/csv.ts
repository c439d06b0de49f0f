/**
 * CSV for the API (RFC 4180): pure, no I/O. Columns come from the response item's JSON Schema
 * (generated from the same zod schema as the OpenAPI document), so every response of an endpoint
 * has the same header, in the schema's order, even when the list is empty or a value is null.
 *
 * Flattening, predictably:
 * - a nested object becomes dotted columns (`lab.slug`, `lab.country`); a nullable object too, its
 *   cells empty when it is null;
 * - an array is one cell holding its JSON text (`["text","image"]`);
 * - null and missing are empty cells; booleans are `true`/`false`; numbers as JSON writes them.
 * A cell is quoted when it holds a comma, a quote, CR or LF (quotes doubled); lines end with CRLF.
 */

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

const isObjectSchema = (s: JsonSchema) => (s.type === "object" || (Array.isArray(s.type) && s.type.includes("object"))) && !!s.properties;

/** Column paths of an item schema: dotted paths to every leaf; the branches of a union merged in order. */
export function csvColumns(schema: JsonSchema, prefix = ""): string[] {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const objects = branches.filter(isObjectSchema);
    if (objects.length === 0) return prefix ? [prefix] : [];
    const seen = new Set<string>();
    for (const b of objects) for (const c of csvColumns(b, prefix)) seen.add(c);
    return [...seen];
  }
  if (isObjectSchema(schema)) return Object.entries(schema.properties!).flatMap(([k, v]) => csvColumns(v, prefix ? `${prefix}.${k}` : k));
  return prefix ? [prefix] : [];
}

function valueAt(row: unknown, path: string): unknown {
  let v: unknown = row;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export function csvCell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean") s = JSON.stringify(v);
  else if (v instanceof Date) s = v.toISOString();
  else s = JSON.stringify(v);
  return quoteCsvField(s);
}

/** RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled. */
export function quoteCsvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV document: a header line, then one line per row. */
export function toCsv(columns: readonly string[], rows: readonly unknown[]): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(valueAt(row, c))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
