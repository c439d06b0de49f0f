import { describe, expect, it } from "vitest";
import { observeRequest, renderMetrics, type MetricsRegistry } from "./metrics";

describe("metrics", () => {
  it("counts requests and fills cumulative latency buckets by route and status", () => {
    const reg: MetricsRegistry = { series: new Map() };
    observeRequest("/api/v1/frontier", "GET", 200, 0.004, reg);
    observeRequest("/api/v1/frontier", "GET", 200, 0.03, reg);
    observeRequest("/api/v1/frontier", "GET", 400, 0.001, reg);
    const text = renderMetrics(reg, [{ source: "curated", status: "succeeded", runs: 3, lastFinishedAt: new Date("2026-01-01T00:00:00Z") }], { startedAt: 0, now: 1 });
    expect(text).toContain('frontierwatch_http_requests_total{route="/api/v1/frontier",method="GET",status="200"} 2');
    expect(text).toContain('frontierwatch_http_requests_total{route="/api/v1/frontier",method="GET",status="400"} 1');
    expect(text).toContain('frontierwatch_http_request_duration_seconds_bucket{route="/api/v1/frontier",method="GET",status="200",le="0.005"} 1');
    expect(text).toContain('frontierwatch_http_request_duration_seconds_bucket{route="/api/v1/frontier",method="GET",status="200",le="0.05"} 2');
    expect(text).toContain('frontierwatch_http_request_duration_seconds_bucket{route="/api/v1/frontier",method="GET",status="200",le="+Inf"} 2');
    expect(text).toContain('frontierwatch_ingest_runs{source="curated",status="succeeded"} 3');
    expect(text).toContain("frontierwatch_ingest_last_finished_timestamp_seconds{source=\"curated\",status=\"succeeded\"} 1767225600");
    expect(text).toContain("frontierwatch_ingest_runs_up 1");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("escapes label values and says when the database could not be read", () => {
    const reg: MetricsRegistry = { series: new Map() };
    observeRequest('/odd"\\\n', "GET", 404, 0.1, reg);
    const text = renderMetrics(reg, null, { startedAt: 0, now: 1 });
    expect(text).toContain('route="/odd\\"\\\\\\n"');
    expect(text).toContain("frontierwatch_ingest_runs_up 0");
    expect(text).not.toContain("frontierwatch_ingest_runs{");
  });
});
