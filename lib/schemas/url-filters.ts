/**
 * Filters that live in the URL. Each page declares a zod object whose fields never fail: a
 * missing or bad value falls back to the field's default (`.catch`), so a hand-edited or stale
 * link still opens. Server pages read the same schema from searchParams for the first paint;
 * the client hook (components/filters/use-url-filters) reads and writes it.
 */
import { z } from "zod";

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;
export type FilterSchema = z.ZodObject<Record<string, z.ZodType>>;

function toRecord(params: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) out[k] = first;
    }
  }
  return out;
}

export function readFilters<S extends FilterSchema>(schema: S, params: RawParams): z.infer<S> {
  return schema.parse(toRecord(params));
}

function encode(v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return typeof v === "string" ? v : null;
}

/** The query string for a set of filter values: defaults left out, keys in schema order. */
export function writeFilters<S extends FilterSchema>(schema: S, values: Partial<z.infer<S>>): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const v = (values as Record<string, unknown>)[key];
    if (v === defaults[key]) continue;
    const s = encode(v);
    if (s !== null) out.set(key, s);
  }
  return out;
}

// ---- field builders (each one falls back instead of failing)

export const textFilter = (max = 100) => z.string().trim().max(max).optional().catch(undefined);
export const slugFilter = () => z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/).optional().catch(undefined);
/** true / false / unset ("any") */
export const triStateFilter = () => z.enum(["true", "false"]).transform((v) => v === "true").optional().catch(undefined);
/** a checkbox: present as "true" when on */
export const flagFilter = () => z.enum(["true", "false"]).transform((v) => v === "true").optional().catch(undefined).transform((v) => v ?? false);
export const enumFilter = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.enum(values).catch(fallback).default(fallback);
export const yearFilter = () => z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);
