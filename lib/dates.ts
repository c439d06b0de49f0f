/** Calendar dates as YYYY-MM-DD strings in UTC, the form every API and chart uses. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseDay(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

/** First day of each month from `from` to `to` inclusive. */
export function monthStarts(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (Date.UTC(y, m, 1) <= to.getTime()) {
    out.push(new Date(Date.UTC(y, m, 1)));
    m++;
    if (m === 12) { m = 0; y++; }
  }
  return out;
}

/** A real calendar date written YYYY-MM-DD (not 2025-02-30, not 2025-13-01). */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
