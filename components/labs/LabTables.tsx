"use client";
/** A lab's best score per benchmark and its current prices, as tables that export their rows. */
import Link from "next/link";
import { csvTable } from "../../lib/charts/csv";
import { formatUsd } from "../../lib/charts/series";
import type { LabBestScore, LabModelPrice } from "../../lib/queries/labs";
import { ChartFrame } from "../charts/ChartFrame";

export function LabBestScores({ lab, scores }: { lab: string; scores: LabBestScore[] }) {
  const csv = csvTable(`${lab}-best-scores.csv`, [
    { header: "benchmark", value: (s: LabBestScore) => s.benchmark }, { header: "model", value: (s) => s.model }, { header: "score", value: (s) => s.score },
    { header: "unit", value: (s) => s.unit }, { header: "measured_on", value: (s) => s.measuredOn }, { header: "settings", value: (s) => s.settings }, { header: "source", value: (s) => s.sourceUrl },
  ], scores);
  return (
    <ChartFrame id="lab-best-scores" title="Best scores" description="The lab's best result on each benchmark, with its model, date and source." csv={csv} image={false} height="auto" points={scores.length} state={scores.length ? "ready" : "empty"} emptyMessage="No benchmark results for this lab yet.">
      <div className="table-scroll">
        <table className="data" data-testid="lab-best-scores">
          <thead><tr><th scope="col">Benchmark</th><th scope="col">Score</th><th scope="col">Model</th><th scope="col">Date</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.benchmark}>
                <td>{s.benchmarkName}</td>
                <td>{s.score}{s.unit === "percent" ? "%" : ` ${s.unit}`}</td>
                <td><Link href={`/models/${s.model}`}>{s.modelName}</Link>{s.settings ? <div className="muted">{s.settings}</div> : null}</td>
                <td>{s.measuredOn}</td>
                <td>{s.sourceUrl ? <a href={s.sourceUrl}>source</a> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}

export function LabPrices({ lab, prices, asOf }: { lab: string; prices: LabModelPrice[]; asOf: string }) {
  const csv = csvTable(`${lab}-prices-${asOf}.csv`, [
    { header: "model", value: (p: LabModelPrice) => p.model }, { header: "input_usd_per_1m", value: (p) => p.input }, { header: "output_usd_per_1m", value: (p) => p.output },
    { header: "blended_3_1", value: (p) => Math.round(p.blended * 1e6) / 1e6 }, { header: "basis", value: (p) => p.basis }, { header: "providers", value: (p) => p.providers.join(" ") },
  ], prices);
  const range = prices.length ? `$${formatUsd(prices[0]!.blended)} to $${formatUsd(prices[prices.length - 1]!.blended)}` : null;
  return (
    <ChartFrame id="lab-prices" title="Price range" description={range ? `Blended 3:1 reference price per 1M tokens on ${asOf}: ${range}.` : `Reference prices on ${asOf}.`} csv={csv} image={false} height="auto" points={prices.length} state={prices.length ? "ready" : "empty"} emptyMessage="No model of this lab has a standard list price today.">
      <div className="table-scroll">
        <table className="data" data-testid="lab-prices">
          <thead><tr><th scope="col">Model</th><th scope="col">Input</th><th scope="col">Output</th><th scope="col">Blended 3:1</th><th scope="col">Basis</th></tr></thead>
          <tbody>
            {prices.map((p) => (
              <tr key={p.model}>
                <td><Link href={`/models/${p.model}`}>{p.modelName}</Link></td>
                <td>${formatUsd(p.input)}</td>
                <td>${formatUsd(p.output)}</td>
                <td>${formatUsd(p.blended)}</td>
                <td>{p.basis === "first-party" ? "first-party list price" : `median of ${p.providers.length} providers`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
