/**
 * What the e2e database holds: the curated dataset (no other source runs in the e2e setup), read
 * from the same files the app loads, so the expected counts follow the data when it grows.
 */
import { parseCuratedDataset, readCuratedFiles, type CuratedDataset } from "../../ingest/sources/curated";

let cached: CuratedDataset | null = null;

export async function seeded(): Promise<CuratedDataset> {
  if (!cached) {
    cached = parseCuratedDataset(await readCuratedFiles("prisma/seed"));
    if (cached.rejections.length) throw new Error(`the curated dataset has rejections: ${cached.rejections.length}`);
  }
  return cached;
}

/** Periods spanned from the earliest to the latest date, inclusive ("year", "quarter" or "month"). */
export function periodsSpanned(dates: string[], period: "year" | "quarter" | "month"): number {
  const index = (d: string) => {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)) - 1;
    return period === "year" ? y : period === "quarter" ? y * 4 + Math.floor(m / 3) : y * 12 + m;
  };
  const xs = dates.map(index);
  return xs.length ? Math.max(...xs) - Math.min(...xs) + 1 : 0;
}
