/**
 * The API responses that the dashboard's client components fetch (TanStack Query) and parse in the
 * browser: written with zod/mini so that parsing them there costs a few KB instead of zod's classic
 * build (about 30 KB gzipped). The API validates, types and documents (OpenAPI, CSV columns) the same
 * schemas: lib/api-catalogue.ts takes them through lib/schemas/trends.ts and lib/schemas/models.ts.
 */
import * as z from "zod/mini";

/** one page of a paginated list */
const page = <T extends z.core.$ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });

// ---- GET /api/v1/trends/cheapest

export const cheapestPointSchema = z.object({
  date: z.string(),
  price: z.number(),
  model: z.string(),
  modelName: z.string(),
  score: z.number(),
  basis: z.enum(["first-party", "median"]),
});

export const cheapestResponse = z.object({
  benchmark: z.object({ slug: z.string(), name: z.string(), unit: z.string() }),
  threshold: z.number(),
  mix: z.object({ input: z.number(), output: z.number() }),
  points: z.array(cheapestPointSchema),
  /** models that qualify (score at or above the threshold) */
  qualifyingModels: z.number(),
});
export type CheapestResponse = z.infer<typeof cheapestResponse>;

// ---- GET /api/v1/models

export const modelSchema = z.object({
  slug: z.string(),
  name: z.string(),
  lab: z.object({ slug: z.string(), name: z.string(), country: z.nullable(z.string()) }),
  family: z.string(),
  releasedOn: z.string(),
  openWeights: z.boolean(),
  license: z.string(),
  params: z.object({ totalB: z.nullable(z.number()), activeB: z.nullable(z.number()) }),
  contextWindow: z.nullable(z.number()),
  modalities: z.array(z.string()),
  reasoning: z.boolean(),
  domain: z.string(),
  status: z.string(),
  deprecatedOn: z.nullable(z.string()),
  sourceUrl: z.string(),
});
export type ModelDto = z.infer<typeof modelSchema>;

export const listModelsResponse = page(modelSchema);
export type ListModelsResponse = z.infer<typeof listModelsResponse>;
