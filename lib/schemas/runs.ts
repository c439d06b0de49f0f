/** /api/v1/runs and /api/v1/sources: ingest runs and the sources they read. */
import { z } from "zod";
import { cursorParam, limitParam, slugParam, timestampString } from "./common";

export const RUN_STATUSES = ["running", "succeeded", "partial", "failed"] as const;

export const listRunsQuery = z.strictObject({
  source: slugParam.optional().meta({ description: "only runs of this source" }),
  status: z.enum(RUN_STATUSES).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListRunsQuery = z.infer<typeof listRunsQuery>;

export const runSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  status: z.enum(RUN_STATUSES),
  trigger: z.string(),
  startedAt: timestampString,
  finishedAt: timestampString.nullable(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  matchRate: z.number().nullable(),
  message: z.string().nullable(),
});
export type RunDto = z.infer<typeof runSchema>;
export const listRunsResponse = z.object({ data: z.array(runSchema), nextCursor: z.string().nullable() });
export type ListRunsResponse = z.infer<typeof listRunsResponse>;

export const listSourcesQuery = z.strictObject({});

export const sourceStatusSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  schedule: z.string().nullable(),
  lastRun: z
    .object({
      id: z.number().int(), status: z.string(), trigger: z.string(), startedAt: timestampString, finishedAt: timestampString.nullable(),
      inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), matchRate: z.number().nullable(), message: z.string().nullable(),
    })
    .nullable(),
  lastSuccessAt: timestampString.nullable(),
  ageHours: z.number().nullable().meta({ description: "hours since the last successful (or partial) run" }),
  runs: z.number().int(),
  unmatched: z.number().int(),
});
export type SourceStatusDto = z.infer<typeof sourceStatusSchema>;
export const listSourcesResponse = z.object({ data: z.array(sourceStatusSchema) });
