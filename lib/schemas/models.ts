/** /api/v1/models: the query it accepts and the shape it returns (also types the client). */
import { z } from "zod";
import { DOMAINS } from "../domain";
import { boolParam, countryParam, cursorParam, dateParam, limitParam, pageSchema, slugParam } from "./common";

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

export const modelSchema = z.object({
  slug: z.string(),
  name: z.string(),
  lab: z.object({ slug: z.string(), name: z.string(), country: z.string().nullable() }),
  family: z.string(),
  releasedOn: z.string(),
  openWeights: z.boolean(),
  license: z.string(),
  params: z.object({ totalB: z.number().nullable(), activeB: z.number().nullable() }),
  contextWindow: z.number().nullable(),
  modalities: z.array(z.string()),
  reasoning: z.boolean(),
  domain: z.string(),
  status: z.string(),
  deprecatedOn: z.string().nullable(),
  sourceUrl: z.string(),
});
export type ModelDto = z.infer<typeof modelSchema>;

export const listModelsResponse = pageSchema(modelSchema);
export type ListModelsResponse = z.infer<typeof listModelsResponse>;
