"use client";
/**
 * The cost calculator: a workload (validated by the zod schema of lib/schemas/calculator.ts, kept in
 * the URL) priced across every offering's current standard price, with the capability each buys.
 * Prices come from the server once; the arithmetic (lib/analytics/workload-cost.ts) runs here.
 */
import { useMemo, useState } from "react";
import { prepareCalculator, priceOffers, toWorkload } from "../../lib/charts/prepare-calculator";
import { formatUsd } from "../../lib/charts/series";
import type { CalculatorOffer } from "../../lib/queries/calculator";
import { CALCULATOR_ROWS, calculatorFilters, workloadForm, type WorkloadForm } from "../../lib/schemas/calculator";
import { ChartFrame } from "../charts/ChartFrame";
import { XYScatterChart } from "../charts/LazyCharts";
import { useUrlFilters } from "../filters/use-url-filters";

const FIELDS: { key: keyof WorkloadForm; label: string; step: string; hint: string }[] = [
  { key: "input", label: "Input tokens per request", step: "1", hint: "prompt, context and documents" },
  { key: "output", label: "Output tokens per request", step: "1", hint: "the visible answer" },
  { key: "cached", label: "Cached input share (%)", step: "any", hint: "input served from the provider's cache" },
  { key: "reasoning_x", label: "Reasoning multiplier", step: "any", hint: "reasoning models: total ÷ visible output tokens" },
  { key: "requests", label: "Requests per month", step: "1", hint: "" },
];

const money = (v: number) => (v >= 1000 ? `$${Math.round(v).toLocaleString("en-US")}` : `$${formatUsd(v)}`);

export function CostCalculator({ offers, axes }: { offers: CalculatorOffer[]; axes: { slug: string; name: string }[] }) {
  const { filters, setFilters } = useUrlFilters(calculatorFilters);
  // what is typed, field by field; a valid value is written to the URL at once, an invalid one is shown with its message
  const [typed, setTyped] = useState<Record<keyof WorkloadForm, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(filters[f.key])])) as Record<keyof WorkloadForm, string>);
  const [errors, setErrors] = useState<Partial<Record<keyof WorkloadForm, string>>>({});
  const onField = (key: keyof WorkloadForm, value: string) => {
    setTyped((t) => ({ ...t, [key]: value }));
    const parsed = value.trim() === "" ? null : workloadForm.shape[key].safeParse(value);
    if (parsed?.success) {
      setErrors((e) => ({ ...e, [key]: undefined }));
      setFilters({ [key]: parsed.data } as Partial<typeof filters>);
    } else {
      setErrors((e) => ({ ...e, [key]: parsed ? parsed.error.issues[0]?.message ?? "Not a valid value" : "Required" }));
    }
  };
  const axis = axes.find((a) => a.slug === filters.axis) ?? axes[0]!;
  const rows = useMemo(() => priceOffers(offers, toWorkload(filters), { axis: axis.slug, open: filters.open, sort: filters.sort }), [offers, filters, axis.slug]);
  const prepared = useMemo(() => prepareCalculator(rows, axis, CALCULATOR_ROWS), [rows, axis]);
  const cheapest = rows.length ? rows.reduce((a, b) => (b.cost.perMonth < a.cost.perMonth ? b : a)) : null;
  const hasErrors = Object.values(errors).some(Boolean);

  return (
    <>
      <form className="filters" aria-label="Workload" onSubmit={(e) => e.preventDefault()} noValidate>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input type="number" inputMode="decimal" step={f.step} min={f.key === "reasoning_x" ? 1 : 0} value={typed[f.key]} onChange={(e) => onField(f.key, e.target.value)}
              aria-invalid={errors[f.key] ? true : undefined} aria-describedby={`${f.key}-msg`} data-testid={`workload-${f.key}`} style={{ width: "9rem" }} />
            <span id={`${f.key}-msg`} className={errors[f.key] ? "no" : "muted"} style={{ fontSize: "0.8rem", minHeight: "1.2em" }} role={errors[f.key] ? "alert" : undefined}>
              {errors[f.key] ?? f.hint}
            </span>
          </label>
        ))}
      </form>
      <div className="filters">
        <label>Capability shown
          <select value={axis.slug} onChange={(e) => setFilters({ axis: e.target.value })} data-testid="calc-axis">
            {axes.map((a) => <option key={a.slug} value={a.slug}>{a.name}</option>)}
          </select>
        </label>
        <label>Weights
          <select value={filters.open === undefined ? "" : String(filters.open)} onChange={(e) => setFilters({ open: e.target.value === "" ? undefined : e.target.value === "true" })} data-testid="calc-open">
            <option value="">Open and proprietary</option><option value="true">Open weights only</option><option value="false">Proprietary only</option>
          </select>
        </label>
        <label>Sort by
          <select value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as "cost" | "capability" })} data-testid="calc-sort">
            <option value="cost">Cost per month</option><option value="capability">Capability</option>
          </select>
        </label>
      </div>
      <div className="cards" data-testid="calc-facts">
        <div className="card"><div className="label">Options priced</div><div className="value">{rows.length}</div></div>
        <div className="card"><div className="label">Cheapest per month</div><div className="value">{cheapest ? money(cheapest.cost.perMonth) : "—"}</div><div className="muted">{cheapest ? `${cheapest.modelName} on ${cheapest.providerName}` : null}</div></div>
        <div className="card"><div className="label">Tokens per request</div><div className="value">{(filters.input + filters.output).toLocaleString("en-US")}</div><div className="muted">{filters.reasoning_x > 1 ? `reasoning models bill ${(filters.input + filters.output * filters.reasoning_x).toLocaleString("en-US")}` : "before reasoning tokens"}</div></div>
      </div>
      {hasErrors ? <p className="no" role="status">Fix the highlighted fields: the figures below use the last valid workload.</p> : null}
      <ChartFrame id="calc-scatter" title={`Cost per month against ${axis.name}`} height={380}
        description={`Every option with a known ${axis.name} value: what the workload costs each month (log scale) and the capability it buys.`}
        csv={prepared.chartCsv}
        series={prepared.chart.series.length} points={prepared.points} state={prepared.points ? "ready" : "empty"} emptyMessage={`No priced option has a ${axis.name} value.`}>
        <XYScatterChart data={prepared.chart} formatX={money} formatY={(v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1))} />
      </ChartFrame>
      <ChartFrame id="calc-table" title={`${Math.min(CALCULATOR_ROWS, rows.length)} ${filters.sort === "cost" ? "cheapest" : "most capable"} options of ${rows.length}`} height="auto" image={false}
        csv={prepared.csv} series={1} points={prepared.shown.length} state={prepared.shown.length ? "ready" : "empty"} emptyMessage="No offering has a current standard price for this selection.">
        <div className="table-scroll">
          <table className="data" data-testid="calc-table">
            <thead><tr><th scope="col">Model</th><th scope="col">Provider</th><th scope="col">Per month</th><th scope="col">Per request</th><th scope="col">Prices in / cached / out</th><th scope="col">Index</th>{axis.slug !== "fw-ci-v1" ? <th scope="col">{axis.name}</th> : null}</tr></thead>
            <tbody>
              {prepared.shown.map((r) => (
                <tr key={`${r.model}|${r.provider}|${r.quantization}`}>
                  <td><a href={`/models/${r.model}`}>{r.modelName}</a>{r.reasoning ? <> <span className="badge">reasoning</span></> : null} <span className={`badge ${r.openWeights ? "open" : "closed"}`}>{r.openWeights ? "open" : "proprietary"}</span></td>
                  <td>{r.providerName}{r.quantization ? <div className="muted">{r.quantization}</div> : null}</td>
                  <td>{money(r.cost.perMonth)}</td>
                  <td>${formatUsd(r.cost.perRequest)}</td>
                  <td>${formatUsd(r.input)} / {r.cachedInput !== null ? `$${formatUsd(r.cachedInput)}` : <span className="muted" title="no cached price listed: billed at the input price">—</span>} / ${formatUsd(r.output)}{r.reasoningPrice !== null ? ` (reasoning $${formatUsd(r.reasoningPrice)})` : ""}</td>
                  <td>{r.index !== null ? r.index.toFixed(1) : "—"}</td>
                  {axis.slug !== "fw-ci-v1" ? <td>{r.value ?? "—"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFrame>
    </>
  );
}
