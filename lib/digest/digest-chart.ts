/**
 * The digest's one chart: the cheapest price of a fixed capability over time (the kept points of
 * price-at-capability, lib/analytics/price-at-capability.ts) on a log scale with its fitted line, as
 * SVG (pure, tested) and its alt text; lib/digest/render-chart.ts turns the SVG into the PNG that is
 * inlined in the email.
 */
export interface DigestChart {
  title: string;
  /** e.g. "MMLU ≥ 86.4 (GPT-4 level), blended 3:1" */
  subtitle: string;
  points: { date: Date; price: number; model: string; modelName: string }[];
  fit: { factorPerYear: number; ci90: { low: number; high: number }; line: [{ date: Date; price: number }, { date: Date; price: number }] } | null;
}

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 280;
const M = { left: 56, right: 16, top: 44, bottom: 32 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const money = (v: number) => (v >= 1 ? `$${v.toFixed(v >= 10 ? 0 : 2)}` : `$${v.toPrecision(2)}`);
const day = (d: Date) => d.toISOString().slice(0, 10);

export function digestChartAlt(c: DigestChart): string {
  if (c.points.length === 0) return `${c.title} (${c.subtitle}): no model qualifies yet.`;
  const first = c.points[0]!;
  const last = c.points[c.points.length - 1]!;
  const trend = c.fit ? ` A log-linear fit gives ${c.fit.factorPerYear.toFixed(1)}× cheaper per year (90% interval ${c.fit.ci90.low.toFixed(1)}–${c.fit.ci90.high.toFixed(1)}).` : "";
  return `${c.title} (${c.subtitle}): from ${money(first.price)} per 1M tokens (${first.modelName}, ${day(first.date)}) to ${money(last.price)} (${last.modelName}, ${day(last.date)}), ${c.points.length} models each cheaper than all before.${trend}`;
}

/** The chart as a standalone SVG document (fonts: one sans family, black on white for mail clients). */
export function digestChartSvg(c: DigestChart): string {
  const w = CHART_WIDTH;
  const h = CHART_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Geist, Arial, Helvetica, sans-serif">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${M.left}" y="18" font-size="14" font-weight="700" fill="#14161a">${esc(c.title)}</text>`,
    `<text x="${M.left}" y="34" font-size="11" fill="#5b6270">${esc(c.subtitle)}</text>`,
  ];
  if (c.points.length === 0) {
    parts.push(`<text x="${w / 2}" y="${h / 2}" font-size="12" text-anchor="middle" fill="#5b6270">No model qualifies yet</text></svg>`);
    return parts.join("");
  }
  const xs = c.points.map((p) => p.date.getTime());
  const ys = c.points.map((p) => p.price);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 86_400_000);
  const lo = Math.floor(Math.log10(Math.min(...ys)));
  const hi = Math.ceil(Math.log10(Math.max(...ys)) + 1e-9) || lo + 1;
  const top = hi === lo ? lo + 1 : hi;
  const px = (t: number) => M.left + ((t - x0) / (x1 - x0)) * (w - M.left - M.right);
  const py = (v: number) => M.top + ((top - Math.log10(v)) / (top - lo)) * (h - M.top - M.bottom);
  // decade grid lines with their prices
  for (let e = lo; e <= top; e++) {
    const y = py(10 ** e).toFixed(1);
    parts.push(`<line x1="${M.left}" x2="${w - M.right}" y1="${y}" y2="${y}" stroke="#e3e6eb"/>`);
    parts.push(`<text x="${M.left - 6}" y="${y}" dy="4" font-size="10" text-anchor="end" fill="#5b6270">${esc(money(10 ** e))}</text>`);
  }
  // a tick per year
  for (let year = new Date(x0).getUTCFullYear(); year <= new Date(x1).getUTCFullYear(); year++) {
    const t = Date.UTC(year, 0, 1);
    if (t < x0 || t > x1) continue;
    const x = px(t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${M.top}" y2="${h - M.bottom}" stroke="#f0f1f4"/>`);
    parts.push(`<text x="${x}" y="${h - M.bottom + 14}" font-size="10" text-anchor="middle" fill="#5b6270">${year}</text>`);
  }
  if (c.fit) {
    const [a, b] = c.fit.line;
    parts.push(`<line class="fit" x1="${px(a.date.getTime()).toFixed(1)}" y1="${py(a.price).toFixed(1)}" x2="${px(b.date.getTime()).toFixed(1)}" y2="${py(b.price).toFixed(1)}" stroke="#b42318" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${w - M.right}" y="${M.top - 4}" font-size="11" text-anchor="end" fill="#b42318">${c.fit.factorPerYear.toFixed(1)}× cheaper per year</text>`);
  }
  // the running minimum as steps, then the points
  const step = c.points.map((p, i) => `${i === 0 ? "M" : "H"}${px(p.date.getTime()).toFixed(1)}${i === 0 ? "," + py(p.price).toFixed(1) : ` V${py(p.price).toFixed(1)}`}`).join(" ");
  parts.push(`<path d="${step}" fill="none" stroke="#2451b7" stroke-width="1.5"/>`);
  for (const p of c.points) {
    parts.push(`<circle class="point" cx="${px(p.date.getTime()).toFixed(1)}" cy="${py(p.price).toFixed(1)}" r="3.5" fill="#2451b7"><title>${esc(`${p.modelName}, ${day(p.date)}: ${money(p.price)}`)}</title></circle>`);
  }
  const last = c.points[c.points.length - 1]!;
  parts.push(`<text x="${Math.min(px(last.date.getTime()) + 6, w - M.right - 4).toFixed(1)}" y="${(py(last.price) - 6).toFixed(1)}" font-size="10" text-anchor="end" fill="#14161a">${esc(last.modelName)} ${esc(money(last.price))}</text>`);
  parts.push("</svg>");
  return parts.join("");
}
