/**
 * The weekly digest's content, built from the week's movements (lib/analytics/movements.ts), the
 * open-vs-proprietary gap at the start and end of the week, and the week's news; pure, so the email,
 * the web archive and the admin preview all show the same thing, and personalised by a subscriber's
 * preferences (topics, labs followed).
 *
 * Rules:
 * - Price cuts: price changes whose blended price fell, biggest fall first (ties: model, provider);
 *   at most MAX_CUTS. Rises the same way, at most MAX_RISES. A change with an unknown percentage
 *   (the price before was 0) is listed last among rises.
 * - Releases, new leaders, threshold crossings: all of the week's, in date order.
 * - Gap: per benchmark, the gap (percent) on the week's first and last day and its change in points.
 * - News: newest first, at most MAX_NEWS.
 * - Labs followed (when any): price changes, releases and leaders of models of those labs, and news
 *   naming them; crossings and the gap concern the whole market and stay.
 * - Topics: prices → cuts and rises; releases → releases; benchmarks → leaders and crossings;
 *   open-vs-proprietary → gap. News is always there.
 */
import type { Movements } from "../analytics/movements";
import type { GapMonth } from "../analytics/open-gap";
import { isoDay } from "../dates";
import type { DigestTopic, Preferences } from "../schemas/subscriptions";
import { DIGEST_TOPICS } from "../schemas/subscriptions";
import { digestChartAlt, type DigestChart } from "./digest-chart";

export const MAX_CUTS = 10;
export const MAX_RISES = 5;
export const MAX_NEWS = 8;

export interface DigestPriceChange {
  model: string;
  modelName: string;
  lab: string | null;
  provider: string;
  date: string;
  before: { input: number; output: number; blended: number };
  after: { input: number; output: number; blended: number };
  /** percent change of the blended price; null when the price before was 0 */
  changePct: number | null;
}

export interface DigestRelease { model: string; modelName: string; lab: string; date: string; openWeights: boolean; reasoning: boolean }
export interface DigestLeader { benchmark: string; model: string; modelName: string; lab: string | null; date: string; score: number; previous: { model: string; modelName: string; score: number } | null }
export interface DigestCrossing { date: string; benchmark: string; minScore: number; maxPrice: number; model: string; modelName: string; score: number; price: number }
export interface DigestGap { benchmark: string; start: { month: string; gapPercent: number | null }; end: { month: string; gapPercent: number | null }; changePoints: number | null; lagMonths: number | null; openLeader: string | null; proprietaryLeader: string | null }
export interface DigestNews { title: string; url: string; date: string; feed: string; labs: string[] }

export interface DigestContent {
  from: string;
  /** last day covered (inclusive) */
  to: string;
  topics: DigestTopic[];
  labs: string[];
  priceCuts: DigestPriceChange[];
  priceRises: DigestPriceChange[];
  releases: DigestRelease[];
  newLeaders: DigestLeader[];
  crossings: DigestCrossing[];
  gap: DigestGap[];
  news: DigestNews[];
  /** the chart and its alt text; null when there is none */
  chart: { data: DigestChart; alt: string } | null;
  /** how many items the full (unfiltered) week had, for "n more on the dashboard" */
  totals: { priceChanges: number; releases: number; newLeaders: number; crossings: number; news: number };
}

export interface DigestInputs {
  movements: Movements;
  /** gap rows for the month of the window's start and of its end, per benchmark */
  gapStart: GapMonth[];
  gapEnd: GapMonth[];
  news: { title: string; url: string; publishedAt: Date; feed: string; labs: string[] }[];
  /** model slug → lab slug */
  modelLabs: Record<string, string>;
  /** provider slug → name (the slug is shown when missing) */
  providerNames?: Record<string, string>;
  /** the one chart of the week (the same for every reader) */
  chart?: DigestChart;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function buildDigest(inputs: DigestInputs, preferences: Preferences = { labs: [], topics: [...DIGEST_TOPICS] }): DigestContent {
  const { movements: m } = inputs;
  const labs = new Set(preferences.labs);
  const topics = new Set(preferences.topics);
  const follows = (lab: string | null | undefined) => labs.size === 0 || (lab !== null && lab !== undefined && labs.has(lab));
  const lastDay = new Date(m.to.getTime() - 86_400_000);

  const changes: DigestPriceChange[] = m.priceChanges
    .map((c) => ({
      model: c.model, modelName: c.modelName, lab: inputs.modelLabs[c.model] ?? null, provider: inputs.providerNames?.[c.provider] ?? c.provider, date: isoDay(c.date),
      before: c.before, after: c.after, changePct: c.percentChange === null ? null : round1(c.percentChange),
    }))
    .filter((c) => follows(c.lab));
  const tie = (a: DigestPriceChange, b: DigestPriceChange) => byText(a.modelName, b.modelName) || byText(a.provider, b.provider) || byText(a.date, b.date);
  const priceCuts = changes.filter((c) => c.changePct !== null && c.changePct < 0).sort((a, b) => a.changePct! - b.changePct! || tie(a, b)).slice(0, MAX_CUTS);
  const priceRises = changes
    .filter((c) => c.changePct === null || c.changePct > 0)
    .sort((a, b) => (a.changePct === null ? 1 : 0) - (b.changePct === null ? 1 : 0) || (b.changePct ?? 0) - (a.changePct ?? 0) || tie(a, b))
    .slice(0, MAX_RISES);

  const releases = m.releases.filter((r) => follows(r.lab)).map((r) => ({ model: r.model, modelName: r.modelName, lab: r.lab, date: isoDay(r.date), openWeights: r.openWeights, reasoning: r.reasoning }));
  const newLeaders = m.newLeaders
    .map((l) => ({ benchmark: l.benchmark, model: l.model, modelName: l.modelName, lab: inputs.modelLabs[l.model] ?? null, date: isoDay(l.date), score: l.score, previous: l.previous }))
    .filter((l) => follows(l.lab));
  const crossings = m.crossings.map((c) => ({ date: isoDay(c.date), benchmark: c.rule.benchmark, minScore: c.rule.minScore, maxPrice: c.rule.maxPrice, model: c.model, modelName: c.modelName, score: c.score, price: c.price }));

  const gap: DigestGap[] = inputs.gapEnd.map((end) => {
    const start = inputs.gapStart.find((s) => s.benchmark === end.benchmark);
    // rounded first, so the change shown equals the difference of the two figures shown
    const a = start?.gapPercent === null || start?.gapPercent === undefined ? null : round1(start.gapPercent);
    const b = end.gapPercent === null ? null : round1(end.gapPercent);
    return {
      benchmark: end.benchmark,
      start: { month: start ? isoDay(start.month) : isoDay(m.from), gapPercent: a },
      end: { month: isoDay(end.month), gapPercent: b },
      changePoints: a === null || b === null ? null : round1(b - a),
      lagMonths: end.lagMonths === null ? null : round1(end.lagMonths),
      openLeader: end.open?.name ?? null,
      proprietaryLeader: end.proprietary?.name ?? null,
    };
  });

  const news = inputs.news
    .filter((n) => labs.size === 0 || n.labs.some((l) => labs.has(l)))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || byText(a.title, b.title))
    .slice(0, MAX_NEWS)
    .map((n) => ({ title: n.title, url: n.url, date: isoDay(n.publishedAt), feed: n.feed, labs: n.labs }));

  return {
    from: isoDay(m.from),
    to: isoDay(lastDay),
    topics: DIGEST_TOPICS.filter((t) => topics.has(t)),
    labs: [...labs].sort(),
    priceCuts: topics.has("prices") ? priceCuts : [],
    priceRises: topics.has("prices") ? priceRises : [],
    releases: topics.has("releases") ? releases : [],
    newLeaders: topics.has("benchmarks") ? newLeaders : [],
    crossings: topics.has("benchmarks") ? crossings : [],
    gap: topics.has("open-vs-proprietary") ? gap : [],
    news,
    chart: inputs.chart ? { data: inputs.chart, alt: digestChartAlt(inputs.chart) } : null,
    totals: { priceChanges: m.priceChanges.length, releases: m.releases.length, newLeaders: m.newLeaders.length, crossings: m.crossings.length, news: inputs.news.length },
  };
}

/** The subject line: what the week holds for this reader. */
export function digestSubject(c: DigestContent): string {
  const parts: string[] = [];
  if (c.priceCuts.length) parts.push(`${c.priceCuts.length} price cut${c.priceCuts.length > 1 ? "s" : ""}`);
  if (c.releases.length) parts.push(`${c.releases.length} release${c.releases.length > 1 ? "s" : ""}`);
  if (c.newLeaders.length) parts.push(`${c.newLeaders.length} new leader${c.newLeaders.length > 1 ? "s" : ""}`);
  if (c.crossings.length) parts.push("a threshold crossed");
  return parts.length ? `FrontierWatch ${c.from} – ${c.to}: ${parts.join(", ")}` : `FrontierWatch ${c.from} – ${c.to}: a quiet week`;
}
