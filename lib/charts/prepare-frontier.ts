/** The frontier explorer: price (log) × capability, coloured by weights or by lab, with the Pareto line. */
import type { FrontierPoint, FrontierView } from "../queries/frontier-filters";
import { csvFilename, csvTable, type CsvTable } from "./csv";
import { formatUsd, type XYChartData, type XYPoint, type XYSeries } from "./series";

/** labs beyond this many (by models on the chart) share one "other labs" colour */
export const MAX_LAB_SERIES = 7;

export interface FrontierChart {
  chart: XYChartData;
  csv: CsvTable;
  /** models drawn (the Pareto line's points are the same models, not counted twice) */
  points: number;
  summary: string;
}

function point(e: FrontierPoint, date: string, axisName: string): XYPoint {
  return {
    x: e.price, y: e.capability, date: `price on ${date}; released ${e.releasedOn}`,
    source: `${e.basis === "first-party" ? "first-party list price" : "median across providers"}; ${axisName}; ${e.sourceUrl}`,
    label: `${e.name} (${e.labName})`,
  };
}

export function prepareFrontier(view: FrontierView, colour: "weights" | "lab"): FrontierChart {
  const { available, date, axis } = view;
  const groups: { key: string; name: string; colour?: string; of: FrontierPoint[] }[] = [];
  if (colour === "weights") {
    groups.push({ key: "open", name: "Open weights", colour: "var(--open)", of: available.filter((e) => e.openWeights) });
    groups.push({ key: "proprietary", name: "Proprietary", colour: "var(--closed)", of: available.filter((e) => !e.openWeights) });
  } else {
    const byLab = new Map<string, FrontierPoint[]>();
    for (const e of available) byLab.set(e.labSlug, [...(byLab.get(e.labSlug) ?? []), e]);
    const ranked = [...byLab].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
    const top = ranked.length > MAX_LAB_SERIES + 1 ? ranked.slice(0, MAX_LAB_SERIES) : ranked;
    for (const [slug, list] of top) groups.push({ key: slug, name: list[0]!.labName, of: list });
    const rest = ranked.slice(top.length).flatMap(([, list]) => list);
    if (rest.length) groups.push({ key: "other", name: `Other labs (${ranked.length - top.length})`, colour: "var(--s8)", of: rest });
  }
  const series: XYSeries[] = groups.filter((g) => g.of.length).map((g) => ({ key: g.key, name: g.name, colour: g.colour, points: g.of.map((e) => point(e, date, axis.name)) }));
  const pareto = available.filter((e) => e.onFrontier);
  if (pareto.length) series.push({ key: "pareto", name: "Pareto frontier", line: true, colour: "var(--fg)", points: pareto.map((e) => point(e, date, axis.name)) });
  const csv = csvTable(csvFilename("frontier", axis.slug, date), [
    { header: "model", value: (e: FrontierPoint) => e.slug }, { header: "model_name", value: (e) => e.name }, { header: "lab", value: (e) => e.labSlug },
    { header: "open_weights", value: (e) => e.openWeights }, { header: "reasoning", value: (e) => e.reasoning }, { header: "released_on", value: (e) => e.releasedOn },
    { header: "blended_usd_per_1m", value: (e) => Math.round(e.price * 1e6) / 1e6 }, { header: "price_basis", value: (e) => e.basis },
    { header: axis.slug, value: (e) => e.capability }, { header: "on_frontier", value: (e) => e.onFrontier }, { header: "date", value: () => date }, { header: "source", value: (e) => e.sourceUrl },
  ], available);
  const cheapest = pareto[0];
  const strongest = pareto[pareto.length - 1];
  const summary = cheapest && strongest
    ? `${available.length} models priced on ${date}, ${pareto.length} on the frontier: from ${cheapest!.name} at $${formatUsd(cheapest!.price)} to ${strongest!.name} at $${formatUsd(strongest!.price)} (${axis.name} ${round(strongest!.capability)}).`
    : `No model with a price and a ${axis.name} value on ${date} matches these filters.`;
  return {
    chart: { series, x: { name: "Blended price 3:1", unit: "USD per 1M tokens", log: true }, y: { name: axis.name, unit: axis.unit } },
    csv, points: available.length, summary,
  };
}

const round = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/** First days of the months from `first` to `last` (inclusive): the replay's steps. */
export function replayMonths(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= end && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, "0")}-01`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}
