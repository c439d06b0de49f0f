import type { Metadata } from "next";
import { ProviderMatrix } from "../../../components/providers/ProviderMatrix";
import { ProviderSpreadPanel } from "../../../components/providers/ProviderSpreadPanel";
import { getProviderSpread, listProviders, listSpreadCandidates } from "../../../lib/queries/providers";
import { providersFilters } from "../../../lib/schemas/dashboard-filters";
import { readFilters } from "../../../lib/schemas/url-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Providers and hardware" };

export default async function ProvidersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(providersFilters, await searchParams);
  const [providers, candidates] = await Promise.all([listProviders(), listSpreadCandidates()]);
  // an unknown or closed model in the URL falls back to the model with most hosts
  const model = candidates.find((c) => c.slug === filters.model)?.slug ?? candidates[0]?.slug;
  const spread = model ? await getProviderSpread(model) : null;
  return (
    <main>
      <h1>Providers and hardware</h1>
      <p className="lede">Who serves models over an API, on what hardware, from which jurisdiction, and what they do with your prompts; and what the same open weights cost from host to host.</p>
      <ProviderMatrix providers={providers} />
      <ProviderSpreadPanel spread={spread} candidates={candidates} />
    </main>
  );
}
