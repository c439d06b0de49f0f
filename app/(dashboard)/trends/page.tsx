import type { Metadata } from "next";
import { TrendsExplorer } from "../../../components/trends/TrendsExplorer";
import { isRealDate, parseDay } from "../../../lib/dates";
import { getPriceTrends, listTrendBenchmarks, type TrendLevel } from "../../../lib/queries/trend-levels";
import { MIX_CHOICES, trendsFilters } from "../../../lib/schemas/dashboard-filters";
import { CAPABILITY_LEVELS } from "../../../lib/schemas/trends";
import { readFilters } from "../../../lib/schemas/url-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Price trends" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(trendsFilters, await searchParams);
  const benchmarks = await listTrendBenchmarks();
  const chosen = filters.levels ? new Set(filters.levels.split(",")) : null;
  const levels: TrendLevel[] = CAPABILITY_LEVELS.filter((l) => !chosen || chosen.has(l.id)).map((l) => ({ id: l.id, label: l.label, benchmark: l.benchmark, threshold: l.threshold }));
  const custom = filters.benchmark && filters.threshold !== undefined ? benchmarks.find((b) => b.slug === filters.benchmark) : undefined;
  if (custom) levels.push({ id: `custom-${custom.slug}`, label: `${custom.name} ≥ ${filters.threshold}`, benchmark: custom.slug, threshold: filters.threshold! });
  const from = parseDay(isRealDate(filters.from) ? filters.from : "2023-01-01");
  const to = new Date();
  const trends = await getPriceTrends(levels, { from, to: from.getTime() <= to.getTime() ? to : from }, { mix: MIX_CHOICES[filters.mix], mode: filters.mode, includeReasoning: filters.reasoning });
  return (
    <main>
      <h1>Price at constant capability</h1>
      <p className="lede">How fast the price of a fixed level of capability falls: the cheapest model reaching each level over time, with a fitted rate per year and its 90% confidence interval (the method of Epoch AI, 2025).</p>
      <TrendsExplorer trends={trends} benchmarks={benchmarks} />
      <p className="muted">Method: <a href="/methodology#price-at-capability">price at constant capability</a>, <a href="/methodology#blended-price">blended price</a>, <a href="/methodology#reference-price">reference price</a>. Figures checked against published ones on the <a href="/validation">validation page</a>.</p>
    </main>
  );
}
