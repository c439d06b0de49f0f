/**
 * /api/v1/frontier, /trends/price-at-capability, /gap and /movements: the queries they accept and
 * the shapes they return (dates as YYYY-MM-DD). The answers come from lib/queries/analytics.ts.
 */
import { z } from "zod";
import { boolParam, dateParam, dayString, mixParam, mixSchema, modeParam, slugParam } from "./common";

const mix = mixParam.default({ input: 3, output: 1 }).meta({ description: "blend of input:output prices, e.g. 3:1 (default), 1:1, 10:1" });
const mode = modeParam.default("reference").meta({ description: "reference price: first-party list price else the median across providers (reference), first-party only, or the median" });

export const frontierQuery = z.strictObject({
  axis: slugParam.default("fw-ci-v1").meta({ description: 'capability axis: a benchmark slug (e.g. mmlu, gpqa-diamond) or the capability index "fw-ci-v1"' }),
  date: dateParam.optional().meta({ description: "the day (default: today, UTC)" }),
  mix,
  mode,
  open: boolParam.optional().meta({ description: "only open-weight (true) or proprietary (false) models; the Pareto set is recomputed among them" }),
  reasoning: boolParam.optional().meta({ description: "only reasoning (true) or non-reasoning (false) models" }),
  lab: slugParam.optional().meta({ description: "only models of this lab" }),
  pareto_only: boolParam.default(false).meta({ description: "list only the models on the frontier" }),
});
export type FrontierQuery = z.infer<typeof frontierQuery>;

export const frontierEntrySchema = z.object({
  model: z.string(),
  name: z.string(),
  lab: z.string(),
  openWeights: z.boolean(),
  reasoning: z.boolean(),
  releasedOn: dayString,
  price: z.number().meta({ description: "blended reference price, USD per 1M tokens" }),
  capability: z.number(),
  basis: z.enum(["first-party", "median"]),
  onFrontier: z.boolean(),
});

export const frontierResponse = z.object({
  date: dayString,
  axis: z.string(),
  mix: mixSchema,
  mode: modeParam,
  /** models available that day with a capability value: price ascending, capability descending, slug */
  data: z.array(frontierEntrySchema),
  /** slugs of the Pareto set in price order */
  pareto: z.array(z.string()),
  /** available models without a value on the axis (all of them, whatever the filters) */
  unscored: z.array(z.string()),
});
export type FrontierResponse = z.infer<typeof frontierResponse>;

export const priceTrendQuery = z
  .strictObject({
    benchmark: slugParam.default("mmlu").meta({ description: "benchmark slug" }),
    threshold: z.coerce.number({ message: "expected a number" }).finite("expected a finite number").min(-10_000).max(10_000).optional().meta({ description: "capability threshold: a score on the benchmark" }),
    threshold_model: slugParam.optional().meta({ description: "capability threshold: the score of this model (slug) on the benchmark" }),
    from: dateParam.default("2023-01-01"),
    to: dateParam.optional().meta({ description: "default: today (UTC)" }),
    mix,
    mode,
    include_reasoning: boolParam.default(false).meta({ description: "count reasoning models too (excluded by default)" }),
  })
  .refine((q) => (q.threshold === undefined) !== (q.threshold_model === undefined), { message: "give exactly one of threshold or threshold_model", path: ["threshold"] })
  .refine((q) => !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });
export type PriceTrendQuery = z.infer<typeof priceTrendQuery>;

export const trendPointSchema = z.object({
  date: dayString,
  model: z.string(),
  modelName: z.string(),
  price: z.number().meta({ description: "blended reference price, USD per 1M tokens" }),
  score: z.number(),
  kind: z.enum(["release", "price-change"]),
  basis: z.enum(["first-party", "median"]),
});

export const priceTrendResponse = z.object({
  benchmark: z.string(),
  threshold: z.number().nullable().meta({ description: "the resolved threshold score; null when it could not be resolved" }),
  thresholdModel: z.string().nullable(),
  from: dayString,
  to: dayString,
  mix: mixSchema,
  mode: modeParam,
  includeReasoning: z.boolean(),
  n: z.number().int(),
  points: z.array(trendPointSchema),
  fit: z
    .object({
      slope: z.number().meta({ description: "log10(price) per year" }),
      intercept: z.number(),
      r2: z.number(),
      slopeStdError: z.number(),
      factorPerYear: z.number().meta({ description: "the price falls by this factor per year" }),
      ci90: z.object({ low: z.number(), high: z.number() }),
      line: z.array(z.object({ date: dayString, price: z.number() })).meta({ description: "the fitted line at the first and last kept dates" }),
    })
    .nullable(),
  reason: z.string().nullable(),
});
export type PriceTrendResponse = z.infer<typeof priceTrendResponse>;

export const MAX_GAP_MONTHS = 240;
export const gapQuery = z
  .strictObject({
    benchmarks: z
      .string()
      .max(500)
      .default("arena-elo")
      .meta({ description: "comma-separated benchmark slugs (at most 10)" })
      .transform((s) => [...new Set(s.split(",").map((x) => x.trim()))])
      .pipe(z.array(slugParam).min(1).max(10, "at most 10 benchmarks")),
    from: dateParam.default("2023-01-01"),
    to: dateParam.optional().meta({ description: "default: today (UTC)" }),
  })
  .refine((q) => !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });
export type GapQuery = z.infer<typeof gapQuery>;

const gapLeader = z.object({ model: z.string(), name: z.string(), score: z.number(), since: dayString }).nullable();
export const gapMonthSchema = z.object({
  benchmark: z.string(),
  month: dayString,
  open: gapLeader,
  proprietary: gapLeader,
  gapPoints: z.number().nullable().meta({ description: "proprietary − open, in the benchmark's unit" }),
  gapPercent: z.number().nullable(),
  lagMonths: z.number().nullable().meta({ description: "months since a proprietary model first reached the best open score" }),
  lagReference: z.object({ model: z.string(), since: dayString }).nullable(),
});
export const gapResponse = z.object({ benchmarks: z.array(z.string()), from: dayString, to: dayString, data: z.array(gapMonthSchema) });
export type GapResponse = z.infer<typeof gapResponse>;

export const MAX_MOVEMENT_DAYS = 3660;
export const MOVEMENT_KIND_VALUES = ["release", "price-change", "new-leader", "threshold-crossing"] as const;
export const movementsQuery = z
  .strictObject({
    from: dateParam.optional().meta({ description: "first day of the window (default: 7 days before `to`)" }),
    to: dateParam.optional().meta({ description: "the day after the window (exclusive; default: today, UTC)" }),
    kind: z
      .string()
      .max(200)
      .optional()
      .meta({ description: `comma-separated kinds to list (default: all): ${MOVEMENT_KIND_VALUES.join(", ")}; the counts always cover every kind` })
      .transform((s) => (s === undefined ? undefined : [...new Set(s.split(",").map((x) => x.trim()))]))
      .pipe(z.array(z.enum(MOVEMENT_KIND_VALUES)).min(1).optional()),
    sort: z.enum(["date", "-date"]).default("date").meta({ description: "oldest first (date) or newest first (-date); ties by kind, model and each kind's own key" }),
    limit: z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(200),
    cursor: z.string().max(1200).regex(/^[A-Za-z0-9_-]+$/, "not a cursor returned by this API").optional().meta({ description: "nextCursor of the previous page" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });
export type MovementsQuery = z.infer<typeof movementsQuery>;

const priceLevel = z.object({ input: z.number(), output: z.number(), blended: z.number() });
export const movementSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("release"), date: dayString, model: z.string(), modelName: z.string(), lab: z.string(), openWeights: z.boolean(), reasoning: z.boolean() }),
  z.object({
    kind: z.literal("price-change"), date: dayString, model: z.string(), modelName: z.string(), provider: z.string(), quantization: z.string(),
    before: priceLevel, after: priceLevel, percentChange: z.number().nullable(),
  }),
  z.object({
    kind: z.literal("new-leader"), date: dayString, model: z.string(), modelName: z.string(), benchmark: z.string(), score: z.number(),
    previous: z.object({ model: z.string(), modelName: z.string(), score: z.number() }).nullable(),
  }),
  z.object({
    kind: z.literal("threshold-crossing"), date: dayString, model: z.string(), modelName: z.string(),
    rule: z.object({ benchmark: z.string(), minScore: z.number(), maxPrice: z.number() }), score: z.number(), price: z.number(),
  }),
]);
export const movementsResponse = z.object({
  from: dayString,
  to: dayString,
  /** the whole window, every kind, whatever page or kind filter was asked */
  counts: z.object({ releases: z.number().int(), priceChanges: z.number().int(), newLeaders: z.number().int(), crossings: z.number().int() }),
  /** one page: by date (or newest first), then kind, then model */
  data: z.array(movementSchema),
  nextCursor: z.string().nullable(),
});
export type MovementsResponse = z.infer<typeof movementsResponse>;
