"use client";
/**
 * The frontier explorer. The frontier is computed on the server for the URL's filters (first paint
 * and every change: router.replace re-renders the page); this component draws what prepareFrontier
 * shaped and writes the filters. The date control replays the frontier month by month.
 */
import { useEffect, useMemo, useState } from "react";
import { prepareFrontier, replayMonths } from "../../lib/charts/prepare-frontier";
import { formatUsd } from "../../lib/charts/series";
import type { FrontierAxis, FrontierFacets, FrontierView } from "../../lib/queries/frontier-filters";
import { frontierFilters } from "../../lib/schemas/dashboard-filters";
import { ChartFrame } from "../charts/ChartFrame";
import { XYScatterChart } from "../charts/LazyCharts";
import { useUrlFilters } from "../filters/use-url-filters";

const CONTEXT_STEPS = [8_000, 32_000, 128_000, 200_000, 1_000_000];
/** time between replay steps once the previous month has arrived */
const STEP_MS = 900;

export function FrontierExplorer({ view, axes, facets, today }: { view: FrontierView; axes: FrontierAxis[]; facets: FrontierFacets; today: string }) {
  const { filters, setFilters, reset, isPending } = useUrlFilters(frontierFilters, "server");
  const months = useMemo(() => (facets.firstMonth ? replayMonths(facets.firstMonth, today) : []), [facets.firstMonth, today]);
  const shownDate = filters.date ?? view.date;
  // the slider's position: the month holding the date shown (the last step is "today")
  const monthIndex = Math.max(0, months.findIndex((m) => m.slice(0, 7) === shownDate.slice(0, 7)));
  const [playing, setPlaying] = useState(false);
  const prepared = useMemo(() => prepareFrontier(view, filters.colour), [view, filters.colour]);
  const selectedLabs = filters.labs ? filters.labs.split(",") : [];

  const goTo = (i: number) => {
    const m = months[i];
    if (!m) return;
    setFilters({ date: i === months.length - 1 ? undefined : m });
  };

  // replay: step to the next month once the previous one has rendered
  useEffect(() => {
    if (!playing || isPending) return;
    if (monthIndex >= months.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => goTo(monthIndex + 1), STEP_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, isPending, monthIndex, months.length]);

  const togglePlay = () => {
    if (!playing && monthIndex >= months.length - 1) goTo(0);
    setPlaying((p) => !p);
  };

  return (
    <>
      <form className="filters" aria-label="Filter the frontier" onSubmit={(e) => e.preventDefault()}>
        <label>Capability axis
          <select value={view.axis.slug} onChange={(e) => setFilters({ axis: e.target.value })} data-testid="filter-axis">
            {axes.map((a) => <option key={a.slug} value={a.slug}>{a.name}</option>)}
          </select>
        </label>
        <label>Colour by
          <select value={filters.colour} onChange={(e) => setFilters({ colour: e.target.value as "weights" | "lab" })} data-testid="filter-colour">
            <option value="weights">Open / proprietary</option>
            <option value="lab">Lab</option>
          </select>
        </label>
        <label>Weights
          <select value={filters.open === undefined ? "" : String(filters.open)} onChange={(e) => setFilters({ open: e.target.value === "" ? undefined : e.target.value === "true" })} data-testid="filter-open">
            <option value="">Open and proprietary</option>
            <option value="true">Open weights only</option>
            <option value="false">Proprietary only</option>
          </select>
        </label>
        <label>Reasoning
          <select value={filters.reasoning === undefined ? "" : String(filters.reasoning)} onChange={(e) => setFilters({ reasoning: e.target.value === "" ? undefined : e.target.value === "true" })} data-testid="filter-reasoning">
            <option value="">Any</option>
            <option value="true">Reasoning models</option>
            <option value="false">Non-reasoning models</option>
          </select>
        </label>
        <label>Lab country
          <select value={filters.country ?? ""} onChange={(e) => setFilters({ country: e.target.value || undefined })} data-testid="filter-country">
            <option value="">Any</option>
            {facets.countries.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>Minimum context
          <select value={filters.min_context ?? ""} onChange={(e) => setFilters({ min_context: e.target.value ? Number(e.target.value) : undefined })} data-testid="filter-min_context">
            <option value="">Any</option>
            {CONTEXT_STEPS.map((c) => <option key={c} value={c}>{c >= 1_000_000 ? `${c / 1_000_000}M` : `${c / 1000}k`} tokens</option>)}
          </select>
        </label>
        <label>Domain
          <select value={filters.domain} onChange={(e) => setFilters({ domain: e.target.value as typeof filters.domain })} data-testid="filter-domain">
            <option value="all">Any</option>
            {facets.domains.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>Labs (none chosen: all)
          <select multiple size={4} value={selectedLabs} data-testid="filter-labs"
            onChange={(e) => setFilters({ labs: [...e.target.selectedOptions].map((o) => o.value).sort().join(",") || undefined })}>
            {facets.labs.map((l) => <option key={l.slug} value={l.slug}>{l.name}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => { setPlaying(false); reset(); }}>Reset filters</button>
      </form>

      <div className="controls replay" role="group" aria-label="Date of the frontier">
        <button type="button" onClick={togglePlay} aria-pressed={playing} data-testid="replay-play" disabled={months.length < 2}>
          {playing ? "Pause" : "Play through time"}
        </button>
        <label>
          Date: <strong data-testid="frontier-date">{view.date}</strong>
          <input type="range" min={0} max={Math.max(0, months.length - 1)} step={1} value={monthIndex} disabled={months.length < 2}
            onChange={(e) => { setPlaying(false); goTo(Number(e.target.value)); }} aria-valuetext={months[monthIndex] === months.at(-1) ? `today, ${today}` : months[monthIndex]}
            aria-label="Month of the frontier" data-testid="replay-month" style={{ width: "min(20rem, 60vw)", marginLeft: "0.5rem" }} />
        </label>
        <button type="button" onClick={() => { setPlaying(false); setFilters({ date: undefined }); }} disabled={!filters.date}>Today</button>
        <span className="muted" role="status">{isPending ? "Loading…" : ""}</span>
      </div>

      <ChartFrame id="frontier" title={`Price against ${view.axis.name} on ${view.date}`} height={440}
        description={<>Each model available that day at its blended reference price (3:1 input:output, USD per 1M tokens, log scale). The line joins the Pareto set among the models the filters keep: none of the others is both cheaper and more capable.{view.filteredOut ? ` ${view.filteredOut} models left out by the filters.` : ""}{view.unscored ? ` ${view.unscored} priced models have no ${view.axis.name} value and cannot be placed.` : ""}</>}
        csv={prepared.csv} series={prepared.chart.series.length} points={prepared.points} summary={prepared.summary}
        state={prepared.points ? "ready" : "empty"} emptyMessage={prepared.summary}>
        <XYScatterChart data={prepared.chart} formatX={(v) => `$${formatUsd(v)}`} formatY={(v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1))} />
      </ChartFrame>

      <ChartFrame id="frontier-table" title="The Pareto set" headingLevel={2} height="auto" image={false}
        csv={{ ...prepared.csv, filename: prepared.csv.filename.replace(/\.csv$/, "-pareto.csv"), rows: prepared.csv.rows.filter((r) => r[prepared.csv.header.indexOf("on_frontier")] === true) }}
        series={1} points={view.pareto.length} state={view.pareto.length ? "ready" : "empty"} emptyMessage={prepared.summary}>
        <div className="table-scroll">
          <table className="data" data-testid="pareto-table">
            <thead><tr><th scope="col">Model</th><th scope="col">Lab</th><th scope="col">Weights</th><th scope="col">Blended price</th><th scope="col">{view.axis.name}</th><th scope="col">Released</th></tr></thead>
            <tbody>
              {view.available.filter((e) => e.onFrontier).map((e) => (
                <tr key={e.slug}>
                  <td><a href={`/models/${e.slug}`}>{e.name}</a>{e.reasoning ? <> <span className="badge">reasoning</span></> : null}</td>
                  <td>{e.labName}</td>
                  <td><span className={`badge ${e.openWeights ? "open" : "closed"}`}>{e.openWeights ? "open" : "proprietary"}</span></td>
                  <td>${formatUsd(e.price)} <span className="muted">({e.basis})</span></td>
                  <td>{Math.abs(e.capability) >= 100 ? e.capability.toFixed(0) : e.capability.toFixed(1)}</td>
                  <td>{e.releasedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
    </>
  );
}
