/** /api/v1/results and /api/v1/news: benchmark results and feed items, with where each came from. */
import { z } from "zod";
import { BENCHMARK_UNITS } from "../domain";
import { cursorParam, dateParam, dayString, limitParam, pageSchema, slugParam, timestampString } from "./common";

// ---------------------------------------------------------------- results

export const RESULT_SORTS = ["-measured", "measured", "-score", "score"] as const;

export const listResultsQuery = z.strictObject({
  benchmark: slugParam.optional(),
  model: slugParam.optional(),
  lab: slugParam.optional().meta({ description: "results of this lab's models" }),
  source: slugParam.optional(),
  since: dateParam.optional().meta({ description: "results measured on or after this day" }),
  sort: z.enum(RESULT_SORTS).default("-measured").meta({ description: "measured: the day of the measurement; score: the raw score (compare within one benchmark)" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListResultsQuery = z.infer<typeof listResultsQuery>;

export const resultSchema = z.object({
  id: z.number().int(),
  model: z.object({ slug: z.string(), name: z.string(), lab: z.string() }),
  benchmark: z.object({ slug: z.string(), name: z.string(), unit: z.enum(BENCHMARK_UNITS), higherIsBetter: z.boolean() }),
  score: z.number(),
  measuredOn: dayString,
  settings: z.string().meta({ description: "how it was measured (shots, reasoning effort, harness); empty when not stated" }),
  costUsd: z.number().nullable().meta({ description: "what the whole run cost, when published" }),
  source: z.string().meta({ description: "slug of the source" }),
  sourceUrl: z.string().nullable().meta({ description: "the public page the score was read from" }),
  runId: z.number().int().meta({ description: "the ingest run that wrote the row" }),
  snapshotId: z.number().int().nullable().meta({ description: "the raw snapshot the row was read from" }),
});
export type ResultDto = z.infer<typeof resultSchema>;
export const listResultsResponse = pageSchema(resultSchema);
export type ListResultsResponse = z.infer<typeof listResultsResponse>;

// ---------------------------------------------------------------- news

export const NEWS_SORTS = ["-published", "published"] as const;

export const listNewsQuery = z.strictObject({
  lab: slugParam.optional().meta({ description: "items linked to this lab" }),
  model: slugParam.optional().meta({ description: "items linked to this model" }),
  since: dateParam.optional().meta({ description: "items published on or after this day (UTC)" }),
  sort: z.enum(NEWS_SORTS).default("-published"),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListNewsQuery = z.infer<typeof listNewsQuery>;

const linked = z.array(z.object({ slug: z.string(), name: z.string() }));
export const newsItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  url: z.string(),
  publishedAt: timestampString,
  feed: z.string(),
  summary: z.string().nullable().meta({ description: "sanitised HTML" }),
  labs: linked,
  models: linked,
  source: z.string(),
  runId: z.number().int(),
});
export type NewsItemApiDto = z.infer<typeof newsItemSchema>;
export const listNewsResponse = pageSchema(newsItemSchema);
export type ListNewsResponse = z.infer<typeof listNewsResponse>;
