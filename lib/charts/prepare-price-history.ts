/**
 * A model's standard-tier price per provider over time, for a step chart: one series per
 * provider, one step per price window. A window that closed before the next one opened (or with
 * none after it) ends the line there; an open window runs to `asOf`.
 */
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "../analytics/blended-price";
import { csvTable, type CsvTable } from "./csv";
import { dayMs, wantsLogScale, type TimeChartData, type TimePoint, type TimeSeries } from "./series";

export interface PriceHistoryInput {
  providerSlug: string;
  providerName: string;
  tier: string;
  validFrom: string;
  validTo: string | null;
  input: number;
  output: number;
  sourceUrl: string | null;
  source: string;
}

export interface PriceWindowRow {
  provider: string;
  providerName: string;
  validFrom: string;
  validTo: string | null;
  input: number;
  output: number;
  blended: number;
  source: string;
}

export interface PriceHistoryChart {
  chart: TimeChartData;
  /** the windows drawn, one per step */
  windows: PriceWindowRow[];
  csv: CsvTable;
  /** non-standard tiers left out of the chart (batch, promo, long-context, ...) */
  otherTierRows: number;
  summary: string;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** One row per provider and start date: when several sources report a window, the cheapest is drawn. */
function dedupe(rows: PriceHistoryInput[]): PriceHistoryInput[] {
  const best = new Map<string, PriceHistoryInput>();
  for (const r of rows) {
    const key = `${r.providerSlug}|${r.validFrom}`;
    const cur = best.get(key);
    if (!cur || r.input + r.output < cur.input + cur.output) best.set(key, r);
  }
  return [...best.values()];
}

export function preparePriceHistory(rows: PriceHistoryInput[], asOf: string, filename: string, mix: BlendMix = DEFAULT_MIX): PriceHistoryChart {
  const standard = dedupe(rows.filter((r) => r.tier === "standard"));
  const byProvider = new Map<string, PriceHistoryInput[]>();
  for (const r of standard) byProvider.set(r.providerSlug, [...(byProvider.get(r.providerSlug) ?? []), r]);
  const series: TimeSeries[] = [];
  const windows: PriceWindowRow[] = [];
  const providers = [...byProvider.entries()].sort(([, a], [, b]) => a[0]!.providerName.localeCompare(b[0]!.providerName));
  for (const [slug, list] of providers) {
    list.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    const points: TimePoint[] = [];
    list.forEach((w, i) => {
      const value = round6(blendedPrice(w, mix));
      const source = w.sourceUrl ?? w.source;
      const label = `${w.providerName}: $${w.input} in / $${w.output} out`;
      points.push({ t: dayMs(w.validFrom), date: w.validFrom, value, source, label });
      windows.push({ provider: slug, providerName: w.providerName, validFrom: w.validFrom, validTo: w.validTo, input: w.input, output: w.output, blended: value, source });
      const next = list[i + 1];
      const end = w.validTo ?? (next ? null : asOf);
      if (end && (!next || next.validFrom > end)) {
        points.push({ t: dayMs(end), date: end, value, source, label: `${label} (until ${end})` });
        if (next) points.push({ t: dayMs(end) + 1, date: end, value: null, source, label: "no price" });
      }
    });
    series.push({ key: slug, name: list[0]!.providerName, points });
  }
  const values = windows.map((w) => w.blended);
  const csv = csvTable(filename, [
    { header: "provider", value: (w: PriceWindowRow) => w.provider }, { header: "valid_from", value: (w) => w.validFrom }, { header: "valid_to", value: (w) => w.validTo },
    { header: "input_usd_per_1m", value: (w) => w.input }, { header: "output_usd_per_1m", value: (w) => w.output }, { header: `blended_${mix.input}_${mix.output}`, value: (w) => w.blended }, { header: "source", value: (w) => w.source },
  ], windows);
  const summary = windows.length
    ? `${windows.length} price windows from ${series.length} provider${series.length === 1 ? "" : "s"}, blended ${mix.input}:${mix.output} from $${Math.min(...values)} to $${Math.max(...values)} per 1M tokens.`
    : "No standard-tier price recorded for this model.";
  return { chart: { series, log: wantsLogScale(values), unit: "USD per 1M tokens" }, windows, csv, otherTierRows: rows.length - rows.filter((r) => r.tier === "standard").length, summary };
}
