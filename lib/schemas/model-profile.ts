/** /api/v1/models/{slug}: one model with its latest prices per offering and best score per benchmark. */
import { z } from "zod";
import { slugParam, provenanceSchema } from "./common";
import { modelSchema } from "./models";
import { priceRowSchema } from "./prices";
import { resultSchema } from "./results";

export const modelSlugParams = z.strictObject({ slug: slugParam.meta({ description: "the model's slug, as in /api/v1/models" }) });
export type ModelSlugParams = z.infer<typeof modelSlugParams>;

export const getModelQuery = z.strictObject({});

// modelSchema is a zod/mini object (the browser reads it too): its fields, in a classic object
export const modelProfileSchema = z.object({
  ...modelSchema.shape,
  provenance: provenanceSchema,
  latestPrices: z
    .array(priceRowSchema.omit({ model: true }))
    .meta({ description: "per offering (provider, quantization) and tier, the current ledger row that took effect last, from whichever source recorded it; validTo says whether it still applies" }),
  bestScores: z
    .array(resultSchema.omit({ model: true }))
    .meta({ description: "per benchmark, the model's best result (highest, or lowest where lower is better; the earliest when tied)" }),
});
export type ModelProfileDto = z.infer<typeof modelProfileSchema>;
