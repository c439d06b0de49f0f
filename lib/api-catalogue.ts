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
import { cheapestPointSchema, cheapestQuery, cheapestResponse } from "./schemas/trends";

/** a schema of either zod build: classic for queries, zod/mini for the responses the browser reads too (lib/schemas/responses.ts) */
export type AnySchema = z.core.$ZodType;

export interface EndpointDef<Q extends z.ZodType = z.ZodType, R extends AnySchema = AnySchema> {
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  query: Q;
  response: R;
  /** a paginated list: `nextCursor` in the body, a Link header to the next page */
  paginated: boolean;
  /** the rows of the CSV form, and the schema of one row (its columns) */
  csv: { rows: (body: z.infer<R>) => readonly unknown[]; item: AnySchema };
  /** how long shared caches may keep a response */
  cacheSeconds: number;
  /** a query string for the examples of /docs/api */
  example: string;
}

const define = <Q extends z.ZodType, R extends AnySchema>(def: EndpointDef<Q, R>) => def;

export const ENDPOINTS = {
  models: define({
    path: "/api/v1/models", operationId: "listModels", tag: "Catalogue", summary: "Models",
    description: "The model catalogue, newest release first by default, filtered by lab, country, open weights, reasoning, domain and release dates.",
    query: listModelsQuery, response: listModelsResponse, paginated: true,
    csv: { rows: (b) => b.data, item: modelSchema }, cacheSeconds: 60, example: "open=true&sort=-released&limit=100",
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
    description: "Releases, price changes, new benchmark leaders and threshold crossings in [from, to), merged by date.",
    query: movementsQuery, response: movementsResponse, paginated: false,
    csv: { rows: (b) => b.data, item: movementSchema }, cacheSeconds: 300, example: "from=2025-01-01&to=2025-02-01",
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
