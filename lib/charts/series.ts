/**
 * The shapes the render-only chart components take. prepare-* functions build them; every point
 * carries the date it applies to and its source, for the tooltip.
 */
export interface TimePoint {
  /** ms since epoch (UTC midnight of `date`) */
  t: number;
  date: string;
  /** null breaks the line (a gap in the data) */
  value: number | null;
  source: string;
  label?: string;
}

export interface TimeSeries {
  key: string;
  name: string;
  points: TimePoint[];
}

export interface TimeChartData {
  series: TimeSeries[];
  /** values span more than a factor of 20: draw on a log axis */
  log: boolean;
  unit: string;
}

export interface BarRow {
  category: string;
  date: string;
  source: string;
  label?: string;
  values: Record<string, number>;
}

export interface BarChartData {
  rows: BarRow[];
  series: { key: string; name: string }[];
  stacked: boolean;
  unit: string;
}

export const SERIES_COLOURS = 8;
export const seriesColour = (i: number) => `var(--s${(i % SERIES_COLOURS) + 1})`;

export const dayMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** log axis when the positive values span more than a factor of 20 */
export function wantsLogScale(values: number[]): boolean {
  const pos = values.filter((v) => v > 0);
  if (pos.length < 2) return false;
  return Math.max(...pos) / Math.min(...pos) > 20;
}

export function formatUsd(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 1) return v.toFixed(2);
  if (v >= 0.01) return v.toFixed(3);
  if (v === 0) return "0";
  return v.toPrecision(2);
}

export interface XYPoint {
  x: number;
  y: number;
  date: string;
  source: string;
  label?: string;
}

export interface XYSeries {
  key: string;
  name: string;
  points: XYPoint[];
  /** join the points with a line, in the order given (a Pareto line, a fitted line) */
  line?: boolean;
  /** draw no markers (a line only) */
  hideDots?: boolean;
  /** write each point's label beside it */
  labels?: boolean;
  /** a colour instead of the series palette's next one (e.g. var(--open)) */
  colour?: string;
  /** dashed line */
  dashed?: boolean;
}

export interface XYAxis {
  name: string;
  unit: string;
  /** log scale (positive values only) */
  log?: boolean;
  /** the axis is a time in ms since epoch */
  time?: boolean;
}

export interface XYChartData {
  series: XYSeries[];
  x: XYAxis;
  y: XYAxis;
}

/** Powers of ten covering positive values: a log axis's domain and ticks. */
export function logDomain(values: number[]): { domain: [number, number]; ticks: number[] } {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!pos.length) return { domain: [0.01, 100], ticks: [0.01, 0.1, 1, 10, 100] };
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  const hi = Math.max(Math.ceil(Math.log10(Math.max(...pos))), lo + 1);
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) ticks.push(10 ** e);
  return { domain: [10 ** lo, 10 ** hi], ticks };
}
