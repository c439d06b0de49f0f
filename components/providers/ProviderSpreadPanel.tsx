"use client";
/** One open model across providers: price per host (bars), speed where measured, hosts and spread. */
import Link from "next/link";
import { useMemo } from "react";
import { prepareSpeedVsPrice, prepareSpread } from "../../lib/charts/prepare-providers";
import { formatUsd } from "../../lib/charts/series";
import type { ProviderSpreadDto, SpreadCandidate } from "../../lib/queries/providers";
import { providersFilters } from "../../lib/schemas/dashboard-filters";
import { ChartFrame } from "../charts/ChartFrame";
import { BarsChart, XYScatterChart } from "../charts/LazyCharts";
import { useUrlFilters } from "../filters/use-url-filters";

export function ProviderSpreadPanel({ spread, candidates }: { spread: ProviderSpreadDto | null; candidates: SpreadCandidate[] }) {
  // the spread is computed on the server: changing the model re-renders the page for the new URL
  const { filters, setFilters, isPending } = useUrlFilters(providersFilters, "server");
  const selected = filters.model ?? spread?.model.slug ?? "";
  const prepared = useMemo(() => (spread ? prepareSpread(spread.rows, spread.date, `${spread.model.slug}-provider-spread-${spread.date}.csv`) : null), [spread]);
  const speed = useMemo(() => (spread ? prepareSpeedVsPrice(spread.rows, spread.date, `${spread.model.slug}-price-vs-speed-${spread.date}.csv`) : null), [spread]);
  const speedKnown = (speed?.points ?? 0) > 0;
  return (
    <section aria-labelledby="spread-title" className="panel">
      <h2 id="spread-title">One open model across providers</h2>
      <p className="muted">What each host charges for the same weights today (blended 3:1, standard tier), on what hardware, and how fast where a speed was measured.</p>
      <div className="filters">
        <label>Model
          <select value={selected} onChange={(e) => setFilters({ model: e.target.value || undefined })} data-testid="spread-model">
            {candidates.map((c) => <option key={c.slug} value={c.slug}>{c.name} ({c.hosts} hosts)</option>)}
          </select>
        </label>
        {isPending ? <span className="muted" role="status">Loading…</span> : null}
      </div>
      {spread ? (
        <>
          <div className="cards" data-testid="spread-facts">
            <div className="card"><div className="label">Hosts today</div><div className="value">{spread.hosts}</div></div>
            <div className="card"><div className="label">Cheapest / median / dearest</div><div className="value" style={{ fontSize: "1.05rem" }}>{spread.price ? `$${formatUsd(spread.price.min)} / $${formatUsd(spread.price.median)} / $${formatUsd(spread.price.max)}` : "—"}</div></div>
            <div className="card"><div className="label">Dearest ÷ cheapest</div><div className="value">{spread.price?.maxOverMin ? `${spread.price.maxOverMin.toFixed(1)}×` : "—"}</div></div>
            <div className="card"><div className="label">First third-party host</div><div className="value" style={{ fontSize: "1.05rem" }}>{spread.firstThirdPartyHost ? `${spread.daysToFirstThirdPartyHost} days after release` : "—"}</div><div className="muted">{spread.firstThirdPartyHost ? `${spread.firstThirdPartyHost.providerSlug}, ${spread.firstThirdPartyHost.validFrom}` : null}</div></div>
          </div>
          <ChartFrame id="spread" title={`${spread.model.name}: price per provider on ${spread.date}`} headingLevel={3}
            description={<>Released {spread.model.releasedOn}. <Link href={`/models/${spread.model.slug}`}>Price history of this model</Link>.</>}
            csv={prepared!.csv} series={prepared!.chart.series.length} points={prepared!.chart.rows.length} state={isPending ? "loading" : prepared!.chart.rows.length ? "ready" : "empty"}
            emptyMessage="No provider has a standard price for this model today." height={300}>
            <BarsChart data={prepared!.chart} format={(v) => `$${formatUsd(v)}`} />
          </ChartFrame>
          <ChartFrame id="speed" title="Price against speed" headingLevel={3} description="Each host's blended price and its latest measured output speed, coloured by hardware."
            csv={speed!.csv} series={speed!.chart.series.length} points={speed!.points} state={isPending ? "loading" : speedKnown ? "ready" : "empty"} height={300}
            emptyMessage="No speed measurement for this model's hosts yet: speeds come from the OpenRouter endpoints source, which has not run for this model."
            summary={speed!.unmeasured ? `${speed!.unmeasured} of ${spread.rows.length} hosts have no speed measurement and are not plotted.` : undefined}>
            <XYScatterChart data={speed!.chart} formatX={(v) => `$${formatUsd(v)}`} formatY={(v) => `${Math.round(v)} tok/s`} />
          </ChartFrame>
          <div className="table-scroll">
            <table className="data" data-testid="spread-table">
              <caption className="muted" style={{ textAlign: "left" }}>{speedKnown ? "Speed: latest measurement on or before the date." : "No speed measurement for this model yet (throughput comes from the OpenRouter endpoints source)."}</caption>
              <thead><tr><th scope="col">Provider</th><th scope="col">Hardware</th><th scope="col">Input</th><th scope="col">Output</th><th scope="col">Blended</th><th scope="col">Tokens/s</th><th scope="col">Since</th></tr></thead>
              <tbody>
                {spread.rows.map((r) => (
                  <tr key={`${r.providerSlug}|${r.quantization}`}>
                    <td>{r.providerName}{r.firstParty ? <> <span className="badge">first party</span></> : null}{r.quantization ? <div className="muted">{r.quantization}</div> : null}</td>
                    <td>{r.hardware.toUpperCase()}</td>
                    <td>${formatUsd(r.input)}</td>
                    <td>${formatUsd(r.output)}</td>
                    <td>${formatUsd(r.blended)}</td>
                    <td>{r.tokensPerSecond ?? "—"}</td>
                    <td>{r.sourceUrl ? <a href={r.sourceUrl}>{r.validFrom ?? "source"}</a> : r.validFrom ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : <p role="status" className="muted">{candidates.length ? "Pick a model." : "No open model is served by two or more providers in our data yet."}</p>}
    </section>
  );
}
