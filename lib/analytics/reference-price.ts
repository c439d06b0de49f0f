/**
 * Reference price of a model on a date: the first-party provider's list price valid that day;
 * otherwise the median across providers valid that day (each component's median). Only the
 * standard tier counts: promotional, free, batch, off-peak and long-context tiers are variants.
 */
export interface PriceWindow {
  providerSlug: string;
  firstParty: boolean;
  tier: string;
  validFrom: Date;
  validTo: Date | null;
  input: number;
  output: number;
}

export interface ReferencePrice {
  input: number;
  output: number;
  basis: "first-party" | "median";
  providers: string[];
}

export function isValidOn(w: { validFrom: Date; validTo: Date | null }, date: Date): boolean {
  return w.validFrom.getTime() <= date.getTime() && (w.validTo === null || date.getTime() < w.validTo.getTime());
}

/** Order of two rows by total price, then input price, then provider. */
function cheaper(a: PriceWindow, b: PriceWindow): number {
  return a.input + a.output - (b.input + b.output) || a.input - b.input || (a.providerSlug < b.providerSlug ? -1 : a.providerSlug > b.providerSlug ? 1 : 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function referencePriceOn(windows: readonly PriceWindow[], date: Date): ReferencePrice | null {
  return referencePriceAmong(windows.filter((w) => w.tier === "standard" && isValidOn(w, date)));
}

/** The reference price given the standard-tier windows valid on a day (referencePriceOn's rule). */
export function referencePriceAmong(valid: readonly PriceWindow[]): ReferencePrice | null {
  if (valid.length === 0) return null;
  const firstParty = valid.filter((w) => w.firstParty);
  if (firstParty.length) {
    // several first-party rows (one per source) on one day: they should agree; take the cheapest
    // (ties: the lower input price, then the provider: the answer never depends on row order)
    const best = firstParty.reduce((a, b) => (cheaper(a, b) <= 0 ? a : b));
    return { input: best.input, output: best.output, basis: "first-party", providers: [best.providerSlug] };
  }
  // one value per provider (its cheapest row), then the median across providers
  const perProvider = new Map<string, PriceWindow>();
  for (const w of valid) {
    const cur = perProvider.get(w.providerSlug);
    if (!cur || cheaper(w, cur) < 0) perProvider.set(w.providerSlug, w);
  }
  const rows = [...perProvider.values()];
  return { input: median(rows.map((r) => r.input)), output: median(rows.map((r) => r.output)), basis: "median", providers: rows.map((r) => r.providerSlug).sort() };
}
