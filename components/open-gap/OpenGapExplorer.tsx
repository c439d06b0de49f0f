"use client";
/**
 * Open vs proprietary: score gap (points and percent) and lag per benchmark over months, and the
 * price at parity for a capability level. Computed on the server for the URL's choices.
 */
import { useMemo } from "react";
import { GAP_METRICS, prepareGapMetric, prepareParity, type GapMetric } from "../../lib/charts/prepare-open-gap";
import { formatUsd } from "../../lib/charts/series";
import type { GapMonthDto, ParityMonthDto } from "../../lib/queries/open-gap-view";
import { DEFAULT_GAP_BENCHMARKS, openGapFilters } from "../../lib/schemas/dashboard-filters";
import { CAPABILITY_LEVELS } from "../../lib/schemas/capability-levels";
import { ChartFrame } from "../charts/ChartFrame";
import { TimeStepChart } from "../charts/LazyCharts";
import { useUrlFilters } from "../filters/use-url-filters";

const METRIC_IDS: Record<GapMetric, string> = { gapPoints: "gap-points", gapPercent: "gap-percent", lagMonths: "lag" };

export function OpenGapExplorer({ months, parity, benchmarks, levelId }: { months: GapMonthDto[]; parity: ParityMonthDto[]; benchmarks: { slug: string; name: string }[]; levelId: string }) {
  const { filters, setFilters, isPending } = useUrlFilters(openGapFilters, "server");
  const names = useMemo(() => new Map(benchmarks.map((b) => [b.slug, b.name])), [benchmarks]);
  const chosen = filters.benchmarks ? filters.benchmarks.split(",") : DEFAULT_GAP_BENCHMARKS;
  const charts = useMemo(() => (Object.keys(GAP_METRICS) as GapMetric[]).map((metric) => ({ metric, ...prepareGapMetric(months, metric, names) })), [months, names]);
  const par = useMemo(() => prepareParity(parity, levelId), [parity, levelId]);
  const level = CAPABILITY_LEVELS.find((l) => l.id === levelId) ?? CAPABILITY_LEVELS[1];
  const today = parity.at(-1);
  const latest = (b: string) => [...months].reverse().find((m) => m.benchmark === b && m.gapPoints !== null);
  const toggle = (slug: string, on: boolean) => {
    const next = benchmarks.map((b) => b.slug).filter((s) => (s === slug ? on : chosen.includes(s)));
    const isDefault = next.length === DEFAULT_GAP_BENCHMARKS.length && DEFAULT_GAP_BENCHMARKS.every((s) => next.includes(s));
    setFilters({ benchmarks: isDefault ? undefined : next.join(",") || "none" });
  };
  return (
    <>
      <form className="filters" aria-label="Choose benchmarks and the capability level" onSubmit={(e) => e.preventDefault()}>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "flex", gap: "0.25rem 1rem", flexWrap: "wrap" }}>
          <legend className="muted" style={{ fontSize: "0.85rem" }}>Benchmarks</legend>
          {benchmarks.map((b) => (
            <label key={b.slug} className="check">
              <input type="checkbox" checked={chosen.includes(b.slug)} onChange={(e) => toggle(b.slug, e.target.checked)} data-testid={`benchmark-${b.slug}`} /> {b.name}
            </label>
          ))}
        </fieldset>
        <span className="muted" role="status">{isPending ? "Loading…" : ""}</span>
      </form>
      <div className="cards" data-testid="gap-facts">
        {chosen.map((b) => {
          const m = latest(b);
          return (
            <div className="card" key={b}>
              <div className="label">{names.get(b) ?? b}, {m?.month.slice(0, 7) ?? "no data"}</div>
              <div className="value">{m ? `${m.gapPoints! >= 0 ? "" : "−"}${Math.abs(m.gapPoints!).toFixed(1)} pts` : "—"}</div>
              <div className="muted">{m ? `${m.lagMonths === 0 ? "open models lead" : `lag ${m.lagMonths!.toFixed(1)} months`}: ${m.open!.name} vs ${m.proprietary!.name}` : "one side has no score"}</div>
            </div>
          );
        })}
      </div>
      {charts.map((c) => (
        <ChartFrame key={c.metric} id={METRIC_IDS[c.metric]} title={GAP_METRICS[c.metric].title} height={300}
          description={c.metric === "lagMonths" ? "How many months before each month a proprietary model first reached that month's best open score (0: open models lead)." : c.metric === "gapPercent" ? "(proprietary best − open best) ÷ proprietary best × 100, each month." : "Best proprietary score minus best open score, each month, in the benchmark's points."}
          csv={c.csv} series={c.chart.series.length} points={c.points} state={c.points ? "ready" : "empty"}
          emptyMessage={chosen.length ? "No month has scores on both sides for these benchmarks." : "Choose at least one benchmark."}>
          <TimeStepChart data={c.chart} format={(v) => (c.metric === "gapPercent" ? `${v.toFixed(1)}%` : c.metric === "lagMonths" ? `${v.toFixed(1)} mo` : v.toFixed(1))} />
        </ChartFrame>
      ))}
      <ChartFrame id="parity" title={`Price at parity: ${level.label}`} height={320}
        description={<>The cheapest open-weights and the cheapest proprietary model scoring at or above the level, at the start of each month (blended 3:1 reference price, USD per 1M tokens).{today?.proprietaryOverOpen ? <> Today the cheapest proprietary option costs <strong data-testid="parity-ratio">{today.proprietaryOverOpen.toFixed(1)}×</strong> the cheapest open one ({today.open!.modelName}, ${formatUsd(today.open!.price)} vs {today.proprietary!.modelName}, ${formatUsd(today.proprietary!.price)}; {today.month}).</> : null}</>}
        csv={par.csv} series={par.chart.series.length} points={par.points} state={par.points ? "ready" : "empty"} emptyMessage="No model reaches this level in the window."
        controls={<div className="controls"><label>Capability level{" "}
          <select value={levelId} onChange={(e) => setFilters({ level: e.target.value })} data-testid="parity-level">
            {CAPABILITY_LEVELS.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
          </select></label></div>}>
        <TimeStepChart data={par.chart} format={(v) => `$${formatUsd(v)}`} />
      </ChartFrame>
    </>
  );
}
