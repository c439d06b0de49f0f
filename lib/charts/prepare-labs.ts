/** The labs index: which labs a filter keeps, and their model counts as a stacked bar chart. */
import type { LabsFilters } from "../schemas/dashboard-filters";
import { csvTable, type CsvTable } from "./csv";
import type { BarChartData } from "./series";

export interface LabRow {
  slug: string;
  name: string;
  country: string | null;
  kind: string;
  models: number;
  openModels: number;
  latestRelease: string | null;
  sourceUrl: string;
}

export function filterLabs<L extends LabRow>(labs: L[], f: LabsFilters): L[] {
  const q = f.q?.toLowerCase();
  return labs.filter((l) => (f.kind === "all" || l.kind === f.kind) && (!f.country || l.country === f.country) && (!q || l.name.toLowerCase().includes(q) || l.slug.includes(q)));
}

export const TOP_LABS = 15;

export function prepareLabModelCounts(labs: LabRow[], filename: string): { chart: BarChartData; csv: CsvTable; shown: number } {
  const top = [...labs].sort((a, b) => b.models - a.models || a.name.localeCompare(b.name)).filter((l) => l.models > 0).slice(0, TOP_LABS);
  const rows = top.map((l) => ({ category: l.name, date: l.latestRelease ? `latest release ${l.latestRelease}` : "no releases", source: l.sourceUrl, values: { open: l.openModels, proprietary: l.models - l.openModels } }));
  return {
    chart: { rows, series: [{ key: "open", name: "Open weights" }, { key: "proprietary", name: "Proprietary" }], stacked: true, unit: "models" },
    csv: csvTable(filename, [
      { header: "lab", value: (r: LabRow) => r.slug },
      { header: "name", value: (r: LabRow) => r.name },
      { header: "open_weights", value: (r: LabRow) => r.openModels },
      { header: "proprietary", value: (r: LabRow) => r.models - r.openModels },
      { header: "latest_release", value: (r: LabRow) => r.latestRelease },
    ], top),
    shown: top.length,
  };
}
