import type { Metadata } from "next";
import { OpenGapExplorer } from "../../../components/open-gap/OpenGapExplorer";
import { isRealDate, parseDay } from "../../../lib/dates";
import { getGapMonths, getPriceAtParity, listGapBenchmarks } from "../../../lib/queries/open-gap-view";
import { DEFAULT_GAP_BENCHMARKS, openGapFilters } from "../../../lib/schemas/dashboard-filters";
import { CAPABILITY_LEVELS } from "../../../lib/schemas/trends";
import { readFilters } from "../../../lib/schemas/url-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open vs proprietary" };

export default async function OpenVsProprietaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(openGapFilters, await searchParams);
  const benchmarks = await listGapBenchmarks();
  const known = new Set(benchmarks.map((b) => b.slug));
  const chosen = (filters.benchmarks ? filters.benchmarks.split(",") : DEFAULT_GAP_BENCHMARKS).filter((b) => known.has(b));
  const level = CAPABILITY_LEVELS.find((l) => l.id === filters.level) ?? CAPABILITY_LEVELS.find((l) => l.id === "gpt-4")!;
  const today = new Date();
  const from = parseDay(isRealDate(filters.from) ? filters.from : "2023-01-01");
  const window = { from, to: from.getTime() <= today.getTime() ? today : from };
  const [months, parity] = await Promise.all([getGapMonths(chosen, window), getPriceAtParity(level.benchmark, level.threshold, window)]);
  return (
    <main>
      <h1>Open vs proprietary</h1>
      <p className="lede">How far the best open-weights models trail the best proprietary ones — in points, in percent and in months — and what the same capability costs on each side.</p>
      <OpenGapExplorer months={months} parity={parity} benchmarks={benchmarks} levelId={level.id} />
      <p className="muted">Method: <a href="/methodology#open-gap">the open-vs-proprietary gap and lag</a>, <a href="/methodology#reference-price">reference price</a>. Checked against the Stanford AI Index 2025 on the <a href="/validation">validation page</a>.</p>
    </main>
  );
}
