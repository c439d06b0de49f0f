import type { Metadata } from "next";
import { FrontierExplorer } from "../../../components/frontier/FrontierExplorer";
import { isoDay, parseDay } from "../../../lib/dates";
import { getFilteredFrontier, getFrontierFacets, listFrontierAxes } from "../../../lib/queries/frontier-filters";
import { frontierFilters } from "../../../lib/schemas/dashboard-filters";
import { readFilters } from "../../../lib/schemas/url-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Frontier explorer" };

export default async function FrontierPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(frontierFilters, await searchParams);
  const [axes, facets] = await Promise.all([listFrontierAxes(), getFrontierFacets()]);
  const today = isoDay(new Date());
  // an unknown axis falls back to the index; a date outside the data to the nearest end
  const axis = axes.find((a) => a.slug === filters.axis) ?? axes[0]!;
  let date = filters.date ?? today;
  if (date > today) date = today;
  if (facets.firstMonth && date < facets.firstMonth) date = facets.firstMonth;
  const view = await getFilteredFrontier(axis, parseDay(date), {
    labs: filters.labs?.split(","), country: filters.country, open: filters.open, reasoning: filters.reasoning, minContext: filters.min_context,
    domain: filters.domain === "all" ? undefined : filters.domain,
  });
  return (
    <main>
      <h1>Frontier explorer</h1>
      <p className="lede">What each level of capability costs on a given day, and which models no other beats on both price and capability. Filter first, and the frontier is recomputed among the models kept.</p>
      <FrontierExplorer view={view} axes={axes} facets={facets} today={today} />
      <p className="muted">Method: <a href="/methodology#frontier">the frontier on a date</a>, <a href="/methodology#reference-price">reference price</a>, <a href="/methodology#capability-index">capability index</a>.</p>
    </main>
  );
}
