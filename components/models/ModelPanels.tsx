"use client";
/** The model page's panels: price history per provider (step chart), results and providers (tables). */
import Link from "next/link";
import { useMemo } from "react";
import { csvTable } from "../../lib/charts/csv";
import { preparePriceHistory } from "../../lib/charts/prepare-price-history";
import { formatUsd } from "../../lib/charts/series";
import type { ModelOffering, ModelResult, PriceHistoryRow } from "../../lib/queries/model-detail";
import { ChartFrame } from "../charts/ChartFrame";
import { TimeStepChart } from "../charts/LazyCharts";

export function ModelPriceHistory({ model, prices, asOf }: { model: string; prices: PriceHistoryRow[]; asOf: string }) {
  const r = useMemo(() => preparePriceHistory(prices, asOf, `${model}-price-history.csv`), [model, prices, asOf]);
  return (
    <ChartFrame id="price-history" title="Price history per provider" height={360}
      description={<>Blended 3:1 (input:output) list price per 1M tokens, standard tier; each step is a price change. {r.otherTierRows ? `${r.otherTierRows} batch, promotional or long-context rows are not drawn.` : null}</>}
      csv={r.csv} series={r.chart.series.length} points={r.windows.length} state={r.windows.length ? "ready" : "empty"} emptyMessage="No provider price recorded for this model." summary={r.summary}>
      <TimeStepChart data={r.chart} format={(v) => `$${formatUsd(v)}`} />
    </ChartFrame>
  );
}

export function ModelResults({ model, results }: { model: string; results: ModelResult[] }) {
  const csv = csvTable(`${model}-benchmark-results.csv`, [
    { header: "benchmark", value: (r: ModelResult) => r.benchmark }, { header: "score", value: (r) => r.score }, { header: "unit", value: (r) => r.unit },
    { header: "measured_on", value: (r) => r.measuredOn }, { header: "settings", value: (r) => r.settings }, { header: "cost_usd", value: (r) => r.costUsd },
    { header: "source", value: (r) => r.sourceUrl ?? r.source },
  ], results);
  return (
    <ChartFrame id="results" title="Benchmark results" description="Each result as published, with its settings, date and source." csv={csv} image={false} height="auto" points={results.length} state={results.length ? "ready" : "empty"} emptyMessage="No benchmark results for this model yet.">
      <div className="table-scroll">
        <table className="data" data-testid="results-table">
          <thead><tr><th scope="col">Benchmark</th><th scope="col">Score</th><th scope="col">Settings</th><th scope="col">Date</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={i}>
                <td>{r.benchmarkName}</td>
                <td>{r.score}{r.unit === "percent" ? "%" : ` ${r.unit}`}{r.costUsd !== null ? <div className="muted">run cost ${r.costUsd}</div> : null}</td>
                <td>{r.settings || "—"}</td>
                <td>{r.measuredOn}</td>
                <td>{r.sourceUrl ? <a href={r.sourceUrl}>{r.source}</a> : r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}

const policy = (v: boolean | null, good: boolean) => (v === null ? <span className="muted">not confirmed</span> : <span className={v === good ? "yes" : "no"}>{v ? "yes" : "no"}</span>);

export function ModelProviders({ model, offerings }: { model: string; offerings: ModelOffering[] }) {
  const csv = csvTable(`${model}-providers.csv`, [
    { header: "provider", value: (o: ModelOffering) => o.providerSlug }, { header: "kind", value: (o) => o.kind }, { header: "hardware", value: (o) => o.hardware },
    { header: "country", value: (o) => o.country }, { header: "regions", value: (o) => o.regions.join(" ") }, { header: "retains_prompts", value: (o) => o.retainsPrompts },
    { header: "trains_on_prompts", value: (o) => o.trainsOnPrompts }, { header: "zero_data_retention", value: (o) => o.zeroDataRetention }, { header: "quantization", value: (o) => o.quantization },
    { header: "status", value: (o) => o.status }, { header: "data_policy", value: (o) => o.dataPolicyUrl },
  ], offerings);
  return (
    <ChartFrame id="providers" title="Providers" description="Who serves this model, on what hardware, from where, and what they do with prompts (default paid API terms)." csv={csv} image={false} height="auto" points={offerings.length} state={offerings.length ? "ready" : "empty"} emptyMessage="No provider serves this model in our data.">
      <div className="table-scroll">
        <table className="data" data-testid="providers-table">
          <thead><tr><th scope="col">Provider</th><th scope="col">Hardware</th><th scope="col">HQ / regions</th><th scope="col">Retains prompts</th><th scope="col">Trains on prompts</th><th scope="col">Zero retention option</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {offerings.map((o) => (
              <tr key={`${o.providerSlug}|${o.quantization}`} data-provider={o.providerSlug}>
                <td><Link href={`/providers?model=${model}`}>{o.providerName}</Link><div className="muted">{o.kind.replace(/_/g, " ")}{o.quantization ? ` · ${o.quantization}` : ""}</div></td>
                <td>{o.hardware.toUpperCase()}</td>
                <td>{o.country} · {o.regions.join(", ") || "—"}</td>
                <td>{policy(o.retainsPrompts, false)}</td>
                <td>{policy(o.trainsOnPrompts, false)}</td>
                <td>{policy(o.zeroDataRetention, true)}</td>
                <td>{o.status}{o.dataPolicyUrl ? <div><a href={o.dataPolicyUrl}>data policy</a></div> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
