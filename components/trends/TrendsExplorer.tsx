"use client";
/**
 * Price at constant capability for several thresholds at once. The trends are computed on the
 * server for the URL's choices (router.replace re-renders the page); this draws what prepareTrends shaped.
 */
import { useMemo, useState } from "react";
import { formatFactor, prepareTrends } from "../../lib/charts/prepare-trends";
import { formatUsd } from "../../lib/charts/series";
import type { TrendDto } from "../../lib/queries/trend-levels";
import { trendsFilters } from "../../lib/schemas/dashboard-filters";
import { CAPABILITY_LEVELS } from "../../lib/schemas/capability-levels";
import { ChartFrame } from "../charts/ChartFrame";
import { XYScatterChart } from "../charts/LazyCharts";
import { useUrlFilters } from "../filters/use-url-filters";

export function TrendsExplorer({ trends, benchmarks }: { trends: TrendDto[]; benchmarks: { slug: string; name: string }[] }) {
  const { filters, setFilters, isPending } = useUrlFilters(trendsFilters, "server");
  const prepared = useMemo(() => prepareTrends(trends, filters.mix), [trends, filters.mix]);
  const chosen = filters.levels ? filters.levels.split(",") : CAPABILITY_LEVELS.map((l) => l.id as string);
  const [customBenchmark, setCustomBenchmark] = useState(filters.benchmark ?? "gpqa-diamond");
  const [customThreshold, setCustomThreshold] = useState(filters.threshold !== undefined ? String(filters.threshold) : "");
  const toggleLevel = (id: string, on: boolean) => {
    const next = CAPABILITY_LEVELS.map((l) => l.id as string).filter((x) => (x === id ? on : chosen.includes(x)));
    // all levels is the default (no parameter); none is written as an unknown id so that it stays none
    setFilters({ levels: next.length === CAPABILITY_LEVELS.length ? undefined : next.length ? next.join(",") : "none" });
  };
  const stats = (
    <div className="table-scroll">
      <table className="data" data-testid="trend-fits">
        <caption className="muted" style={{ textAlign: "left" }}>Fit of log10(price) on date by ordinary least squares over the kept models; 90% interval from the slope&apos;s t-interval; no fit below 4 kept models.</caption>
        <thead><tr><th scope="col">Capability level</th><th scope="col">Kept models (n)</th><th scope="col">Cheaper per year</th><th scope="col">90% CI</th><th scope="col">r²</th><th scope="col">From → to</th></tr></thead>
        <tbody>
          {trends.map((t) => (
            <tr key={t.level.id}>
              <th scope="row">{t.level.label}</th>
              <td>{t.n}</td>
              <td>{t.fit ? `${formatFactor(t.fit.factorPerYear)}×` : <span className="muted">{t.reason ?? "no fit"}</span>}</td>
              <td>{t.fit ? `${formatFactor(t.fit.ci90.low)}× – ${formatFactor(t.fit.ci90.high)}×` : "—"}</td>
              <td>{t.fit ? t.fit.r2.toFixed(2) : "—"}</td>
              <td>{t.points.length ? `$${formatUsd(t.points[0]!.price)} (${t.points[0]!.modelName}, ${t.points[0]!.date}) → $${formatUsd(t.points.at(-1)!.price)} (${t.points.at(-1)!.modelName}, ${t.points.at(-1)!.date})` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <form className="filters" aria-label="Choose the capability levels and prices" onSubmit={(e) => e.preventDefault()}>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "flex", gap: "0.5rem 1rem", flexWrap: "wrap" }}>
          <legend className="muted" style={{ fontSize: "0.85rem" }}>Capability levels</legend>
          {CAPABILITY_LEVELS.map((l) => (
            <label key={l.id} className="check">
              <input type="checkbox" checked={chosen.includes(l.id)} onChange={(e) => toggleLevel(l.id, e.target.checked)} data-testid={`level-${l.id}`} /> {l.label}
            </label>
          ))}
        </fieldset>
        <label>Custom benchmark
          <select value={customBenchmark} onChange={(e) => setCustomBenchmark(e.target.value)} data-testid="custom-benchmark">
            {benchmarks.map((b) => <option key={b.slug} value={b.slug}>{b.name}</option>)}
          </select>
        </label>
        <label>Custom threshold
          <input type="number" inputMode="decimal" value={customThreshold} onChange={(e) => setCustomThreshold(e.target.value)} style={{ width: "6rem" }} data-testid="custom-threshold" />
        </label>
        <button type="button" data-testid="custom-apply" onClick={() => setFilters(customThreshold.trim() === "" || !Number.isFinite(Number(customThreshold)) ? { benchmark: undefined, threshold: undefined } : { benchmark: customBenchmark, threshold: Number(customThreshold) })}>
          {customThreshold.trim() === "" && filters.threshold !== undefined ? "Remove custom level" : "Show custom level"}
        </button>
        <label className="check">
          <input type="checkbox" checked={filters.reasoning} onChange={(e) => setFilters({ reasoning: e.target.checked })} data-testid="filter-reasoning" /> Include reasoning models
        </label>
        <label>Input:output mix
          <select value={filters.mix} onChange={(e) => setFilters({ mix: e.target.value as typeof filters.mix })} data-testid="filter-mix">
            <option value="3:1">3:1 (default)</option><option value="1:1">1:1</option><option value="10:1">10:1</option>
          </select>
        </label>
        <label>Reference price
          <select value={filters.mode} onChange={(e) => setFilters({ mode: e.target.value as typeof filters.mode })} data-testid="filter-mode">
            <option value="reference">First party, else median</option><option value="first-party">First party only</option><option value="median">Median across providers</option>
          </select>
        </label>
        <span className="muted" role="status">{isPending ? "Loading…" : ""}</span>
      </form>
      <ChartFrame id="trends" title="Price at constant capability" height={460}
        description={<>Each level&apos;s kept models: walking in release order, a model is kept when it reaches the level and is cheaper than every earlier one. Blended {filters.mix} price, USD per 1M tokens, log scale; dashed lines are the fits.{filters.reasoning ? "" : " Reasoning models excluded."}</>}
        csv={prepared.csv} series={prepared.chart.series.length} points={prepared.points} summary={prepared.summary}
        state={prepared.points ? "ready" : "empty"} emptyMessage={trends.length ? "No model reaches these levels with a price in the window." : "Choose at least one capability level."}>
        <XYScatterChart data={prepared.chart} formatX={(v) => String(v)} formatY={(v) => `$${formatUsd(v)}`} />
      </ChartFrame>
      <ChartFrame id="trend-fits" title="How fast each level gets cheaper" height="auto" image={false} series={1} points={trends.length}
        state={trends.length ? "ready" : "empty"} emptyMessage="Choose at least one capability level."
        csv={{ filename: `price-at-capability-fits-${filters.mix.replace(":", "-to-")}.csv`, header: ["level", "benchmark", "threshold", "n", "factor_per_year", "ci90_low", "ci90_high", "r2", "reason"],
          rows: trends.map((t) => [t.level.id, t.level.benchmark, t.level.threshold, t.n, t.fit?.factorPerYear ?? null, t.fit?.ci90.low ?? null, t.fit?.ci90.high ?? null, t.fit?.r2 ?? null, t.reason]) }}>
        {stats}
      </ChartFrame>
    </>
  );
}
