/** /api/v1/trends/cheapest: cheapest price at or above a capability threshold over time. */
import { z } from "zod";
import { dateParam, mixParam, slugParam } from "./common";

export const cheapestQuery = z
  .strictObject({
    benchmark: slugParam.default("mmlu"),
    threshold: z.coerce.number({ message: "expected a number" }).finite("expected a finite number").min(-10_000).max(10_000).default(86.4),
    mix: mixParam.default({ input: 3, output: 1 }),
    from: dateParam.default("2023-01-01"),
    to: dateParam.optional(),
  })
  .refine((q) => !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });
export type CheapestQuery = z.infer<typeof cheapestQuery>;

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

/** Capability levels offered on the overview (a plain module: server and client components both read it). */
export const CAPABILITY_LEVELS = [
  { id: "gpt-3.5", label: "GPT-3.5 level (MMLU ≥ 64.8)", benchmark: "mmlu", threshold: 64.8 },
  { id: "gpt-4", label: "GPT-4 level (MMLU ≥ 86.4)", benchmark: "mmlu", threshold: 86.4 },
  { id: "gpqa-50", label: "GPQA Diamond ≥ 50", benchmark: "gpqa-diamond", threshold: 50 },
  { id: "gpqa-70", label: "GPQA Diamond ≥ 70", benchmark: "gpqa-diamond", threshold: 70 },
] as const;
export type CapabilityLevelId = (typeof CAPABILITY_LEVELS)[number]["id"];
