/** Ingest runs for the public API: newest first, keyset-paginated by id. */
import { getPool } from "../db";
import { ApiError } from "../errors";
import type { ListRunsQuery, ListRunsResponse, RunDto } from "../schemas/runs";

const encodeCursor = (id: number) => Buffer.from(`r:${id}`).toString("base64url");
function decodeCursor(cursor: string): number {
  const m = /^r:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new ApiError("invalid_request", "Invalid query parameter: cursor: not a cursor returned by this API", [{ field: "cursor", message: "not a cursor returned by this API" }]);
  return Number(m[1]);
}

export async function listRuns(q: ListRunsQuery): Promise<ListRunsResponse> {
  const before = q.cursor ? decodeCursor(q.cursor) : null;
  const r = await getPool().query<{ id: number; source: string; status: RunDto["status"]; trigger: string; started_at: Date; finished_at: Date | null; inserted: number; updated: number; unchanged: number; rejected: number; match_rate: number | null; message: string | null }>(
    `SELECT r.id, s.slug AS source, r.status, r.trigger, r.started_at, r.finished_at, r.inserted, r.updated, r.unchanged, r.rejected, r.match_rate, r.message
     FROM ingest_runs r JOIN sources s ON s.id = r.source_id
     WHERE ($1::text IS NULL OR s.slug = $1) AND ($2::text IS NULL OR r.status = $2) AND ($3::int IS NULL OR r.id < $3)
     ORDER BY r.id DESC LIMIT $4`,
    [q.source ?? null, q.status ?? null, before, q.limit + 1],
  );
  const page = r.rows.slice(0, q.limit);
  return {
    data: page.map((x) => ({
      id: x.id, source: x.source, status: x.status, trigger: x.trigger, startedAt: x.started_at.toISOString(), finishedAt: x.finished_at?.toISOString() ?? null,
      inserted: x.inserted, updated: x.updated, unchanged: x.unchanged, rejected: x.rejected, matchRate: x.match_rate, message: x.message,
    })),
    nextCursor: r.rows.length > q.limit ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}

/** Runs by source and status, for /api/metrics. */
export async function countRunsBySourceAndStatus(): Promise<{ source: string; status: string; runs: number; lastFinishedAt: Date | null }[]> {
  const r = await getPool().query<{ source: string; status: string; runs: number; last_finished: Date | null }>(
    `SELECT s.slug AS source, r.status, count(*)::int AS runs, max(r.finished_at) AS last_finished
     FROM ingest_runs r JOIN sources s ON s.id = r.source_id GROUP BY s.slug, r.status ORDER BY s.slug, r.status`,
  );
  return r.rows.map((x) => ({ source: x.source, status: x.status, runs: x.runs, lastFinishedAt: x.last_finished }));
}
