/**
 * Filters that live in the URL. Each page declares a zod object whose fields never fail: a
 * missing or bad value falls back to the field's default (`.catch`), so a hand-edited or stale
 * link still opens. Server pages read the same schema from searchParams for the first paint;
 * the client hook (components/filters/use-url-filters) reads and writes it.
 *
 * Written with zod/mini: these schemas run in the browser on every filtered page, where zod's
 * classic build would add about 30 KB (gzipped) and its start-up time to the first load.
 */
import * as z from "zod/mini";

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;
export type FilterSchema = z.ZodMiniObject<Record<string, z.core.$ZodType>>;

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

export const textFilter = (max = 100) => z.catch(z.optional(z.string().check(z.trim(), z.maxLength(max))), undefined);
export const slugFilter = () => z.catch(z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,99}$/))), undefined);
/** true / false / unset ("any") */
export const triStateFilter = () => z.catch(z.optional(z.pipe(z.enum(["true", "false"]), z.transform((v) => v === "true"))), undefined);
/** a checkbox: present as "true" when on */
export const flagFilter = () => z.pipe(triStateFilter(), z.transform((v) => v ?? false));
export const enumFilter = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z._default(z.catch(z.enum(values), fallback), fallback);
export const yearFilter = () => z.catch(z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100))), undefined);
/** a pattern, or the fallback when missing or bad */
export const patternFilter = (pattern: RegExp, fallback: string) => z._default(z.catch(z.string().check(z.regex(pattern)), fallback), fallback);
