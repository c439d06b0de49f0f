/** Building blocks shared by the API's query and response schemas. */
import { z } from "zod";
import { isRealDate } from "../dates";

export const slugParam = z.string().max(100).regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a slug (lowercase letters, digits, '.', '-')");
export const dateParam = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");
export const boolParam = z.enum(["true", "false"], { message: "expected true or false" }).transform((v) => v === "true");
export const limitParam = z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50);
export const cursorParam = z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, "not a cursor returned by this API");

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

export const mixSchema = z.object({ input: z.number(), output: z.number() });
