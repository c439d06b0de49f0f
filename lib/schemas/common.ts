/** Building blocks shared by the API's query and response schemas. */
import { z } from "zod";
import { isRealDate } from "../dates";

export const slugParam = z.string().max(100).regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a slug (lowercase letters, digits, '.', '-')");
export const dateParam = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date")
  // PostgreSQL has no year 0 (and the calendars of the data start long after year 1)
  .refine((s) => s >= "0001-01-01", "the year must be 0001 or later");
export const boolParam = z.enum(["true", "false"], { message: "expected true or false" }).transform((v) => v === "true");
export const limitParam = z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50);
// long enough for a keyset cursor that carries a name (lib/queries/keyset.ts)
export const cursorParam = z.string().max(512).regex(/^[A-Za-z0-9_-]+$/, "not a cursor returned by this API");

export const countryParam = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "expected an ISO 3166-1 alpha-2 country code")
  .transform((s) => s.toUpperCase());

/** Blend mix "input:output", e.g. 3:1 (default), 1:1, 10:1. */
export const mixParam = z
  .string()
  .max(20)
  .regex(/^\d{1,3}(\.\d{1,2})?:\d{1,3}(\.\d{1,2})?$/, "expected a mix like 3:1 (input parts:output parts)")
  .transform((s) => {
    const [input, output] = s.split(":").map(Number) as [number, number];
    return { input, output };
  })
  .refine((m) => m.input + m.output > 0, "the mix needs at least one part");

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** A calendar day in a response. */
export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "a calendar day, YYYY-MM-DD (UTC)" });
/** An instant in a response. */
export const timestampString = z.string().meta({ description: "an instant, ISO 8601 in UTC" });

/** `format=csv` (or `Accept: text/csv`) turns any GET response into CSV; handled by the route wrapper. */
export const formatParam = z.enum(["json", "csv"], { message: "expected json or csv" });

/** Reference-price mode (lib/analytics/price-at-capability.ts). */
export const modeParam = z.enum(["reference", "first-party", "median"]);

/** The one error shape of the API (lib/errors.ts builds it). */
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(["invalid_request", "unauthorized", "forbidden", "not_found", "conflict", "rate_limited", "internal_error", "unavailable"]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** Where a catalogue row came from: the source, the ingest run and the raw snapshot that last wrote it. */
export const provenanceSchema = z.object({
  source: z.string().meta({ description: "slug of the source (see /api/v1/sources)" }),
  runId: z.number().int().meta({ description: "the ingest run that last wrote the row (see /api/v1/runs)" }),
  snapshotId: z.number().int().nullable().meta({ description: "the raw snapshot (payload bytes by sha256) the row was read from" }),
  updatedAt: timestampString,
});

export const mixSchema = z.object({ input: z.number(), output: z.number() });
