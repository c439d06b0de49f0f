/**
 * Provider spread of one model on a date (ARCHITECTURE.md, "Analytics"): what each host charges
 * (standard tier only), how fast it serves, on what hardware; how many hosts there are, how far
 * apart their prices are, and how long third parties took to start hosting the model.
 */
import type { HARDWARE_KINDS, PROVIDER_KINDS } from "../domain";
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "./blended-price";
import { referencePriceOn, type PriceWindow } from "./reference-price";

/** A price row of one offering; the provider fields live on the offering. */
export type OfferingPrice = Omit<PriceWindow, "providerSlug" | "firstParty">;

export interface ThroughputReading {
  measuredAt: Date;
  tokensPerSecond: number | null;
  ttftMs: number | null;
}

export interface SpreadOffering {
  providerSlug: string;
  providerName: string;
  providerKind: (typeof PROVIDER_KINDS)[number];
  hardware: (typeof HARDWARE_KINDS)[number];
  /** the provider belongs to the model's lab (not the same as providerKind "first_party") */
  firstParty: boolean;
  quantization?: string;
  prices: OfferingPrice[];
  throughput?: ThroughputReading[];
}

export interface SpreadRow {
  providerSlug: string;
  providerName: string;
  providerKind: SpreadOffering["providerKind"];
  hardware: SpreadOffering["hardware"];
  firstParty: boolean;
  quantization: string;
  input: number;
  output: number;
  blended: number;
  /** the latest reading measured on or before the date, when there is one */
  tokensPerSecond: number | null;
  ttftMs: number | null;
}

export interface ProviderSpread {
  model: string;
  date: Date;
  /** sorted by blended price, then provider slug */
  rows: SpreadRow[];
  /** distinct providers with a standard price valid on the date */
  hosts: number;
  /** blended prices across offerings (a provider serving two quantisations counts twice) */
  price: { min: number; median: number; max: number; maxOverMin: number | null } | null;
  cheapest: SpreadRow | null;
  /** most tokens per second; ties go to the lower time to first token, then the slug */
  fastest: SpreadRow | null;
  firstThirdPartyHost: { providerSlug: string; validFrom: Date } | null;
  /** whole UTC days from release to the first third-party price; negative if a host listed it before the release date */
  daysToFirstThirdPartyHost: number | null;
}

const DAY_MS = 86_400_000;
const utcDay = (d: Date) => Math.floor(d.getTime() / DAY_MS);

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function latestReading(readings: ThroughputReading[] | undefined, date: Date): ThroughputReading | null {
  let latest: ThroughputReading | null = null;
  for (const r of readings ?? []) {
    if (r.measuredAt.getTime() > date.getTime()) continue;
    if (!latest || r.measuredAt.getTime() > latest.measuredAt.getTime()) latest = r;
  }
  return latest;
}

function rowOn(o: SpreadOffering, date: Date, mix: BlendMix): SpreadRow | null {
  // referencePriceOn over one offering's rows = its standard-tier price valid that day (the cheapest
  // row when several sources report one)
  const ref = referencePriceOn(o.prices.map((p) => ({ ...p, providerSlug: o.providerSlug, firstParty: o.firstParty })), date);
  if (!ref) return null;
  const speed = latestReading(o.throughput, date);
  return {
    providerSlug: o.providerSlug, providerName: o.providerName, providerKind: o.providerKind, hardware: o.hardware,
    firstParty: o.firstParty, quantization: o.quantization ?? "", input: ref.input, output: ref.output,
    blended: blendedPrice(ref, mix), tokensPerSecond: speed?.tokensPerSecond ?? null, ttftMs: speed?.ttftMs ?? null,
  };
}

function isFaster(a: SpreadRow, b: SpreadRow): boolean {
  if (a.tokensPerSecond !== b.tokensPerSecond) return a.tokensPerSecond! > b.tokensPerSecond!;
  const at = a.ttftMs ?? Infinity;
  const bt = b.ttftMs ?? Infinity;
  if (at !== bt) return at < bt;
  return a.providerSlug < b.providerSlug;
}

/**
 * The first third-party host is the earliest validFrom of any price row, in any tier, of an
 * offering whose provider is not the model's lab: a free or promotional launch still means the
 * model can be used there. Only rows that started by `date` count, so a past date is not
 * answered with later knowledge.
 */
function firstThirdParty(offerings: SpreadOffering[], date: Date): ProviderSpread["firstThirdPartyHost"] {
  let first: ProviderSpread["firstThirdPartyHost"] = null;
  for (const o of offerings) {
    if (o.firstParty) continue;
    for (const p of o.prices) {
      const t = p.validFrom.getTime();
      if (t > date.getTime()) continue;
      if (!first || t < first.validFrom.getTime() || (t === first.validFrom.getTime() && o.providerSlug < first.providerSlug)) {
        first = { providerSlug: o.providerSlug, validFrom: p.validFrom };
      }
    }
  }
  return first;
}

export function providerSpreadOn(
  model: { slug: string; releasedOn: Date },
  offerings: SpreadOffering[],
  date: Date,
  mix: BlendMix = DEFAULT_MIX,
): ProviderSpread {
  const rows = offerings
    .map((o) => rowOn(o, date, mix))
    .filter((r): r is SpreadRow => r !== null)
    .sort((a, b) => a.blended - b.blended || (a.providerSlug < b.providerSlug ? -1 : a.providerSlug > b.providerSlug ? 1 : 0));
  const prices = rows.map((r) => r.blended); // already ascending
  const price = prices.length
    ? { min: prices[0]!, median: median(prices), max: prices[prices.length - 1]!, maxOverMin: prices[0]! > 0 ? prices[prices.length - 1]! / prices[0]! : null }
    : null;
  let fastest: SpreadRow | null = null;
  for (const r of rows) {
    if (r.tokensPerSecond === null) continue;
    if (!fastest || isFaster(r, fastest)) fastest = r;
  }
  const first = firstThirdParty(offerings, date);
  return {
    model: model.slug,
    date,
    rows,
    hosts: new Set(rows.map((r) => r.providerSlug)).size,
    price,
    cheapest: rows[0] ?? null,
    fastest,
    firstThirdPartyHost: first,
    daysToFirstThirdPartyHost: first ? utcDay(first.validFrom) - utcDay(model.releasedOn) : null,
  };
}
