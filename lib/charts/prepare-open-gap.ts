/** The open-vs-proprietary page: gap and lag per benchmark over months; price at parity over months. */
import type { GapMonthDto, ParityMonthDto } from "../queries/open-gap-view";
import { csvFilename, csvTable, type CsvTable } from "./csv";
import { dayMs, type TimeChartData, type TimePoint, wantsLogScale } from "./series";

export type GapMetric = "gapPoints" | "gapPercent" | "lagMonths";

export const GAP_METRICS: Record<GapMetric, { title: string; unit: string; header: string }> = {
  gapPoints: { title: "Score gap (proprietary best − open best)", unit: "points", header: "gap_points" },
  gapPercent: { title: "Score gap, percent of the proprietary best", unit: "%", header: "gap_percent" },
  lagMonths: { title: "Capability lag of open models", unit: "months", header: "lag_months" },
};

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function prepareGapMetric(months: GapMonthDto[], metric: GapMetric, names: Map<string, string>): { chart: TimeChartData; csv: CsvTable; points: number } {
  const benchmarks = [...new Set(months.map((m) => m.benchmark))];
  const series = benchmarks.map((b) => ({
    key: b, name: names.get(b) ?? b,
    points: months.filter((m) => m.benchmark === b).map((m): TimePoint => ({
      t: dayMs(m.month), date: m.month, value: round(m[metric]),
      label: m.open && m.proprietary ? `${names.get(b) ?? b}: ${m.proprietary.name} ${m.proprietary.score} vs ${m.open.name} ${m.open.score}${metric === "lagMonths" && m.lagReference ? ` (reached by ${m.lagReference.model} on ${m.lagReference.since})` : ""}` : `${names.get(b) ?? b}: one side has no score yet`,
      source: "best scores counted from each model's release (benchmark results with their sources on the model pages)",
    })),
  }));
  const rows = months.filter((m) => m[metric] !== null);
  const csv = csvTable(csvFilename("open-vs-proprietary", GAP_METRICS[metric].header), [
    { header: "benchmark", value: (m: GapMonthDto) => m.benchmark }, { header: "month", value: (m) => m.month }, { header: GAP_METRICS[metric].header, value: (m) => round(m[metric]) },
    { header: "best_open_model", value: (m) => m.open?.model }, { header: "best_open_score", value: (m) => m.open?.score },
    { header: "best_proprietary_model", value: (m) => m.proprietary?.model }, { header: "best_proprietary_score", value: (m) => m.proprietary?.score },
  ], rows);
  return { chart: { series, log: false, unit: GAP_METRICS[metric].unit }, csv, points: rows.length };
}

export function prepareParity(months: ParityMonthDto[], levelId: string): { chart: TimeChartData; csv: CsvTable; points: number } {
  const side = (key: "open" | "proprietary", name: string) => ({
    key, name,
    points: months.map((m): TimePoint => ({
      t: dayMs(m.month), date: m.month, value: m[key]?.price ?? null,
      label: m[key] ? `${m[key]!.modelName} (score ${m[key]!.score})` : "no model at this level",
      source: "reference price (first party, else median across providers), blended 3:1",
    })),
  });
  const series = [side("open", "Cheapest open-weights model"), side("proprietary", "Cheapest proprietary model")];
  const values = months.flatMap((m) => [m.open?.price, m.proprietary?.price]).filter((v): v is number => v !== undefined);
  const rows = months.filter((m) => m.open || m.proprietary);
  const csv = csvTable(csvFilename("price-at-parity", levelId), [
    { header: "date", value: (m: ParityMonthDto) => m.month },
    { header: "open_model", value: (m) => m.open?.model }, { header: "open_usd_per_1m", value: (m) => m.open?.price },
    { header: "proprietary_model", value: (m) => m.proprietary?.model }, { header: "proprietary_usd_per_1m", value: (m) => m.proprietary?.price },
    { header: "proprietary_over_open", value: (m) => round(m.proprietaryOverOpen, 3) },
  ], rows);
  return { chart: { series, log: wantsLogScale(values), unit: "USD per 1M tokens" }, csv, points: series.reduce((n, s) => n + s.points.filter((p) => p.value !== null).length, 0) };
}
