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

// the response is read in the browser too (zod/mini, lib/schemas/responses.ts); the levels are a plain module
export { cheapestPointSchema, cheapestResponse, type CheapestResponse } from "./responses";
export { CAPABILITY_LEVELS, type CapabilityLevelId } from "./capability-levels";
