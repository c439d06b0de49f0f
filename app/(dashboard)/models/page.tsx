import type { Metadata } from "next";
import { ModelsExplorer } from "../../../components/models/ModelsExplorer";
import { listLabs } from "../../../lib/queries/labs";
import { listModels } from "../../../lib/queries/models";
import { MODELS_PAGE_SIZE, modelsFilters } from "../../../lib/schemas/dashboard-filters";
import { readFilters } from "../../../lib/schemas/url-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(modelsFilters, await searchParams);
  const [initial, labs] = await Promise.all([
    listModels({ q: filters.q, lab: filters.lab, open: filters.open, reasoning: filters.reasoning, sort: filters.sort, limit: MODELS_PAGE_SIZE }),
    listLabs(),
  ]);
  return (
    <main>
      <h1>Models</h1>
      <p className="lede">Every model in the catalogue: search by name, filter by lab, weights and reasoning, and open one for its prices, scores and providers.</p>
      <ModelsExplorer initial={initial} initialFilters={filters} labs={labs.filter((l) => l.models > 0).map((l) => ({ slug: l.slug, name: l.name })).sort((a, b) => a.name.localeCompare(b.name))} />
    </main>
  );
}
