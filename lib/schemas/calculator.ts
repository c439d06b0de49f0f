/**
 * The cost calculator's workload: a strict schema for the form (each field's message shown beside
 * it) and the URL filters (bad or missing values fall back to the defaults, so a link always opens).
 */
import * as z from "zod/mini";
import { enumFilter, patternFilter, triStateFilter } from "./url-filters";

// zod/mini (as the URL filters): the form is validated in the browser, on every key
const tokens = (label: string) => z.coerce.number({ message: `${label} must be a number` }).check(z.int(`${label} must be a whole number`), z.minimum(0, `${label} cannot be negative`), z.maximum(10_000_000, `${label} is at most 10,000,000`));

/** The form's fields, as typed (strings) → numbers; cached is a percentage. */
export const workloadForm = z.object({
  input: tokens("Input tokens"),
  output: tokens("Output tokens"),
  cached: z.coerce.number({ message: "Cached share must be a number" }).check(z.minimum(0, "Cached share is 0–100%"), z.maximum(100, "Cached share is 0–100%")),
  reasoning_x: z.coerce.number({ message: "Reasoning multiplier must be a number" }).check(z.minimum(1, "Reasoning multiplier is at least 1"), z.maximum(100, "Reasoning multiplier is at most 100")),
  requests: z.coerce.number({ message: "Requests must be a number" }).check(z.int("Requests must be a whole number"), z.minimum(0, "Requests cannot be negative"), z.maximum(10_000_000_000, "Requests are at most 10 billion a month")),
});
export type WorkloadForm = z.infer<typeof workloadForm>;

export const WORKLOAD_DEFAULTS: WorkloadForm = { input: 2000, output: 500, cached: 0, reasoning_x: 1, requests: 100_000 };

const withDefault = (k: keyof WorkloadForm) => z._default(z.catch(workloadForm.shape[k] as z.ZodMiniType<number>, WORKLOAD_DEFAULTS[k]), WORKLOAD_DEFAULTS[k]);

export const calculatorFilters = z.object({
  input: withDefault("input"),
  output: withDefault("output"),
  cached: withDefault("cached"),
  reasoning_x: withDefault("reasoning_x"),
  requests: withDefault("requests"),
  /** capability shown: the index or a benchmark */
  axis: patternFilter(/^[a-z0-9][a-z0-9.-]{0,99}$/, "fw-ci-v1"),
  open: triStateFilter(),
  sort: enumFilter(["cost", "capability"] as const, "cost"),
});
export type CalculatorFilters = z.infer<typeof calculatorFilters>;

/** rows of the options table (and its CSV) */
export const CALCULATOR_ROWS = 30;
