/** /api/v1/models: the query it accepts and the shape it returns (also types the client). */
import { z } from "zod";
import { DOMAINS } from "../domain";
import { boolParam, countryParam, cursorParam, dateParam, limitParam, slugParam } from "./common";

export const listModelsQuery = z
  .strictObject({
    lab: slugParam.optional(),
    country: countryParam.optional(),
    open: boolParam.optional(),
    reasoning: boolParam.optional(),
    domain: z.enum(DOMAINS).optional(),
    released_after: dateParam.optional(),
    released_before: dateParam.optional(),
    q: z.string().max(100, "at most 100 characters").regex(/^[^\p{Cc}]*$/u, "no control characters").optional(),
    sort: z.enum(["released", "-released", "name", "-name"]).default("-released"),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .refine((q) => !q.released_after || !q.released_before || q.released_after <= q.released_before, {
    message: "released_after must not be later than released_before",
    path: ["released_after"],
  });
export type ListModelsQuery = z.infer<typeof listModelsQuery>;

// the response is read in the browser too (zod/mini, lib/schemas/responses.ts)
export { listModelsResponse, modelSchema, type ListModelsResponse, type ModelDto } from "./responses";
