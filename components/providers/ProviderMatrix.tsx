"use client";
/** Jurisdiction and data-policy matrix with its filters in the URL, and the hardware kinds of the providers shown. */
import Link from "next/link";
import { useMemo } from "react";
import { HARDWARE_KINDS, PROVIDER_KINDS } from "../../lib/domain";
import { csvTable } from "../../lib/charts/csv";
import { filterProviders, prepareHardwareCounts } from "../../lib/charts/prepare-providers";
import type { ProviderSummary } from "../../lib/queries/providers";
import { providersFilters } from "../../lib/schemas/dashboard-filters";
import { BarsChart } from "../charts/LazyCharts";
import { ChartFrame } from "../charts/ChartFrame";
import { useUrlFilters } from "../filters/use-url-filters";

const yn = (v: boolean | null, good: boolean) => (v === null ? <span className="muted">not confirmed</span> : <span className={v === good ? "yes" : "no"}>{v ? "yes" : "no"}</span>);
const CHECKS = [
  { key: "no_training", label: "No training on prompts" },
  { key: "eu", label: "EU datacenter" },
  { key: "not_cn", label: "Not CN-origin" },
  { key: "zdr", label: "Zero-retention option" },
] as const;

export function ProviderMatrix({ providers }: { providers: ProviderSummary[] }) {
  const { filters, setFilters } = useUrlFilters(providersFilters);
  const shown = useMemo(() => filterProviders(providers, filters), [providers, filters]);
  const hw = useMemo(() => prepareHardwareCounts(shown, "provider-hardware.csv"), [shown]);
  const csv = csvTable("providers-data-policy.csv", [
    { header: "provider", value: (p: ProviderSummary) => p.slug }, { header: "name", value: (p) => p.name }, { header: "kind", value: (p) => p.kind }, { header: "hardware", value: (p) => p.hardware },
    { header: "hq_country", value: (p) => p.country }, { header: "regions", value: (p) => p.regions.join(" ") }, { header: "retains_prompts", value: (p) => p.retainsPrompts },
    { header: "trains_on_prompts", value: (p) => p.trainsOnPrompts }, { header: "zero_data_retention", value: (p) => p.zeroDataRetention }, { header: "models", value: (p) => p.models },
    { header: "data_policy", value: (p) => p.dataPolicyUrl }, { header: "source", value: (p) => p.sourceUrl },
  ], shown);
  return (
    <>
      <form className="filters" aria-label="Filter providers" onSubmit={(e) => e.preventDefault()}>
        {CHECKS.map((c) => (
          <label key={c.key} className="check">
            <input type="checkbox" checked={filters[c.key]} onChange={(e) => setFilters({ [c.key]: e.target.checked })} data-testid={`filter-${c.key}`} /> {c.label}
          </label>
        ))}
        <label>Kind
          <select value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as typeof filters.kind })} data-testid="filter-kind">
            <option value="all">All kinds</option>
            {PROVIDER_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, " ")}</option>)}
          </select>
        </label>
        <label>Hardware
          <select value={filters.hardware} onChange={(e) => setFilters({ hardware: e.target.value as typeof filters.hardware })} data-testid="filter-hardware">
            <option value="all">All hardware</option>
            {HARDWARE_KINDS.map((k) => <option key={k} value={k}>{k.toUpperCase()}</option>)}
          </select>
        </label>
        <span className="muted" role="status" data-testid="providers-count">{shown.length} of {providers.length} providers</span>
      </form>
      <ChartFrame id="provider-matrix" title="Jurisdiction and data policy" description="Default paid API terms. “Not confirmed” means we found no public statement; it never counts as a yes or a no in the filters." csv={csv} image={false} height="auto" points={shown.length} state={shown.length ? "ready" : "empty"} emptyMessage="No provider meets all of these filters.">
        <div className="table-scroll">
          <table className="data" data-testid="provider-matrix">
            <thead><tr><th scope="col">Provider</th><th scope="col">HQ</th><th scope="col">Regions</th><th scope="col">Hardware</th><th scope="col">Retains prompts</th><th scope="col">Trains on prompts</th><th scope="col">Zero retention</th><th scope="col">Models</th></tr></thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.slug} data-provider={p.slug}>
                  <td>{p.website ? <a href={p.website}>{p.name}</a> : p.name}<div className="muted">{p.kind.replace(/_/g, " ")}</div></td>
                  <td>{p.country}</td>
                  <td>{p.regions.join(", ") || "—"}</td>
                  <td>{p.hardware.toUpperCase()}</td>
                  <td>{yn(p.retainsPrompts, false)}</td>
                  <td>{yn(p.trainsOnPrompts, false)}</td>
                  <td>{yn(p.zeroDataRetention, true)}</td>
                  <td>{p.models}{p.dataPolicyUrl ? <div><a href={p.dataPolicyUrl}>policy</a></div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
      <ChartFrame id="hardware" title="Hardware kinds" description="How many of the providers shown serve on each kind of hardware." csv={hw.csv} series={hw.chart.series.length} points={hw.chart.rows.length} state={hw.chart.rows.length ? "ready" : "empty"} emptyMessage="No provider meets all of these filters." height={260}>
        <BarsChart data={hw.chart} format={(v) => String(v)} integer />
      </ChartFrame>
      <p className="muted">Models served per provider count every offering we track; see a model&apos;s page for its own providers, e.g. via the <Link href="/models?open=true">open models</Link>.</p>
    </>
  );
}
