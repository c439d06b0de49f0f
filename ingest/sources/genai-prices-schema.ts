/**
 * The pydantic genai-prices v2 feed (prices/new_data/v2/data.json) as it really is: an array of
 * providers, each with models whose `prices` is one price object or a list of conditional prices
 * (`{constraint?, prices}`). Only the fields this adapter reads are validated; everything else
 * (match clauses, extractors, audio/image units, ...) passes through untouched.
 */
import { z } from "zod";
import { isRealDate } from "../../lib/dates";

/** A number, or a context-length cliff: `{base, tiers: [{start, price}]}` (every token pays the tier price once input crosses `start`). */
export const genaiTieredPriceSchema = z.looseObject({
  base: z.number(),
  tiers: z.array(z.looseObject({ start: z.number().int().positive(), price: z.number() })).min(1),
});
export const genaiPriceValueSchema = z.union([z.number(), genaiTieredPriceSchema]);

export const genaiModelPriceSchema = z.looseObject({
  input_mtok: genaiPriceValueSchema.optional(),
  output_mtok: genaiPriceValueSchema.optional(),
  cache_read_mtok: genaiPriceValueSchema.optional(),
  cache_write_mtok: genaiPriceValueSchema.optional(),
  output_reasoning_mtok: genaiPriceValueSchema.optional(),
  /** USD per 1,000 requests */
  requests_kcount: z.number().optional(),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");
const timeOfDay = z.string().regex(/^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/, "expected a time of day as HH:MM:SS");

export const genaiConstraintSchema = z.union([
  z.looseObject({ start_date: isoDate }),
  z.looseObject({ start_time: timeOfDay, end_time: timeOfDay }),
]);

export const genaiConditionalPriceSchema = z.looseObject({
  constraint: genaiConstraintSchema.optional(),
  prices: genaiModelPriceSchema,
});

export const genaiModelSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  deprecated: z.boolean().optional(),
  prices: z.union([genaiModelPriceSchema, z.array(genaiConditionalPriceSchema).min(1)]),
});

export const genaiProviderSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  pricing_urls: z.array(z.string()).optional(),
  // models are validated one by one, so that one bad model is a rejection, not a failed run
  models: z.array(z.unknown()),
});

export const genaiPayloadSchema = z.array(genaiProviderSchema).min(1, "expected at least one provider");

export type GenaiModel = z.infer<typeof genaiModelSchema>;
export type GenaiModelPrice = z.infer<typeof genaiModelPriceSchema>;
export type GenaiPriceValue = z.infer<typeof genaiPriceValueSchema>;
export type GenaiConditionalPrice = z.infer<typeof genaiConditionalPriceSchema>;
