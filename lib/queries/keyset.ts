/**
 * Keyset ("seek") pagination for the API's lists. A page is the rows that come after the last row
 * of the previous page in (sort value, unique id) order — `WHERE (key, id) > ($value, $id)` — so a
 * page costs the same at row 10 as at row 10 million (an index on the key and id serves it), and
 * rows written between two requests never shift a page the way OFFSET does.
 *
 * The cursor carries the sort it was made for, the last row's sort value and its id (JSON, then
 * base64url). Everything in it is checked before it reaches SQL: a forged or truncated cursor is a
 * 400 naming `cursor`, never a database error.
 */
import { z } from "zod";
import { isoDay } from "../dates";
import { ApiError } from "../errors";

export type KeyType = "text" | "int" | "float" | "date" | "timestamptz";

export interface SortKey {
  /** SQL expression of the sort value; it must never be null (coalesce a nullable column) */
  expr: string;
  type: KeyType;
  desc: boolean;
  /** SQL expression of the row's unique id, which breaks ties */
  id: string;
}

/** A sort and its reverse on one key: `name` ascending and `-name` descending. */
export function bothWays<N extends string>(name: N, expr: string, type: KeyType, id: string): Record<N | `-${N}`, SortKey> {
  return { [name]: { expr, type, desc: false, id }, [`-${name}`]: { expr, type, desc: true, id } } as Record<N | `-${N}`, SortKey>;
}

type KeyValue = string | number;
export interface Position {
  value: KeyValue;
  id: number;
}

const CAST: Record<KeyType, string> = { text: "text", int: "int8", float: "float8", date: "date", timestamptz: "timestamptz" };

function invalidCursor(message = "not a cursor returned by this API"): ApiError {
  return new ApiError("invalid_request", `Invalid query parameter: cursor: ${message}`, [{ field: "cursor", message }]);
}

export function encodeCursor(sort: string, value: KeyValue, id: number): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString("base64url");
}

const cursorTuple = z.tuple([z.string(), z.union([z.string(), z.number()]), z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)]);
const TIMESTAMP = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when PostgreSQL will take the value as the key's type (no cast can fail in the query). */
function valueFits(type: KeyType, v: KeyValue): boolean {
  switch (type) {
    case "text":
      // NUL cannot be in a PostgreSQL text value
      return typeof v === "string" && v.length <= 400 && !v.includes("\u0000");
    case "int":
      return typeof v === "number" && Number.isSafeInteger(v);
    case "float":
      return typeof v === "number" && Number.isFinite(v);
    case "date": {
      if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v < "0001-01-01") return false;
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && isoDay(d) === v;
    }
    case "timestamptz": {
      if (typeof v !== "string" || !TIMESTAMP.test(v) || v < "0001") return false;
      const d = new Date(v);
      return !Number.isNaN(d.getTime()) && d.toISOString() === v;
    }
  }
}

/** The position a cursor names, for a request sorted by `sort` on a key of `type`. */
export function decodeCursor(cursor: string, sort: string, type: KeyType): Position {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorTuple.safeParse(raw);
  if (!parsed.success) throw invalidCursor();
  const [madeFor, value, id] = parsed.data;
  if (madeFor !== sort) throw invalidCursor("the cursor was made for another sort; keep the sort of the request that returned it");
  if (!valueFits(type, value)) throw invalidCursor();
  return { value, id };
}

/** The WHERE condition that starts a page after `position` (TRUE for the first page); appends its parameters. */
export function seekCondition(key: SortKey, position: Position | null, params: unknown[]): string {
  if (!position) return "TRUE";
  // sorted by the id itself: a plain comparison, which any index on the id serves
  if (key.expr === key.id) return `${key.id} ${key.desc ? "<" : ">"} $${params.push(position.id)}::int8`;
  params.push(position.value, position.id);
  const n = params.length;
  return `(${key.expr}, ${key.id}) ${key.desc ? "<" : ">"} ($${n - 1}::${CAST[key.type]}, $${n}::int8)`;
}

export function orderByKey(key: SortKey): string {
  const dir = key.desc ? "DESC" : "ASC";
  return key.expr === key.id ? `${key.id} ${dir}` : `${key.expr} ${dir}, ${key.id} ${dir}`;
}

/** Select these two columns in a paged query: the row's sort value and id, for the next cursor. */
export function keyColumns(key: SortKey): string {
  return `${key.expr} AS sort_value, ${key.id} AS sort_id`;
}

export interface KeyedRow {
  sort_value: string | number | Date;
  sort_id: number | string;
}

function cursorValue(type: KeyType, v: KeyedRow["sort_value"]): KeyValue {
  if (v instanceof Date) return type === "date" ? isoDay(v) : v.toISOString();
  return v;
}

/**
 * Rows fetched with `LIMIT limit + 1`: the first `limit` mapped, and a cursor after the last of them
 * when the extra row proves there is a next page.
 */
export function toPage<R extends KeyedRow, T>(rows: R[], limit: number, sort: string, key: SortKey, map: (row: R) => T): { data: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, cursorValue(key.type, last.sort_value), Number(last.sort_id)) : null;
  return { data: page.map(map), nextCursor };
}
