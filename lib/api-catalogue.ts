/**
 * Every public GET endpoint of /api/v1, described once: its path, the zod schema of its query
 * (which validates requests), of its response (which types the handler and, with the query,
 * generates the OpenAPI document in lib/openapi.ts), and the rows of its CSV form. A route file
 * pairs one entry with its handler (lib/api.ts, `getEndpoint`).
 */
import type { z } from "zod";
import { frontierEntrySchema, frontierQuery, frontierResponse, gapMonthSchema, gapQuery, gapResponse, movementSchema, movementsQuery, movementsResponse, priceTrendQuery, priceTrendResponse, trendPointSchema } from "./schemas/analytics";
import { listModelsQuery, listModelsResponse, modelSchema } from "./schemas/models";
import { listRunsQuery, listRunsResponse, listSourcesQuery, listSourcesResponse, runSchema, sourceStatusSchema } from "./schemas/runs";
import { benchmarkSchema, labSchema, listBenchmarksQuery, listBenchmarksResponse, listLabsQuery, listLabsResponse, listOfferingsQuery, listOfferingsResponse, listProvidersQuery, listProvidersResponse, offeringSchema, providerSchema } from "./schemas/catalogue";
import { getModelQuery, modelProfileSchema, modelSlugParams } from "./schemas/model-profile";
import { listPricesQuery, listPricesResponse, modelPricesQuery, priceRowSchema } from "./schemas/prices";
import { listNewsQuery, listNewsResponse, listResultsQuery, listResultsResponse, newsItemSchema, resultSchema } from "./schemas/results";
import { cheapestPointSchema, cheapestQuery, cheapestResponse } from "./schemas/trends";

/** a schema of either zod build: classic for queries, zod/mini for the responses the browser reads too (lib/schemas/responses.ts) */
export type AnySchema = z.core.$ZodType;

export interface EndpointDef<Q extends z.ZodType = z.ZodType, R extends AnySchema = AnySchema, P extends z.ZodType = z.ZodType> {
  /** the URL path; `{name}` marks a path parameter, validated by `params` */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  query: Q;
  /** the path parameters, when the path has any (a strict object: one key per `{name}`) */
  params?: P;
  response: R;
  /** a paginated list: `nextCursor` in the body, a Link header to the next page */
  paginated: boolean;
  /** the rows of the CSV form, and the schema of one row (its columns) */
  csv: { rows: (body: z.infer<R>) => readonly unknown[]; item: AnySchema };
  /** how long shared caches may keep a response */
  cacheSeconds: number;
  /** a query string for the examples of /docs/api */
  example: string;
  /** values of the path parameters for the examples */
  pathExample?: Record<string, string>;
}

const define = <Q extends z.ZodType, R extends AnySchema, P extends z.ZodType = z.ZodObject<{}>>(def: EndpointDef<Q, R, P>) => def;

export const ENDPOINTS = {
  models: define({
    path: "/api/v1/models", operationId: "listModels", tag: "Catalogue", summary: "Models",
    description: "The model catalogue, newest release first by default, filtered by lab, country, open weights, reasoning, domain and release dates.",
    query: listModelsQuery, response: listModelsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: modelSchema }, cacheSeconds: 60, example: "open=true&sort=-released&limit=100",
  }),
  model: define({
    path: "/api/v1/models/{slug}", operationId: "getModel", tag: "Catalogue", summary: "One model",
    description: "A model's facts (lab, release, open weights, reasoning, domain, context), its latest price per offering and tier, and its best result per benchmark, each with date, source, run and snapshot. The CSV form is one row; its lists are JSON text.",
    query: getModelQuery, params: modelSlugParams, response: modelProfileSchema, paginated: false,
    csv: { rows: (b) => [b], item: modelProfileSchema }, cacheSeconds: 60, example: "", pathExample: { slug: "deepseek-v3" },
  }),
  modelPrices: define({
    path: "/api/v1/models/{slug}/prices", operationId: "listModelPrices", tag: "Prices", summary: "A model's price history",
    description: "Every row of the model's price ledger, per provider, offering, tier and source, with its validity window [validFrom, validTo) and provenance; with as_of, the rows in force on that day.",
    query: modelPricesQuery, params: modelSlugParams, response: listPricesResponse, paginated: true,
    csv: { rows: (b) => b.data, item: priceRowSchema }, cacheSeconds: 60, example: "tier=standard&sort=valid_from", pathExample: { slug: "gpt-4o-2024-08-06" },
  }),
  labs: define({
    path: "/api/v1/labs", operationId: "listLabs", tag: "Catalogue", summary: "Labs",
    description: "Labs that train models, with their model counts, open-weights share and release span; filter by country, kind and open weights.",
    query: listLabsQuery, response: listLabsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: labSchema }, cacheSeconds: 60, example: "has_open=true&sort=-models",
  }),
  providers: define({
    path: "/api/v1/providers", operationId: "listProviders", tag: "Catalogue", summary: "Providers",
    description: "Who serves models over an API: kind, hardware, jurisdiction, regions and the default data policy of the paid API, with the number of models offered.",
    query: listProvidersQuery, response: listProvidersResponse, paginated: true,
    csv: { rows: (b) => b.data, item: providerSchema }, cacheSeconds: 60, example: "trains_on_prompts=false&zero_data_retention=true",
  }),
  offerings: define({
    path: "/api/v1/offerings", operationId: "listOfferings", tag: "Catalogue", summary: "Offerings (model × provider)",
    description: "Each model on each provider that serves it (per quantization): the provider's hardware and kind, whether it is the lab's own API, its context limit and status.",
    query: listOfferingsQuery, response: listOfferingsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: offeringSchema }, cacheSeconds: 60, example: "open=true&hardware=lpu",
  }),
  prices: define({
    path: "/api/v1/prices", operationId: "listPrices", tag: "Prices", summary: "The price ledger",
    description: "Every price row, bitemporal and append-only: the validity window [validFrom, validTo), when we recorded it, and its source, run and raw snapshot. as_of gives the rows in force on a day; from and to the prices that took effect in a window.",
    query: listPricesQuery, response: listPricesResponse, paginated: true,
    csv: { rows: (b) => b.data, item: priceRowSchema }, cacheSeconds: 60, example: "as_of=2025-06-01&tier=standard",
  }),
  benchmarks: define({
    path: "/api/v1/benchmarks", operationId: "listBenchmarks", tag: "Catalogue", summary: "Benchmarks",
    description: "The benchmarks scores are kept for: category, unit, direction and scale, with how many results and models each has.",
    query: listBenchmarksQuery, response: listBenchmarksResponse, paginated: true,
    csv: { rows: (b) => b.data, item: benchmarkSchema }, cacheSeconds: 60, example: "category=reasoning",
  }),
  results: define({
    path: "/api/v1/results", operationId: "listResults", tag: "Catalogue", summary: "Benchmark results",
    description: "Every benchmark result with its settings, measurement date, cost of the run when published, and provenance; filter by benchmark, model, lab, source and date.",
    query: listResultsQuery, response: listResultsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: resultSchema }, cacheSeconds: 60, example: "benchmark=gpqa-diamond&sort=-score",
  }),
  news: define({
    path: "/api/v1/news", operationId: "listNews", tag: "Catalogue", summary: "News",
    description: "Items of the labs' news feeds, newest first, with the labs and models each is linked to.",
    query: listNewsQuery, response: listNewsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: newsItemSchema }, cacheSeconds: 60, example: "lab=deepseek",
  }),
  frontier: define({
    path: "/api/v1/frontier", operationId: "getFrontier", tag: "Analytics", summary: "Price–capability frontier on a date",
    description: "Every model available on the date with its blended reference price and capability (a benchmark or the capability index fw-ci-v1), and the Pareto set: models no other one beats on both price and capability.",
    query: frontierQuery, response: frontierResponse, paginated: false,
    csv: { rows: (b) => b.data, item: frontierEntrySchema }, cacheSeconds: 300, example: "axis=gpqa-diamond&date=2025-06-01",
  }),
  priceAtCapability: define({
    path: "/api/v1/trends/price-at-capability", operationId: "getPriceAtCapability", tag: "Analytics", summary: "Price at constant capability",
    description: "Epoch AI's walk-and-fit: models at or above a threshold on a benchmark, each kept when cheaper than every earlier one; OLS of log10(price) on date gives the decline per year with a 90% interval (no fit below 4 points).",
    query: priceTrendQuery, response: priceTrendResponse, paginated: false,
    csv: { rows: (b) => b.points, item: trendPointSchema }, cacheSeconds: 300, example: "benchmark=gpqa-diamond&threshold=50&from=2023-01-01",
  }),
  cheapest: define({
    path: "/api/v1/trends/cheapest", operationId: "getCheapestAtCapability", tag: "Analytics", summary: "Cheapest price at a capability level, month by month",
    description: "The cheapest blended reference price among models at or above a threshold, on the first day of each month.",
    query: cheapestQuery, response: cheapestResponse, paginated: false,
    csv: { rows: (b) => b.points, item: cheapestPointSchema }, cacheSeconds: 300, example: "benchmark=mmlu&threshold=86.4&from=2023-04-01",
  }),
  gap: define({
    path: "/api/v1/gap", operationId: "getOpenGap", tag: "Analytics", summary: "Open vs proprietary, month by month",
    description: "Per benchmark and month: the best open-weight and the best proprietary score, the gap, and the capability lag in months.",
    query: gapQuery, response: gapResponse, paginated: false,
    csv: { rows: (b) => b.data, item: gapMonthSchema }, cacheSeconds: 300, example: "benchmarks=arena-elo,gpqa-diamond&from=2024-01-01&to=2025-06-30",
  }),
  movements: define({
    path: "/api/v1/movements", operationId: "listMovements", tag: "Analytics", summary: "Movements in a window",
    description: "Releases, price changes, new benchmark leaders and threshold crossings in [from, to), merged by date, a page at a time (filter by kind; newest first with sort=-date), with the window's counts.",
    query: movementsQuery, response: movementsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: movementSchema }, cacheSeconds: 300, example: "from=2025-01-01&to=2025-02-01&kind=price-change&limit=100",
  }),
  sources: define({
    path: "/api/v1/sources", operationId: "listSources", tag: "Provenance", summary: "Sources",
    description: "Every source with its schedule, its last run (counts, match rate, message), its last success and the size of its review list.",
    query: listSourcesQuery, response: listSourcesResponse, paginated: false,
    csv: { rows: (b) => b.data, item: sourceStatusSchema }, cacheSeconds: 30, example: "",
  }),
  runs: define({
    path: "/api/v1/runs", operationId: "listRuns", tag: "Provenance", summary: "Ingest runs",
    description: "Ingest runs, newest first, with their counts; filter by source and status.",
    query: listRunsQuery, response: listRunsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: runSchema }, cacheSeconds: 15, example: "source=curated&limit=20",
  }),
};

export type EndpointName = keyof typeof ENDPOINTS;
