import { apiRoute } from "../../../lib/api";
import { getRegistry, renderMetrics } from "../../../lib/metrics";
import { countRunsBySourceAndStatus } from "../../../lib/queries/runs";

export const dynamic = "force-dynamic";

const startedAt = Date.now();

/** Prometheus text exposition: this process's API requests, and the ingest runs in the database. */
export const GET = apiRoute(async () => {
  const runs = await countRunsBySourceAndStatus().catch(() => null);
  return new Response(renderMetrics(getRegistry(), runs, { startedAt, now: Date.now() }), {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
}, "/api/metrics");
