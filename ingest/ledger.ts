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

/**
 * One observed price at time `at`. Usually `at` is after every row (a live fetch): a repeated price
 * writes nothing, a new one closes the open row at `at` and opens a new row. Older observations (a
 * backfill of dated copies after newer ones) are placed in the history where they fall: inside a
 * row with another price they split it; in a gap (or before the first row) they fill it up to the
 * next row. A new window that meets a row with the same price is merged with it, so no two adjacent
 * rows ever repeat one price.
 */
export function planObservation(current: LedgerRow[], observed: PriceComponents & { sourceUrl?: string | null }, at: Date): LedgerPlan {
  const plan: LedgerPlan = { insert: [], close: [], supersede: [], unchanged: 0 };
  const rows = [...current].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const t = at.getTime();
  const covering = rows.find((r) => r.validFrom.getTime() <= t && (r.validTo === null || t < r.validTo.getTime()));
  if (covering && samePrice(covering, observed)) {
    plan.unchanged = 1;
    return plan;
  }
  let to: Date | null;
  if (covering) {
    to = covering.validTo;
    if (covering.validFrom.getTime() === t) plan.supersede.push(covering.id); // the same start, another price: a correction
    else plan.close.push({ id: covering.id, validTo: at });
  } else {
    to = rows.find((r) => r.validFrom.getTime() > t)?.validFrom ?? null;
  }
  // merge with the row that starts where the new window ends, when it has the same price
  const following = to ? rows.find((r) => r !== covering && r.validFrom.getTime() === to!.getTime()) : undefined;
  if (following && samePrice(following, observed)) {
    plan.supersede.push(following.id);
    to = following.validTo;
  }
  // and with the row that ends where it starts: extend that row instead of adding one
  const previous = rows.find((r) => r !== covering && r.validTo !== null && r.validTo.getTime() === t);
  if (previous && samePrice(previous, observed)) {
    plan.close.push({ id: previous.id, validTo: to });
    return plan;
  }
  plan.insert.push({ ...observed, validFrom: at, validTo: to });
  return plan;
}
