"use client";
/** Labs index: filters in the URL, a chart of model counts and the table, both from the same rows. */
import Link from "next/link";
import { useMemo } from "react";
import { LAB_KINDS } from "../../lib/domain";
import { csvTable } from "../../lib/charts/csv";
import { filterLabs, prepareLabModelCounts } from "../../lib/charts/prepare-labs";
import { labsFilters } from "../../lib/schemas/dashboard-filters";
import type { LabSummary } from "../../lib/queries/labs";
import { BarsChart } from "../charts/LazyCharts";
import { ChartFrame } from "../charts/ChartFrame";
import { useUrlFilters } from "../filters/use-url-filters";

const kindLabel = (k: string) => k.replace(/_/g, " ");

export function LabsExplorer({ labs }: { labs: LabSummary[] }) {
  const { filters, setFilters } = useUrlFilters(labsFilters);
  const shown = useMemo(() => filterLabs(labs, filters), [labs, filters]);
  const counts = useMemo(() => prepareLabModelCounts(shown, "labs-model-counts.csv"), [shown]);
  const countries = useMemo(() => [...new Set(labs.map((l) => l.country).filter((c): c is string => !!c))].sort(), [labs]);
  const table = csvTable("labs.csv", [
    { header: "lab", value: (l: LabSummary) => l.slug }, { header: "name", value: (l) => l.name }, { header: "country", value: (l) => l.country },
    { header: "kind", value: (l) => l.kind }, { header: "models", value: (l) => l.models }, { header: "open_weights", value: (l) => l.openModels },
    { header: "first_release", value: (l) => l.firstRelease }, { header: "latest_release", value: (l) => l.latestRelease }, { header: "source", value: (l) => l.sourceUrl },
  ], shown);
  return (
    <>
      <form className="filters" role="search" aria-label="Filter labs" onSubmit={(e) => e.preventDefault()}>
        <label>Name<input type="search" value={filters.q ?? ""} onChange={(e) => setFilters({ q: e.target.value || undefined })} data-testid="labs-q" /></label>
        <label>Kind
          <select value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as typeof filters.kind })} data-testid="labs-kind">
            <option value="all">All kinds</option>
            {LAB_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
        </label>
        <label>Country
          <select value={filters.country ?? ""} onChange={(e) => setFilters({ country: e.target.value || undefined })} data-testid="labs-country">
            <option value="">All countries</option>
            {countries.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <span className="muted" role="status" data-testid="labs-count">{shown.length} of {labs.length} labs</span>
      </form>
      <ChartFrame id="lab-models" title="Models per lab" description={`The ${counts.shown} labs with most models in this selection, open-weight and proprietary.`}
        csv={counts.csv} series={counts.chart.series.length} points={counts.chart.rows.length} state={counts.chart.rows.length ? "ready" : "empty"} emptyMessage="No lab matches these filters.">
        <BarsChart data={counts.chart} format={(v) => String(v)} colours={["var(--open)", "var(--closed)"]} integer />
      </ChartFrame>
      <ChartFrame id="labs-table" title="All labs" csv={table} image={false} height="auto" points={shown.length} state={shown.length ? "ready" : "empty"} emptyMessage="No lab matches these filters.">
        <div className="table-scroll">
          <table className="data" data-testid="labs-table">
            <thead><tr><th scope="col">Lab</th><th scope="col">Country</th><th scope="col">Kind</th><th scope="col">Models</th><th scope="col">Open weights</th><th scope="col">Latest release</th></tr></thead>
            <tbody>
              {shown.map((l) => (
                <tr key={l.slug} data-lab={l.slug}>
                  <td><Link href={`/labs/${l.slug}`}>{l.name}</Link></td>
                  <td>{l.country ?? "—"}</td>
                  <td>{kindLabel(l.kind)}</td>
                  <td>{l.models}</td>
                  <td>{l.openModels}</td>
                  <td>{l.latestRelease ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
    </>
  );
}
