/**
 * The curated reference dataset's file format (prisma/seed/). Every record carries the URL of the
 * public source its facts come from. Unknown keys are rejected so that a typo in a field name is
 * an error, not a silently missing fact.
 */
import { z } from "zod";
import { BENCHMARK_CATEGORIES, DOMAINS, HARDWARE_KINDS, LAB_KINDS, MODALITIES, PRICE_TIERS, PROVIDER_KINDS } from "../../lib/domain";
import { isRealDate } from "../../lib/dates";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");
const sourceUrl = z.url({ protocol: /^https?$/, message: "expected an http(s) URL of a public source" });
const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lowercase slug (a-z, 0-9, '.', '-')");
const country = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code");
const usdPerMTok = z.number().min(0, "a price cannot be negative").max(10_000, "an absurd price (over $10,000 per 1M tokens)");

export const curatedLabSchema = z
  .strictObject({
    slug,
    name: z.string().min(1),
    /** null only for community authors who publish no location */
    country: country.nullable(),
    kind: z.enum(LAB_KINDS),
    website: sourceUrl.optional(),
    source: sourceUrl,
  })
  .refine((l) => l.country !== null || l.kind === "community", { message: "only a community lab may have an unknown (null) country", path: ["country"] });

export const curatedProviderSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  kind: z.enum(PROVIDER_KINDS),
  hardware: z.enum(HARDWARE_KINDS),
  country,
  regions: z.array(z.string().min(2)).default([]),
  lab: slug.optional(),
  dataPolicy: z.strictObject({
    retainsPrompts: z.boolean().nullable(),
    trainsOnPrompts: z.boolean().nullable(),
    zeroDataRetention: z.boolean().nullable(),
    source: sourceUrl.optional(),
  }),
  website: sourceUrl.optional(),
  source: sourceUrl,
});

export const curatedBenchmarkSchema = z
  .strictObject({
    slug,
    name: z.string().min(1),
    category: z.enum(BENCHMARK_CATEGORIES),
    unit: z.enum(["percent", "elo", "index"]),
    higherIsBetter: z.boolean().default(true),
    scaleMin: z.number(),
    scaleMax: z.number(),
    description: z.string().min(1),
    source: sourceUrl,
  })
  .refine((b) => b.scaleMin < b.scaleMax, { message: "scaleMin must be below scaleMax", path: ["scaleMax"] });

export const curatedPriceSchema = z.strictObject({
  provider: slug.optional(),
  from: isoDate,
  /** optional end of this price (e.g. a promotion's last day + 1); otherwise it runs until the next entry */
  to: isoDate.optional(),
  input: usdPerMTok,
  output: usdPerMTok,
  cachedInput: usdPerMTok.optional(),
  cacheWrite: usdPerMTok.optional(),
  tier: z.enum(PRICE_TIERS).default("standard"),
  note: z.string().optional(),
  source: sourceUrl,
});

export const curatedScoreSchema = z.strictObject({
  benchmark: slug,
  score: z.number().finite(),
  date: isoDate.optional(),
  settings: z.string().optional(),
  source: sourceUrl,
});

export const curatedModelSchema = z
  .strictObject({
    slug,
    name: z.string().min(1),
    family: z.string().min(1),
    released: isoDate,
    openWeights: z.boolean(),
    license: z.string().min(1),
    params: z
      .strictObject({
        totalB: z.number().positive().nullable(),
        activeB: z.number().positive().nullable().optional(),
      })
      .optional(),
    contextWindow: z.number().int().positive().nullable(),
    modalities: z.array(z.enum(MODALITIES)).min(1).default(["text"]),
    reasoning: z.boolean(),
    domain: z.enum(DOMAINS).default("general"),
    deprecatedOn: isoDate.optional(),
    /**
     * ids sources use for this model; a moving API id ("deepseek-chat") that named this model only
     * for a while is written { id, from, to } (to exclusive)
     */
    aliases: z
      .array(
        z.union([
          z.string().min(1),
          z.strictObject({ id: z.string().min(1), from: isoDate.optional(), to: isoDate.optional() }).refine((a) => !a.from || !a.to || a.from < a.to, { message: "from must be before to", path: ["to"] }),
        ]),
      )
      .default([]),
    source: sourceUrl,
    prices: z.array(curatedPriceSchema).default([]),
    scores: z.array(curatedScoreSchema).default([]),
  })
  .refine((m) => !m.params?.activeB || !m.params.totalB || m.params.activeB <= m.params.totalB, {
    message: "active parameters cannot exceed total parameters",
    path: ["params", "activeB"],
  });

export const curatedLabsFileSchema = z.strictObject({ labs: z.array(curatedLabSchema).min(1) });
export const curatedProvidersFileSchema = z.strictObject({ providers: z.array(curatedProviderSchema).min(1) });
export const curatedBenchmarksFileSchema = z.strictObject({ benchmarks: z.array(curatedBenchmarkSchema).min(1) });
export const curatedModelsFileSchema = z.strictObject({ lab: slug, models: z.array(curatedModelSchema).min(1) });

export type CuratedLab = z.infer<typeof curatedLabSchema>;
export type CuratedProvider = z.infer<typeof curatedProviderSchema>;
export type CuratedBenchmark = z.infer<typeof curatedBenchmarkSchema>;
export type CuratedModel = z.infer<typeof curatedModelSchema>;
export type CuratedPrice = z.infer<typeof curatedPriceSchema>;
export type CuratedScore = z.infer<typeof curatedScoreSchema>;
export type CuratedAlias = CuratedModel["aliases"][number];

/** An alias with its window (unbounded ends as null). */
export function aliasWindow(a: CuratedAlias): { id: string; from: string | null; to: string | null } {
  return typeof a === "string" ? { id: a, from: null, to: null } : { id: a.id, from: a.from ?? null, to: a.to ?? null };
}
