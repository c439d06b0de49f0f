/**
 * The overview's headline figures, each with the date it is true on: the cheapest price for GPT-4-level
 * capability today and a year ago, how fast that level gets cheaper (getPriceTrend), the
 * open-vs-proprietary lag (getOpenGap), releases this month and price changes this week
 * and the latest movements (counts and one page of getMovementsPage, read from the precomputed
 * events). The trend's window matches warmStandardReads, so its stored answer serves it.
 */
import { cheapestAtCapability } from "../analytics/cheapest-at-capability";
import { describeMovement, type MovementDto } from "../charts/prepare-movements";
import { isoDay } from "../dates";
import { CAPABILITY_LEVELS } from "../schemas/trends";
import { getOpenGap, getPriceTrend, STANDARD_TREND_FROM } from "./analytics";
import { getMovementsPage } from "./movements";
import { loadCapabilityModels } from "./trends";

const DAY_MS = 86_400_000;
/** how many of the latest movements the overview lists */
const LATEST_ITEMS = 12;
export const HEADLINE_LEVEL = CAPABILITY_LEVELS.find((l) => l.id === "gpt-4")!;
export const LAG_BENCHMARK = "gpqa-diamond";

export interface CheapestFigure {
  date: string;
  price: number;
  model: string;
  modelName: string;
}


export interface HeadlineFigures {
  today: string;
  level: { id: string; label: string; benchmark: string; threshold: number };
  cheapestToday: CheapestFigure | null;
  cheapestYearAgo: CheapestFigure | null;
  trend: { factorPerYear: number; ci90: { low: number; high: number }; n: number; from: string; to: string } | null;
  trendReason: string | null;
  lag: { benchmark: string; month: string; lagMonths: number; open: string; proprietary: string } | null;
  releasesThisMonth: { from: string; to: string; count: number; open: number };
  priceChangesThisWeek: { from: string; to: string; count: number; cuts: number };
  latest: { from: string; to: string; items: MovementDto[] };
}

export async function getHeadlineFigures(now: Date = new Date()): Promise<HeadlineFigures> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const yearAgo = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const weekAgo = new Date(today.getTime() - 7 * DAY_MS);
  const monthAgo = new Date(today.getTime() - 30 * DAY_MS);
  const level = HEADLINE_LEVEL;
  const [capable, trend, gap, releases, week, latest] = await Promise.all([
    loadCapabilityModels(level.benchmark, level.threshold),
    getPriceTrend(level.benchmark, { score: level.threshold }, { from: STANDARD_TREND_FROM, to: today }),
    getOpenGap([LAG_BENCHMARK], { from: monthStart, to: today }),
    getMovementsPage({ from: monthStart, to: new Date(today.getTime() + DAY_MS) }, { limit: 0 }),
    getMovementsPage({ from: weekAgo, to: today }, { limit: 0 }),
    getMovementsPage({ from: monthAgo, to: today }, { limit: LATEST_ITEMS, descending: true }),
  ]);
  const [atYearAgo, atToday] = cheapestAtCapability(capable.models, level.threshold, [yearAgo, today]);
  const figure = (p: typeof atToday): CheapestFigure | null => (p ? { date: isoDay(p.date), price: Math.round(p.price * 1e6) / 1e6, model: p.model, modelName: p.modelName } : null);
  // no movement in the last 30 days: the latest of the past year, so the list is never blank without a reason
  const recent = latest.items.length ? latest : await getMovementsPage({ from: new Date(today.getTime() - 365 * DAY_MS), to: today }, { limit: LATEST_ITEMS, descending: true });
  const g = gap.at(-1);
  return {
    today: isoDay(today),
    level: { id: level.id, label: level.label, benchmark: level.benchmark, threshold: level.threshold },
    cheapestToday: figure(atToday),
    cheapestYearAgo: figure(atYearAgo),
    trend: trend.fit ? { factorPerYear: trend.fit.factorPerYear, ci90: trend.fit.ci90, n: trend.n, from: isoDay(trend.window.from), to: isoDay(trend.window.to) } : null,
    trendReason: trend.reason,
    lag: g && g.lagMonths !== null && g.open && g.proprietary ? { benchmark: g.benchmark, month: isoDay(g.month), lagMonths: g.lagMonths, open: g.open.name, proprietary: g.proprietary.name } : null,
    releasesThisMonth: { from: isoDay(monthStart), to: isoDay(today), count: releases.counts.releases, open: releases.counts.openReleases },
    priceChangesThisWeek: { from: isoDay(weekAgo), to: isoDay(today), count: week.counts.priceChanges, cuts: week.counts.priceCuts },
    latest: { from: isoDay(recent.from), to: isoDay(recent.to), items: recent.items.map(describeMovement) },
  };
}
