/**
 * Price at constant capability for several thresholds at once (the trends page): one getPriceTrend
 * per threshold (stored answers), turned into plain data with ISO dates for the client.
 */
import type { BlendMix } from "../analytics/blended-price";
import type { ReferencePriceMode } from "../analytics/price-at-capability";
import { isoDay } from "../dates";
import { getPool } from "../db";
import { getPriceTrend } from "./analytics";

export interface TrendLevel {
  id: string;
  label: string;
  benchmark: string;
  threshold: number;
}

export interface TrendPointDto {
  date: string;
  model: string;
  modelName: string;
  price: number;
  score: number;
  kind: "release" | "price-change";
  basis: string;
}

export interface TrendDto {
  level: TrendLevel;
  benchmarkName: string;
  n: number;
  points: TrendPointDto[];
  fit: { factorPerYear: number; ci90: { low: number; high: number }; r2: number; line: [{ date: string; price: number }, { date: string; price: number }] } | null;
  reason: string | null;
}

export async function listTrendBenchmarks(): Promise<{ slug: string; name: string; unit: string }[]> {
  return (await getPool().query<{ slug: string; name: string; unit: string }>(`SELECT slug, name, unit FROM benchmarks WHERE higher_is_better ORDER BY name`)).rows;
}

export async function getPriceTrends(levels: TrendLevel[], window: { from: Date; to: Date }, options: { mix?: BlendMix; mode?: ReferencePriceMode; includeReasoning?: boolean }): Promise<TrendDto[]> {
  const names = new Map((await listTrendBenchmarks()).map((b) => [b.slug, b.name]));
  return Promise.all(levels.map(async (level) => {
    const t = await getPriceTrend(level.benchmark, { score: level.threshold }, window, options);
    return {
      level, benchmarkName: names.get(level.benchmark) ?? level.benchmark, n: t.n,
      points: t.points.map((p) => ({ date: isoDay(p.date), model: p.model, modelName: p.modelName, price: p.price, score: p.score, kind: p.kind, basis: p.basis })),
      fit: t.fit ? {
        factorPerYear: t.fit.factorPerYear, ci90: t.fit.ci90, r2: t.fit.r2,
        line: [{ date: isoDay(t.fit.line[0].date), price: t.fit.line[0].price }, { date: isoDay(t.fit.line[1].date), price: t.fit.line[1].price }],
      } : null,
      reason: t.reason,
    };
  }));
}
