/** /api/v1/prices and /api/v1/models/{slug}/prices: the price ledger, row by row, with provenance. */
import { z } from "zod";
import { HARDWARE_KINDS, PRICE_TIERS, PROVIDER_KINDS } from "../domain";
import { boolParam, cursorParam, dateParam, limitParam, pageSchema, slugParam, timestampString } from "./common";

export const PRICE_SORTS = ["-valid_from", "valid_from", "-id", "id"] as const;

const ledgerFilters = {
  provider: slugParam.optional(),
  source: slugParam.optional().meta({ description: "only this source's ledger (each source keeps its own)" }),
  tier: z.enum(PRICE_TIERS).optional().meta({ description: "standard is the list price; the others are variants kept apart" }),
  as_of: dateParam.optional().meta({ description: "the rows in force at 00:00 UTC that day: valid_from ≤ as_of < valid_to (valid_to null = still in force)" }),
  from: dateParam.optional().meta({ description: "rows whose price took effect on or after this day (valid_from ≥ from)" }),
  to: dateParam.optional().meta({ description: "rows whose price took effect before this day (valid_from < to)" }),
  include_superseded: boolParam
    .default(false)
    .meta({ description: "also rows a source later corrected or retracted (supersededAt set); by default only the current ledger" }),
  sort: z.enum(PRICE_SORTS).default("-valid_from").meta({ description: "valid_from: when the price took effect; id: the order rows were recorded in" }),
  limit: limitParam,
  cursor: cursorParam.optional(),
};

type LedgerWindow = { as_of?: string; from?: string; to?: string };
const windowRules = <T extends z.ZodType<LedgerWindow>>(schema: T) =>
  schema
    .refine((q) => q.as_of === undefined || (q.from === undefined && q.to === undefined), { message: "as_of asks for the prices in force on a day; leave out from and to", path: ["as_of"] })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be later than to", path: ["from"] });

export const listPricesQuery = windowRules(z.strictObject({ model: slugParam.optional(), ...ledgerFilters }));
export type ListPricesQuery = z.infer<typeof listPricesQuery>;

export const modelPricesQuery = windowRules(z.strictObject(ledgerFilters));
export type ModelPricesQuery = z.infer<typeof modelPricesQuery>;

const usd = (description: string) => z.number().meta({ description });
const usdOrNull = (description: string) => z.number().nullable().meta({ description });

export const priceRowSchema = z.object({
  id: z.number().int().meta({ description: "the ledger row's id (increases in the order rows were recorded)" }),
  offeringId: z.number().int(),
  model: z.object({ slug: z.string(), name: z.string() }),
  provider: z.object({ slug: z.string(), name: z.string(), kind: z.enum(PROVIDER_KINDS), hardware: z.enum(HARDWARE_KINDS) }),
  quantization: z.string(),
  tier: z.enum(PRICE_TIERS),
  validFrom: timestampString.meta({ description: "when the price took effect (inclusive)" }),
  validTo: timestampString.nullable().meta({ description: "when it stopped applying (exclusive); null while in force" }),
  observedAt: timestampString.meta({ description: "when we recorded the row" }),
  supersededAt: timestampString.nullable().meta({ description: "when a correction replaced the row; null for the current ledger" }),
  input: usd("USD per 1M input tokens"),
  output: usd("USD per 1M output tokens"),
  cachedInput: usdOrNull("USD per 1M cached input tokens"),
  cacheWrite: usdOrNull("USD per 1M tokens written to the cache"),
  reasoning: usdOrNull("USD per 1M reasoning tokens, when billed apart from output"),
  perRequest: usdOrNull("USD per request"),
  source: z.string().meta({ description: "slug of the source whose ledger holds the row" }),
  sourceUrl: z.string().nullable().meta({ description: "the public page the price was read from" }),
  runId: z.number().int().meta({ description: "the ingest run that wrote the row" }),
  snapshotId: z.number().int().nullable().meta({ description: "the raw snapshot (payload bytes by sha256) the row was read from" }),
});
export type PriceRowDto = z.infer<typeof priceRowSchema>;
export const listPricesResponse = pageSchema(priceRowSchema);
export type ListPricesResponse = z.infer<typeof listPricesResponse>;
