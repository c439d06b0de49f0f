/** The providers page: the data-policy filters, hardware counts, and one model's provider spread as bars. */
import type { ProvidersFilters } from "../schemas/dashboard-filters";
import { csvTable, type CsvTable } from "./csv";
import type { BarChartData, BarRow, XYChartData, XYPoint } from "./series";

export interface ProviderRow {
  slug: string;
  name: string;
  kind: string;
  hardware: string;
  country: string;
  regions: string[];
  trainsOnPrompts: boolean | null;
  zeroDataRetention: boolean | null;
  sourceUrl: string;
}

/**
 * "No training on prompts" keeps only providers confirmed not to train (unknown is not a no);
 * "EU datacenter" needs an EU region; "not CN-origin" drops providers headquartered in China.
 */
export function filterProviders<P extends ProviderRow>(providers: P[], f: Pick<ProvidersFilters, "no_training" | "eu" | "not_cn" | "zdr" | "kind" | "hardware">): P[] {
  return providers.filter((p) =>
    (!f.no_training || p.trainsOnPrompts === false) &&
    (!f.eu || p.regions.includes("eu")) &&
    (!f.not_cn || p.country !== "CN") &&
    (!f.zdr || p.zeroDataRetention === true) &&
    (f.kind === "all" || p.kind === f.kind) &&
    (f.hardware === "all" || p.hardware === f.hardware));
}

export function prepareHardwareCounts(providers: ProviderRow[], filename: string): { chart: BarChartData; csv: CsvTable } {
  const counts = new Map<string, ProviderRow[]>();
  for (const p of providers) counts.set(p.hardware, [...(counts.get(p.hardware) ?? []), p]);
  const rows: BarRow[] = [...counts].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).map(([hw, list]) => ({
    category: hw.toUpperCase(), date: "as listed in the curated provider file", source: list.map((p) => p.name).join(", "), values: { providers: list.length },
  }));
  return {
    chart: { rows, series: [{ key: "providers", name: "Providers" }], stacked: false, unit: "providers" },
    csv: csvTable(filename, [{ header: "hardware", value: (r: BarRow) => r.category.toLowerCase() }, { header: "providers", value: (r: BarRow) => r.values.providers }], rows),
  };
}

export interface SpreadInputRow {
  providerSlug: string;
  providerName: string;
  hardware: string;
  quantization: string;
  input: number;
  output: number;
  blended: number;
  tokensPerSecond: number | null;
  validFrom: string | null;
  sourceUrl: string | null;
}

export function prepareSpread(rows: SpreadInputRow[], date: string, filename: string): { chart: BarChartData; csv: CsvTable } {
  const bars: BarRow[] = rows.map((r) => ({
    category: r.quantization ? `${r.providerName} (${r.quantization})` : r.providerName,
    label: `${r.providerName} · ${r.hardware.toUpperCase()} · $${r.input} in / $${r.output} out`,
    date: r.validFrom ? `price valid from ${r.validFrom}` : date,
    source: r.sourceUrl ?? "curated",
    values: { blended: Math.round(r.blended * 1e6) / 1e6 },
  }));
  return {
    chart: { rows: bars, series: [{ key: "blended", name: "Blended 3:1, USD per 1M tokens" }], stacked: false, unit: "USD per 1M tokens" },
    csv: csvTable(filename, [
      { header: "provider", value: (r: SpreadInputRow) => r.providerSlug }, { header: "hardware", value: (r) => r.hardware }, { header: "quantization", value: (r) => r.quantization },
      { header: "input_usd_per_1m", value: (r) => r.input }, { header: "output_usd_per_1m", value: (r) => r.output }, { header: "blended_3_1", value: (r) => Math.round(r.blended * 1e6) / 1e6 },
      { header: "tokens_per_second", value: (r) => r.tokensPerSecond }, { header: "valid_from", value: (r) => r.validFrom }, { header: "source", value: (r) => r.sourceUrl },
    ], rows),
  };
}

/** Price against speed, one series per hardware kind; offerings without a speed measurement are left out (and counted). */
export function prepareSpeedVsPrice(rows: SpreadInputRow[], date: string, filename: string): { chart: XYChartData; csv: CsvTable; points: number; unmeasured: number } {
  const measured = rows.filter((r) => r.tokensPerSecond !== null);
  const byHardware = new Map<string, XYPoint[]>();
  for (const r of measured) {
    byHardware.set(r.hardware, [...(byHardware.get(r.hardware) ?? []), {
      x: Math.round(r.blended * 1e6) / 1e6, y: r.tokensPerSecond!, label: r.quantization ? `${r.providerName} (${r.quantization})` : r.providerName,
      date: r.validFrom ? `price valid from ${r.validFrom}` : date, source: r.sourceUrl ?? "curated",
    }]);
  }
  return {
    chart: {
      series: [...byHardware].sort(([a], [b]) => a.localeCompare(b)).map(([hw, points]) => ({ key: hw, name: hw.toUpperCase(), points })),
      x: { name: "Blended 3:1", unit: "USD per 1M tokens" },
      y: { name: "Speed", unit: "tokens/s" },
    },
    csv: csvTable(filename, [
      { header: "provider", value: (r: SpreadInputRow) => r.providerSlug }, { header: "hardware", value: (r) => r.hardware }, { header: "quantization", value: (r) => r.quantization },
      { header: "blended_3_1", value: (r) => Math.round(r.blended * 1e6) / 1e6 }, { header: "tokens_per_second", value: (r) => r.tokensPerSecond }, { header: "source", value: (r) => r.sourceUrl },
    ], measured),
    points: measured.length,
    unmeasured: rows.length - measured.length,
  };
}
