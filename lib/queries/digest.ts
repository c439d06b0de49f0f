/** What the weekly digest is built from (lib/digest/build-digest.ts): the window's movements, the gap, the news. */
import type { DigestInputs } from "../digest/build-digest";
import { getPool } from "../db";
import { getMovements, getOpenGap, getPriceTrend } from "./analytics";

/** benchmarks whose open-vs-proprietary gap the digest reports */
export const DIGEST_GAP_BENCHMARKS = ["arena-elo", "gpqa-diamond", "mmlu-pro"];

/** The inputs for the window [from, to): movements, the gap this month and last, news, each model's lab. */
export async function getDigestInputs(window: { from: Date; to: Date }): Promise<DigestInputs> {
  const pool = getPool();
  const lastDay = new Date(window.to.getTime() - 86_400_000);
  const thisMonth = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth() - 1, 1));
  const [movements, gap, news, trend] = await Promise.all([
    getMovements(window),
    getOpenGap(DIGEST_GAP_BENCHMARKS, { from: lastMonth, to: thisMonth }),
    pool.query<{ title: string; url: string; published_at: Date; feed: string; labs: string[] }>(
      `SELECT n.title, n.url, n.published_at, n.feed, coalesce(array_agg(l.slug ORDER BY l.slug) FILTER (WHERE l.slug IS NOT NULL), '{}') AS labs
       FROM news_items n LEFT JOIN news_item_labs nl ON nl.news_item_id = n.id LEFT JOIN labs l ON l.id = nl.lab_id
       WHERE n.published_at >= $1 AND n.published_at < $2 GROUP BY n.id ORDER BY n.published_at DESC LIMIT 200`,
      [window.from, window.to],
    ),
    // the chart: what GPT-4-level capability has cost over the three years up to the week's end
    getPriceTrend("mmlu", { score: 86.4 }, { from: new Date(window.to.getTime() - 3 * 365 * 86_400_000), to: window.to }),
  ]);
  const slugs = [...new Set([...movements.priceChanges.map((c) => c.model), ...movements.newLeaders.map((l) => l.model)])];
  const [labs, providers] = await Promise.all([
    pool.query<{ slug: string; lab: string }>(`SELECT m.slug, l.slug AS lab FROM models m JOIN labs l ON l.id = m.lab_id WHERE m.slug = ANY($1::text[])`, [slugs]),
    pool.query<{ slug: string; name: string }>(`SELECT slug, name FROM providers WHERE slug = ANY($1::text[])`, [[...new Set(movements.priceChanges.map((c) => c.provider))]]),
  ]);
  const has = (g: { gapPercent: number | null }) => g.gapPercent !== null;
  return {
    movements,
    gapStart: gap.filter((g) => g.month.getTime() === lastMonth.getTime() && has(g)),
    gapEnd: gap.filter((g) => g.month.getTime() === thisMonth.getTime() && has(g)),
    news: news.rows.map((n) => ({ title: n.title, url: n.url, publishedAt: n.published_at, feed: n.feed, labs: n.labs })),
    modelLabs: Object.fromEntries(labs.rows.map((r) => [r.slug, r.lab])),
    providerNames: Object.fromEntries(providers.rows.map((r) => [r.slug, r.name])),
    chart: {
      title: "The cheapest GPT-4-level model, over three years",
      subtitle: "MMLU ≥ 86.4; blended reference price per 1M tokens (3 input : 1 output), log scale",
      points: trend.points.map((p) => ({ date: p.date, price: p.price, model: p.model, modelName: p.modelName })),
      fit: trend.fit ? { factorPerYear: trend.fit.factorPerYear, ci90: trend.fit.ci90, line: trend.fit.line } : null,
    },
  };
}
