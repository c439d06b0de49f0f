/** /api/v1/labs, /providers, /offerings and /benchmarks: the queries they accept and the rows they return. */
import { z } from "zod";
import { BENCHMARK_CATEGORIES, BENCHMARK_UNITS, HARDWARE_KINDS, LAB_KINDS, PROVIDER_KINDS } from "../domain";
import { boolParam, countryParam, cursorParam, dayString, limitParam, pageSchema, provenanceSchema, slugParam, timestampString } from "./common";

const searchParam = z.string().max(100, "at most 100 characters").regex(/^[^\p{Cc}]*$/u, "no control characters");

// ---------------------------------------------------------------- labs

export const LAB_SORTS = ["name", "-name", "models", "-models", "latest_release", "-latest_release"] as const;

export const listLabsQuery = z.strictObject({
  country: countryParam.optional().meta({ description: "headquarters country (ISO 3166-1 alpha-2)" }),
  kind: z.enum(LAB_KINDS).optional(),
  has_open: boolParam.optional().meta({ description: "true: labs with at least one open-weights model; false: labs with none" }),
  min_open_share: z.coerce
    .number({ message: "expected a number between 0 and 1" })
    .min(0, "must be at least 0")
    .max(1, "must be at most 1")
    .optional()
    .meta({ description: "labs whose share of open-weights models is at least this (0–1); labs without models never match" }),
  q: searchParam.optional().meta({ description: "in the name or slug" }),
  sort: z.enum(LAB_SORTS).default("name").meta({ description: "models = number of models; latest_release = the lab's newest release (labs without models last)" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListLabsQuery = z.infer<typeof listLabsQuery>;

export const labSchema = z.object({
  slug: z.string(),
  name: z.string(),
  country: z.string().nullable().meta({ description: "headquarters (ISO 3166-1 alpha-2); null when not published" }),
  kind: z.enum(LAB_KINDS),
  website: z.string().nullable(),
  sourceUrl: z.string(),
  models: z.number().int(),
  openModels: z.number().int(),
  openShare: z.number().nullable().meta({ description: "openModels / models; null without models" }),
  firstRelease: dayString.nullable(),
  latestRelease: dayString.nullable(),
  provenance: provenanceSchema,
});
export type LabDto = z.infer<typeof labSchema>;
export const listLabsResponse = pageSchema(labSchema);
export type ListLabsResponse = z.infer<typeof listLabsResponse>;

// ---------------------------------------------------------------- providers

export const PROVIDER_SORTS = ["name", "-name", "models", "-models"] as const;

export const listProvidersQuery = z.strictObject({
  kind: z.enum(PROVIDER_KINDS).optional(),
  hardware: z.enum(HARDWARE_KINDS).optional(),
  country: countryParam.optional().meta({ description: "jurisdiction of the provider's headquarters (ISO 3166-1 alpha-2)" }),
  region: z.string().max(30).regex(/^[a-z0-9][a-z0-9-]{1,29}$/, "expected a region code such as us, eu, cn, asia, global").optional().meta({ description: "serves from this region" }),
  lab: slugParam.optional().meta({ description: "the first-party API of this lab" }),
  retains_prompts: boolParam.optional().meta({ description: "prompts kept beyond the request by default (unconfirmed policies match neither value)" }),
  trains_on_prompts: boolParam.optional().meta({ description: "API data used for training by default (unconfirmed policies match neither value)" }),
  zero_data_retention: boolParam.optional().meta({ description: "a zero-data-retention option exists (unconfirmed policies match neither value)" }),
  q: searchParam.optional().meta({ description: "in the name or slug" }),
  sort: z.enum(PROVIDER_SORTS).default("name").meta({ description: "models = number of models offered" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListProvidersQuery = z.infer<typeof listProvidersQuery>;

export const providerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  hardware: z.enum(HARDWARE_KINDS),
  country: z.string(),
  regions: z.array(z.string()),
  lab: z.object({ slug: z.string(), name: z.string() }).nullable().meta({ description: "the lab whose first-party API this is" }),
  dataPolicy: z.object({
    retainsPrompts: z.boolean().nullable(),
    trainsOnPrompts: z.boolean().nullable(),
    zeroDataRetention: z.boolean().nullable(),
    url: z.string().nullable(),
  }).meta({ description: "default terms of the paid API; null = not confirmed" }),
  website: z.string().nullable(),
  sourceUrl: z.string(),
  models: z.number().int(),
  offerings: z.number().int(),
  provenance: provenanceSchema,
});
export type ProviderDto = z.infer<typeof providerSchema>;
export const listProvidersResponse = pageSchema(providerSchema);
export type ListProvidersResponse = z.infer<typeof listProvidersResponse>;

// ---------------------------------------------------------------- offerings

export const OFFERING_SORTS = ["model", "-model", "provider", "-provider", "first_seen", "-first_seen"] as const;
export const OFFERING_STATUSES = ["active", "retired"] as const;

export const listOfferingsQuery = z.strictObject({
  model: slugParam.optional(),
  provider: slugParam.optional(),
  lab: slugParam.optional().meta({ description: "models of this lab" }),
  hardware: z.enum(HARDWARE_KINDS).optional().meta({ description: "the provider's hardware" }),
  provider_kind: z.enum(PROVIDER_KINDS).optional(),
  open: boolParam.optional().meta({ description: "open-weights models only (true) or proprietary only (false)" }),
  first_party: boolParam.optional().meta({ description: "served by the model's own lab (true) or a third party (false)" }),
  status: z.enum(OFFERING_STATUSES).optional(),
  sort: z.enum(OFFERING_SORTS).default("model").meta({ description: "model / provider: by slug; first_seen: when we first saw the offering" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListOfferingsQuery = z.infer<typeof listOfferingsQuery>;

export const offeringSchema = z.object({
  id: z.number().int().meta({ description: "the offering's id (offeringId in price rows)" }),
  model: z.object({ slug: z.string(), name: z.string(), lab: z.string(), openWeights: z.boolean() }),
  provider: z.object({ slug: z.string(), name: z.string(), kind: z.enum(PROVIDER_KINDS), hardware: z.enum(HARDWARE_KINDS), country: z.string() }),
  firstParty: z.boolean(),
  quantization: z.string().meta({ description: "empty when the provider does not say" }),
  providerModelId: z.string().nullable().meta({ description: "the id the provider's API uses" }),
  contextLimit: z.number().int().nullable(),
  status: z.enum(OFFERING_STATUSES),
  firstSeenAt: timestampString,
  source: z.string(),
});
export type OfferingDto = z.infer<typeof offeringSchema>;
export const listOfferingsResponse = pageSchema(offeringSchema);
export type ListOfferingsResponse = z.infer<typeof listOfferingsResponse>;

// ---------------------------------------------------------------- benchmarks

export const BENCHMARK_SORTS = ["name", "-name", "results", "-results"] as const;

export const listBenchmarksQuery = z.strictObject({
  category: z.enum(BENCHMARK_CATEGORIES).optional(),
  unit: z.enum(BENCHMARK_UNITS).optional(),
  sort: z.enum(BENCHMARK_SORTS).default("name").meta({ description: "results = number of results" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export type ListBenchmarksQuery = z.infer<typeof listBenchmarksQuery>;

export const benchmarkSchema = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.enum(BENCHMARK_CATEGORIES),
  unit: z.enum(BENCHMARK_UNITS),
  higherIsBetter: z.boolean(),
  scale: z.object({ min: z.number(), max: z.number() }),
  description: z.string(),
  sourceUrl: z.string(),
  results: z.number().int(),
  models: z.number().int(),
  latestMeasuredOn: dayString.nullable(),
});
export type BenchmarkDto = z.infer<typeof benchmarkSchema>;
export const listBenchmarksResponse = pageSchema(benchmarkSchema);
export type ListBenchmarksResponse = z.infer<typeof listBenchmarksResponse>;
