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

export interface XYChartData {
  series: { key: string; name: string; points: XYPoint[] }[];
  x: { name: string; unit: string };
  y: { name: string; unit: string };
}
