/** The filters each dashboard page keeps in its URL (see url-filters.ts for the field builders). */
import * as z from "zod/mini";
import { DOMAINS, HARDWARE_KINDS, LAB_KINDS, PROVIDER_KINDS } from "../domain";
import { enumFilter, flagFilter, patternFilter, slugFilter, textFilter, triStateFilter, yearFilter } from "./url-filters";

const countryFilter = () => z.catch(z.optional(z.pipe(z.string().check(z.regex(/^[A-Za-z]{2}$/)), z.transform((s) => s.toUpperCase()))), undefined);

export const labsFilters = z.object({
  q: textFilter(),
  kind: enumFilter(["all", ...LAB_KINDS] as const, "all"),
  country: countryFilter(),
});
export type LabsFilters = z.infer<typeof labsFilters>;

export const modelsFilters = z.object({
  q: textFilter(),
  lab: slugFilter(),
  open: triStateFilter(),
  reasoning: triStateFilter(),
  sort: enumFilter(["-released", "released", "name", "-name"] as const, "-released"),
});
export type ModelsFilters = z.infer<typeof modelsFilters>;

export const providersFilters = z.object({
  no_training: flagFilter(),
  eu: flagFilter(),
  not_cn: flagFilter(),
  zdr: flagFilter(),
  kind: enumFilter(["all", ...PROVIDER_KINDS] as const, "all"),
  hardware: enumFilter(["all", ...HARDWARE_KINDS] as const, "all"),
  /** the open model whose provider spread is shown */
  model: slugFilter(),
});
export type ProvidersFilters = z.infer<typeof providersFilters>;

export const newsFilters = z.object({
  lab: slugFilter(),
  show: enumFilter(["all", "releases", "news"] as const, "all"),
  year: yearFilter(),
  open: triStateFilter(),
});
export type NewsFilters = z.infer<typeof newsFilters>;

/** rows per page of the models index (server first paint and client pages alike) */
export const MODELS_PAGE_SIZE = 50;

/** a day (YYYY-MM-DD) that exists; unset when missing or bad */
const dayFilter = () => z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)))), undefined);
/** comma-separated slugs (e.g. several labs); unset when empty or bad */
const slugListFilter = () => z.catch(z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,99}(,[a-z0-9][a-z0-9.-]{0,99}){0,49}$/))), undefined);

export const frontierFilters = z.object({
  /** capability axis: the index (fw-ci-v1) or a benchmark slug */
  axis: patternFilter(/^[a-z0-9][a-z0-9.-]{0,99}$/, "fw-ci-v1"),
  /** the day the frontier is drawn for; unset: today */
  date: dayFilter(),
  colour: enumFilter(["weights", "lab"] as const, "weights"),
  labs: slugListFilter(),
  country: countryFilter(),
  open: triStateFilter(),
  reasoning: triStateFilter(),
  /** minimum context window, tokens */
  min_context: z.catch(z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000_000))), undefined),
  domain: enumFilter(["all", ...DOMAINS] as const, "all"),
});
export type FrontierFilters = z.infer<typeof frontierFilters>;

export const MIX_CHOICES = { "3:1": { input: 3, output: 1 }, "1:1": { input: 1, output: 1 }, "10:1": { input: 10, output: 1 } } as const;

export const trendsFilters = z.object({
  /** capability levels (ids of CAPABILITY_LEVELS), comma-separated; unset: all */
  levels: slugListFilter(),
  /** a custom threshold: benchmark and score */
  benchmark: slugFilter(),
  threshold: z.catch(z.optional(z.coerce.number().check(z.minimum(-10_000), z.maximum(10_000))), undefined),
  reasoning: flagFilter(),
  mix: enumFilter(["3:1", "1:1", "10:1"] as const, "3:1"),
  mode: enumFilter(["reference", "first-party", "median"] as const, "reference"),
  from: patternFilter(/^\d{4}-\d{2}-\d{2}$/, "2023-01-01"),
});
export type TrendsFilters = z.infer<typeof trendsFilters>;

export const openGapFilters = z.object({
  /** benchmarks compared, comma-separated; unset: MMLU and GPQA Diamond */
  benchmarks: slugListFilter(),
  /** capability level (CAPABILITY_LEVELS id) for the price at parity */
  level: patternFilter(/^[a-z0-9][a-z0-9.-]{0,40}$/, "gpt-4"),
  from: patternFilter(/^\d{4}-\d{2}-\d{2}$/, "2023-01-01"),
});
export type OpenGapFilters = z.infer<typeof openGapFilters>;
export const DEFAULT_GAP_BENCHMARKS = ["mmlu", "gpqa-diamond"];
