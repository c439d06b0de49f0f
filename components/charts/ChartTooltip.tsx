"use client";
/**
 * The one tooltip of every chart: each value with its series, the date it applies to, and the
 * source it came from. Points carry `date` and `source` (strings) from their prepare-* function.
 */
interface TooltipEntry {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: string | number | ((obj: unknown) => unknown);
  payload?: { date?: string; source?: string; label?: string } & Record<string, unknown>;
}

export function ChartTooltip({ active, payload, label, format }: { active?: boolean; payload?: readonly TooltipEntry[]; label?: unknown; format: (v: number, dataKey?: string) => string }) {
  if (!active || !payload?.length) return null;
  const p = payload[0]!.payload ?? {};
  return (
    <div className="chart-tooltip">
      {p.label ?? (typeof label === "string" ? label : null) ? <p><strong>{String(p.label ?? label)}</strong></p> : null}
      {payload.map((e, i) => (
        <p key={i}><span style={{ color: e.color }}>■</span> {String(e.name ?? "")}: {typeof e.value === "number" ? format(e.value, typeof e.dataKey === "string" ? e.dataKey : undefined) : "—"}</p>
      ))}
      {p.date ? <p>Date: {p.date}</p> : null}
      {p.source ? <p className="src">Source: {p.source}</p> : null}
    </div>
  );
}
