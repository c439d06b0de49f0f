/**
 * Feed dates, parsed strictly (Date.parse accepts too much): RFC 822/1123 as in RSS `pubDate`
 * ("Fri, 14 Aug 2026 00:00:00 +0000") and RFC 3339 / ISO 8601 as in Atom `updated`/`published` and
 * `dc:date` ("2025-12-01T00:00:00+00:00", "2026-04-30T13:03:04.726259+00:00"). Null when unparsable.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** RFC 822 zone names; military single letters are too ambiguous in practice and are refused */
const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): Date | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(t);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo) return null; // 31 Feb
  return new Date(t - offsetMin * 60_000);
}

export function parseRfc822Date(input: string): Date | null {
  const m = /^\s*(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?\s*$/.exec(input);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month === -1) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  let offset = 0;
  const zone = m[7];
  if (zone && /^[+-]/.test(zone)) {
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(3, 5));
    if (mm > 59) return null;
    offset = (zone.startsWith("-") ? -1 : 1) * (hh * 60 + mm);
  } else if (zone) {
    const z = ZONES[zone.toUpperCase()];
    if (z === undefined) return null;
    offset = z;
  }
  return build(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, offset);
}

export function parseIsoDateTime(input: string): Date | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(input);
  if (!m) return null;
  let offset = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    const hh = Number(digits.slice(1, 3));
    const mm = Number(digits.slice(3, 5));
    if (hh > 23 || mm > 59) return null;
    offset = (zone.startsWith("-") ? -1 : 1) * (hh * 60 + mm);
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
}

/** RSS dates are meant to be RFC 822, but some feeds write ISO 8601: accept either. */
export function parseFeedDate(input: string | undefined): Date | null {
  if (!input) return null;
  return parseRfc822Date(input) ?? parseIsoDateTime(input);
}
