/**
 * Prometheus metrics of the API, kept in this process's memory (the text exposition format is
 * written by hand: two metric kinds do not need a client library). Every instance of the web tier
 * counts only the requests it served: scrape each instance (Prometheus sums them); counters start
 * again from zero when a process restarts, which Prometheus' rate() handles.
 */

/** Latency buckets in seconds: the API's goal is a p99 under 50 ms. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  route: string;
  method: string;
  status: string;
  count: number;
  sum: number;
  buckets: number[];
}

export interface MetricsRegistry {
  series: Map<string, Series>;
}

// one registry per process, surviving Next.js dev reloads of this module
const g = globalThis as typeof globalThis & { __frontierwatchMetrics?: MetricsRegistry };
export function getRegistry(): MetricsRegistry {
  return (g.__frontierwatchMetrics ??= { series: new Map() });
}

export function observeRequest(route: string, method: string, status: number, seconds: number, registry: MetricsRegistry = getRegistry()): void {
  const key = `${route}\u0000${method}\u0000${status}`;
  let s = registry.series.get(key);
  if (!s) {
    s = { route, method, status: String(status), count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) };
    registry.series.set(key, s);
  }
  s.count++;
  s.sum += seconds;
  for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) s.buckets[i]!++;
}

/** A label value escaped as the exposition format wants (backslash, quote, newline). */
export function labelValue(v: string): string {
  return v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

const labels = (l: Record<string, string>) => `{${Object.entries(l).map(([k, v]) => `${k}="${labelValue(v)}"`).join(",")}}`;

export interface IngestRunCount {
  source: string;
  status: string;
  runs: number;
  lastFinishedAt: Date | null;
}

export function renderMetrics(registry: MetricsRegistry, runs: IngestRunCount[] | null, process: { startedAt: number; now: number }): string {
  const out: string[] = [];
  const series = [...registry.series.values()].sort((a, b) => (a.route + a.method + a.status < b.route + b.method + b.status ? -1 : 1));
  out.push("# HELP frontierwatch_http_requests_total API requests served by this process, by route template, method and status.");
  out.push("# TYPE frontierwatch_http_requests_total counter");
  for (const s of series) out.push(`frontierwatch_http_requests_total${labels({ route: s.route, method: s.method, status: s.status })} ${s.count}`);
  out.push("# HELP frontierwatch_http_request_duration_seconds Time from the request reaching the route handler to its response, by route template, method and status.");
  out.push("# TYPE frontierwatch_http_request_duration_seconds histogram");
  for (const s of series) {
    const l = { route: s.route, method: s.method, status: s.status };
    LATENCY_BUCKETS.forEach((b, i) => out.push(`frontierwatch_http_request_duration_seconds_bucket${labels({ ...l, le: String(b) })} ${s.buckets[i]}`));
    out.push(`frontierwatch_http_request_duration_seconds_bucket${labels({ ...l, le: "+Inf" })} ${s.count}`);
    out.push(`frontierwatch_http_request_duration_seconds_sum${labels(l)} ${s.sum}`);
    out.push(`frontierwatch_http_request_duration_seconds_count${labels(l)} ${s.count}`);
  }
  out.push("# HELP frontierwatch_process_start_time_seconds When this web process started (counters above start from zero then).");
  out.push("# TYPE frontierwatch_process_start_time_seconds gauge");
  out.push(`frontierwatch_process_start_time_seconds ${process.startedAt / 1000}`);
  if (runs) {
    out.push("# HELP frontierwatch_ingest_runs Ingest runs recorded in the database, by source and status (the same value from every instance).");
    out.push("# TYPE frontierwatch_ingest_runs gauge");
    for (const r of runs) out.push(`frontierwatch_ingest_runs${labels({ source: r.source, status: r.status })} ${r.runs}`);
    out.push("# HELP frontierwatch_ingest_last_finished_timestamp_seconds When the last run of a source with this status finished.");
    out.push("# TYPE frontierwatch_ingest_last_finished_timestamp_seconds gauge");
    for (const r of runs) if (r.lastFinishedAt) out.push(`frontierwatch_ingest_last_finished_timestamp_seconds${labels({ source: r.source, status: r.status })} ${r.lastFinishedAt.getTime() / 1000}`);
  }
  out.push("# HELP frontierwatch_ingest_runs_up 1 when the ingest runs could be read from the database.");
  out.push("# TYPE frontierwatch_ingest_runs_up gauge");
  out.push(`frontierwatch_ingest_runs_up ${runs ? 1 : 0}`);
  return `${out.join("\n")}\n`;
}
