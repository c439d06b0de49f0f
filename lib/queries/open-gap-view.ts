/**
 * The open-vs-proprietary page's reads: the monthly gap and lag (getOpenGap, precomputed months) and
 * the price at parity month by month (lib/analytics/open-gap.ts priceAtParity over the ledger),
 * as plain data with ISO dates for the client.
 */
import { priceAtParity } from "../analytics/open-gap";
import { isoDay, monthStarts } from "../dates";
import { getPool } from "../db";
import { getOpenGap } from "./analytics";
import { loadTrendModels } from "./analytics-inputs";
import { loadScoreResults } from "./analytics-live";

export interface GapMonthDto {
  benchmark: string;
  month: string;
  open: { model: string; name: string; score: number; since: string } | null;
  proprietary: { model: string; name: string; score: number; since: string } | null;
  gapPoints: number | null;
  gapPercent: number | null;
  lagMonths: number | null;
  lagReference: { model: string; since: string } | null;
}

export async function listGapBenchmarks(): Promise<{ slug: string; name: string; unit: string }[]> {
  return (await getPool().query<{ slug: string; name: string; unit: string }>(`SELECT slug, name, unit FROM benchmarks WHERE higher_is_better ORDER BY name`)).rows;
}

export async function getGapMonths(benchmarks: string[], window: { from: Date; to: Date }): Promise<GapMonthDto[]> {
  if (!benchmarks.length) return [];
  const months = await getOpenGap(benchmarks, window);
  const lead = (l: { model: string; name: string; score: number; since: Date } | null) => (l ? { ...l, since: isoDay(l.since) } : null);
  return months.map((g) => ({
    benchmark: g.benchmark, month: isoDay(g.month), open: lead(g.open), proprietary: lead(g.proprietary), gapPoints: g.gapPoints, gapPercent: g.gapPercent, lagMonths: g.lagMonths,
    lagReference: g.lagReference ? { model: g.lagReference.model, since: isoDay(g.lagReference.since) } : null,
  }));
}

export interface ParityPoint {
  model: string;
  modelName: string;
  price: number;
  score: number;
}

export interface ParityMonthDto {
  month: string;
  open: ParityPoint | null;
  proprietary: ParityPoint | null;
  proprietaryOverOpen: number | null;
}

/** Cheapest open and cheapest proprietary model at or above a score, on the first day of each month, and today. */
export async function getPriceAtParity(benchmark: string, threshold: number, window: { from: Date; to: Date }): Promise<ParityMonthDto[]> {
  const [{ models }, results] = await Promise.all([loadTrendModels(benchmark), loadScoreResults([benchmark])]);
  const dates = monthStarts(window.from, window.to);
  const last = dates.at(-1);
  if (!last || isoDay(last) !== isoDay(window.to)) dates.push(window.to);
  const point = (p: { model: string; modelName: string; price: number; score: number } | null): ParityPoint | null =>
    (p ? { model: p.model, modelName: p.modelName, price: Math.round(p.price * 1e6) / 1e6, score: p.score } : null);
  return dates.map((date) => {
    const p = priceAtParity(models, results, benchmark, threshold, date);
    return { month: isoDay(date), open: point(p.open), proprietary: point(p.proprietary), proprietaryOverOpen: p.proprietaryOverOpen };
  });
}
