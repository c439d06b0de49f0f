/**
 * The price ledger's rules, as pure functions. Given the current rows of one ledger (one offering,
 * tier and source) and what the source says now, plan the writes:
 * - `planHistory`: the source states a dated history (curated files, llm-prices). Rows are matched
 *   by start date; a changed price at the same date supersedes the old row (kept, marked) and adds
 *   the replacement; a new end date closes a row; dates the source no longer states are superseded.
 * - `planObservation`: the source states today's price only (price maps, catalogues). A repeated
 *   price writes nothing; a different price closes the open row at the observation time and opens
 *   a new one.
 */

export interface PriceComponents {
  input: number;
  output: number;
  cachedInput: number | null;
  cacheWrite: number | null;
  reasoning: number | null;
  perRequest: number | null;
}

export interface LedgerRow extends PriceComponents {
  id: number;
  validFrom: Date;
  validTo: Date | null;
}

export interface DesiredRow extends PriceComponents {
  validFrom: Date;
  validTo: Date | null;
  sourceUrl?: string | null;
}

export interface LedgerPlan {
  insert: DesiredRow[];
  /** set valid_to on an existing current row */
  close: { id: number; validTo: Date | null }[];
  /** mark rows as no longer current (superseded_at), never deleted */
  supersede: number[];
  unchanged: number;
}

const MICRO = 1e6;
/** Prices are stored with 6 decimals; compare at that precision. */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.round(a * MICRO) === Math.round(b * MICRO);
}

export function samePrice(a: PriceComponents, b: PriceComponents): boolean {
  return (
    same(a.input, b.input) &&
    same(a.output, b.output) &&
    same(a.cachedInput, b.cachedInput) &&
    same(a.cacheWrite, b.cacheWrite) &&
    same(a.reasoning, b.reasoning) &&
    same(a.perRequest, b.perRequest)
  );
}

const time = (d: Date | null) => (d === null ? null : d.getTime());

/**
 * Turns dated price entries into validity windows: each runs until its own end date (`validUntil`)
 * if it has one, else until the next entry starts, else until `endsOn` (the model's retirement).
 */
export function toValidityWindows<T extends PriceComponents & { validFrom: Date; validUntil?: Date | null }>(entries: T[], endsOn: Date | null): (Omit<T, "validUntil"> & { validTo: Date | null })[] {
  const sorted = [...entries].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  return sorted.map(({ validUntil, ...e }, i) => {
    const next = sorted[i + 1]?.validFrom ?? null;
    let validTo = validUntil ?? next ?? endsOn;
    if (next && validTo && validTo.getTime() > next.getTime()) validTo = next; // never overlap the next price
    if (validTo && validTo.getTime() <= e.validFrom.getTime()) validTo = next; // an end before the start is ignored
    return { ...e, validTo };
  });
}

export function planHistory(current: LedgerRow[], desired: DesiredRow[]): LedgerPlan {
  const plan: LedgerPlan = { insert: [], close: [], supersede: [], unchanged: 0 };
  const byStart = new Map(current.map((r) => [r.validFrom.getTime(), r]));
  const wanted = new Set<number>();
  for (const d of desired) {
    const key = d.validFrom.getTime();
    wanted.add(key);
    const row = byStart.get(key);
    if (!row) {
      plan.insert.push(d);
    } else if (!samePrice(row, d)) {
      plan.supersede.push(row.id);
      plan.insert.push(d);
    } else if (time(row.validTo) !== time(d.validTo)) {
      plan.close.push({ id: row.id, validTo: d.validTo });
    } else {
      plan.unchanged++;
    }
  }
  for (const r of current) if (!wanted.has(r.validFrom.getTime())) plan.supersede.push(r.id);
  return plan;
}

export function planObservation(current: LedgerRow[], observed: PriceComponents & { sourceUrl?: string | null }, at: Date): LedgerPlan {
  const plan: LedgerPlan = { insert: [], close: [], supersede: [], unchanged: 0 };
  const open = current.find((r) => r.validTo === null);
  if (open && samePrice(open, observed)) {
    plan.unchanged = 1;
    return plan;
  }
  if (open) {
    if (at.getTime() <= open.validFrom.getTime()) {
      // observed again at (or before) the open row's start: a correction of that row
      plan.supersede.push(open.id);
      plan.insert.push({ ...observed, validFrom: open.validFrom, validTo: null });
      return plan;
    }
    plan.close.push({ id: open.id, validTo: at });
  }
  plan.insert.push({ ...observed, validFrom: at, validTo: null });
  return plan;
}
