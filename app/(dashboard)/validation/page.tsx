import type { Metadata } from "next";
import { listGapValidations, listValidations } from "../../../lib/queries/validation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Validation" };

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export default async function ValidationPage() {
  const [results, gaps] = await Promise.all([listValidations(), listGapValidations()]);
  return (
    <main>
      <h1>Validation against published figures</h1>
      <p className="lede">
        Published estimates of how fast the price of a fixed level of capability falls, recomputed from FrontierWatch&apos;s own data with the same
        threshold, price mix and window. Both definitions are shown; where ours falls outside theirs, the reason is given.
      </p>
      {results.map((r) => (
        <section key={r.published.id} className="panel" data-testid={`validation-${r.published.id}`} data-status={r.status}>
          <h2>{r.published.publisher}: {r.published.thresholdLabel}</h2>
          <table className="data">
            <thead><tr><th></th><th>Published</th><th>FrontierWatch</th></tr></thead>
            <tbody>
              <tr><td>Decline per year</td><td>{r.published.factorPerYear}×</td><td>{r.ours ? `${fmt(r.ours.factorPerYear)}×` : "—"}</td></tr>
              <tr><td>90% interval</td><td>{r.published.ci90 ? `${r.published.ci90.low}–${r.published.ci90.high}` : "not published"}</td><td>{r.ours ? `${fmt(r.ours.ci90.low)}–${fmt(r.ours.ci90.high)}` : "—"}</td></tr>
              <tr><td>Points / fit</td><td>—</td><td>{r.ours ? `n = ${r.ours.n}, r² = ${r.ours.r2.toFixed(2)}` : "—"}</td></tr>
              <tr><td>Window (our reading of theirs)</td><td colSpan={2}>{r.published.window.from} to {r.published.window.to}; price mix {r.published.mix.input}:{r.published.mix.output} (input:output)</td></tr>
            </tbody>
          </table>
          <p><strong>{r.status === "within" ? "Agrees." : r.status === "outside" ? "Differs." : "Not comparable."}</strong> {r.explanation}.</p>
          <p className="muted">Their definition: {r.published.definition} Source: <a href={r.published.url}>{r.published.citation}</a>.</p>
          <p className="muted">Ours: the walk-and-fit method on the methodology page — each model at or above the threshold that is cheaper than every earlier one (a price cut counts as a new observation), OLS of log10 price on date.</p>
          <details>
            <summary>The {r.points.length} points we used</summary>
            <ul>{r.points.map((p) => <li key={`${p.model}-${p.date}`}>{p.date}: {p.model}, ${p.price.toFixed(3)} per 1M tokens</li>)}</ul>
          </details>
        </section>
      ))}
      <h2>Open vs proprietary gap</h2>
      {gaps.map((g) => (
        <section key={g.published.id} className="panel" data-testid={`validation-${g.published.id}`} data-status={g.status}>
          <h2>{g.published.publisher}: {g.published.benchmarkLabel}</h2>
          <table className="data">
            <thead><tr><th>Month</th><th>Published gap</th><th>FrontierWatch gap</th><th>Our best open / best proprietary</th></tr></thead>
            <tbody>
              {g.ours.map((o, i) => (
                <tr key={o.month}>
                  <td>{o.month.slice(0, 7)}</td>
                  <td>{g.published.points[i]!.gapPercent.toFixed(1)}%</td>
                  <td>{o.gapPercent === null ? "—" : `${o.gapPercent.toFixed(1)}%`}</td>
                  <td>{o.open ?? "—"} / {o.proprietary ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><strong>{g.status === "within" ? "Agrees." : g.status === "outside" ? "Differs." : "Not comparable."}</strong> {g.explanation}.</p>
          <p className="muted">Their definition: {g.published.definition} Source: <a href={g.published.url}>{g.published.citation}</a>.</p>
          <p className="muted">
            Ours: the best open-weight and best proprietary rating among models released before the first day of the month, (proprietary − open) / proprietary.
            Tolerance: {g.published.toleranceReason}
          </p>
        </section>
      ))}
    </main>
  );
}
