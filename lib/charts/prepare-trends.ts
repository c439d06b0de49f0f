/** The trends page: kept models and fitted lines per capability level, on a time × log-price chart. */
import type { TrendDto } from "../queries/trend-levels";
import { csvFilename, csvTable, type CsvTable } from "./csv";
import { dayMs, formatUsd, seriesColour, type XYChartData, type XYSeries } from "./series";

export interface TrendsChart {
  chart: XYChartData;
  csv: CsvTable;
  /** kept models drawn, over every level */
  points: number;
  summary: string;
}

export function formatFactor(f: number): string {
  return f >= 100 ? f.toFixed(0) : f >= 10 ? f.toFixed(1) : f.toFixed(2);
}

export function prepareTrends(trends: TrendDto[], mixLabel: string): TrendsChart {
  const series: XYSeries[] = [];
  trends.forEach((t, i) => {
    const colour = seriesColour(i);
    if (!t.points.length) return;
    series.push({
      key: t.level.id, name: t.level.label, colour, labels: true,
      points: t.points.map((p) => ({
        x: dayMs(p.date), y: p.price, date: p.date, label: p.modelName,
        source: `${p.kind === "release" ? "release" : "price change"}; ${p.basis} reference price; ${t.benchmarkName} ${p.score}`,
      })),
    });
    if (t.fit) {
      series.push({
        key: `${t.level.id}-fit`, name: `${t.level.label}: ${formatFactor(t.fit.factorPerYear)}× cheaper per year`, colour, line: true, hideDots: true, dashed: true,
        points: t.fit.line.map((p) => ({ x: dayMs(p.date), y: p.price, date: p.date, label: "fitted line", source: `OLS of log10(price) on date, n = ${t.n}` })),
      });
    }
  });
  const rows = trends.flatMap((t) => t.points.map((p) => ({ t, p })));
  const csv = csvTable(csvFilename("price-at-capability", mixLabel.replace(":", "-to-")), [
    { header: "level", value: (r: (typeof rows)[number]) => r.t.level.id }, { header: "benchmark", value: (r) => r.t.level.benchmark }, { header: "threshold", value: (r) => r.t.level.threshold },
    { header: "date", value: (r) => r.p.date }, { header: "model", value: (r) => r.p.model }, { header: "model_name", value: (r) => r.p.modelName },
    { header: "blended_usd_per_1m", value: (r) => Math.round(r.p.price * 1e6) / 1e6 }, { header: "score", value: (r) => r.p.score }, { header: "kind", value: (r) => r.p.kind },
    { header: "factor_per_year", value: (r) => (r.t.fit ? Math.round(r.t.fit.factorPerYear * 1000) / 1000 : null) },
  ], rows);
  const fitted = trends.filter((t) => t.fit);
  const summary = fitted.length
    ? fitted.map((t) => `${t.level.label}: ${formatFactor(t.fit!.factorPerYear)}× per year (90% CI ${formatFactor(t.fit!.ci90.low)}–${formatFactor(t.fit!.ci90.high)}, n = ${t.n})`).join("; ") + "."
    : "No level has the 4 kept models a fit needs.";
  return { chart: { series, x: { name: "Date", unit: "", time: true }, y: { name: "Blended price", unit: "USD per 1M tokens", log: true } }, csv, points: rows.length, summary };
}

export { formatUsd };
