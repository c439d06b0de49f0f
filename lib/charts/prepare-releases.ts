/** Release counts per period (year, quarter or month), open-weight vs proprietary, for a stacked bar chart. */
import { csvTable, type CsvTable } from "./csv";
import type { BarChartData, BarRow } from "./series";

export interface ReleaseInput {
  slug: string;
  name: string;
  releasedOn: string;
  openWeights: boolean;
  sourceUrl?: string;
}

export type Period = "year" | "quarter" | "month";

export function periodOf(isoDate: string, period: Period): string {
  const y = isoDate.slice(0, 4);
  const m = Number(isoDate.slice(5, 7));
  if (period === "year") return y;
  if (period === "quarter") return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
  return isoDate.slice(0, 7);
}

/** Every period from the first to the last release, so gaps show as empty bars rather than vanish. */
function periodsBetween(first: string, last: string, period: Period): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const step = period === "year" ? 12 : period === "quarter" ? 3 : 1;
  if (period === "year") m = 1;
  if (period === "quarter") m = Math.floor((m - 1) / 3) * 3 + 1;
  const end = periodOf(last, period);
  for (let guard = 0; guard < 2000; guard++) {
    const p = periodOf(`${y}-${String(m).padStart(2, "0")}-01`, period);
    out.push(p);
    if (p === end) break;
    m += step;
    while (m > 12) { m -= 12; y++; }
  }
  return out;
}

export interface ReleaseChart {
  chart: BarChartData;
  csv: CsvTable;
  total: number;
  open: number;
  summary: string;
}

export function prepareReleaseCounts(models: ReleaseInput[], period: Period, filename: string, source = "FrontierWatch catalogue (each model's source on its page)"): ReleaseChart {
  const series = [{ key: "open", name: "Open weights" }, { key: "proprietary", name: "Proprietary" }];
  if (models.length === 0) return { chart: { rows: [], series, stacked: true, unit: "models" }, csv: csvTable(filename, [], []), total: 0, open: 0, summary: "No releases." };
  const sorted = [...models].sort((a, b) => a.releasedOn.localeCompare(b.releasedOn));
  const counts = new Map<string, { open: number; proprietary: number }>();
  for (const p of periodsBetween(sorted[0]!.releasedOn, sorted[sorted.length - 1]!.releasedOn, period)) counts.set(p, { open: 0, proprietary: 0 });
  for (const m of sorted) counts.get(periodOf(m.releasedOn, period))![m.openWeights ? "open" : "proprietary"]++;
  const rows: BarRow[] = [...counts].map(([p, c]) => ({ category: p, date: p, source, values: { open: c.open, proprietary: c.proprietary } }));
  const open = models.filter((m) => m.openWeights).length;
  const csv = csvTable(filename, [
    { header: period, value: (r: BarRow) => r.category },
    { header: "open_weights", value: (r: BarRow) => r.values.open },
    { header: "proprietary", value: (r: BarRow) => r.values.proprietary },
  ], rows);
  const share = Math.round((open / models.length) * 100);
  return {
    chart: { rows, series, stacked: true, unit: "models" },
    csv,
    total: models.length,
    open,
    summary: `${models.length} releases from ${sorted[0]!.releasedOn} to ${sorted[sorted.length - 1]!.releasedOn}; ${open} with open weights (${share}%).`,
  };
}
