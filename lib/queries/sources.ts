/** Reads about sources and their ingest runs: the data page and /api/v1/sources. */
import { getPool } from "../db";
import type { SourceStatusDto } from "../schemas/runs";

/** The shape is the API's (lib/schemas/runs.ts), written once. */
export type SourceStatus = SourceStatusDto;

export async function listSourceSlugs(): Promise<string[]> {
  const r = await getPool().query<{ slug: string }>(`SELECT slug FROM sources ORDER BY slug`);
  return r.rows.map((x) => x.slug);
}

export async function listSourceStatus(now: Date = new Date()): Promise<SourceStatus[]> {
  const r = await getPool().query<{
    slug: string; name: string; kind: string; url: string | null; schedule: string | null; runs: number; unmatched: number; last_success: Date | null;
    id: number | null; status: string | null; trigger: string | null; started_at: Date | null; finished_at: Date | null; inserted: number | null; updated: number | null; unchanged: number | null; rejected: number | null; match_rate: number | null; message: string | null;
  }>(
    `SELECT s.slug, s.name, s.kind, s.url, s.schedule,
            (SELECT count(*)::int FROM ingest_runs r WHERE r.source_id = s.id) AS runs,
            (SELECT count(*)::int FROM unmatched_aliases u WHERE u.source_id = s.id) AS unmatched,
            (SELECT max(finished_at) FROM ingest_runs r WHERE r.source_id = s.id AND r.status IN ('succeeded', 'partial')) AS last_success,
            l.id, l.status, l.trigger, l.started_at, l.finished_at, l.inserted, l.updated, l.unchanged, l.rejected, l.match_rate, l.message
     FROM sources s LEFT JOIN LATERAL (SELECT * FROM ingest_runs r WHERE r.source_id = s.id ORDER BY r.id DESC LIMIT 1) l ON true
     ORDER BY s.kind, s.slug`,
  );
  return r.rows.map((x) => ({
    slug: x.slug, name: x.name, kind: x.kind, url: x.url, schedule: x.schedule, runs: x.runs, unmatched: x.unmatched,
    lastSuccessAt: x.last_success?.toISOString() ?? null,
    ageHours: x.last_success ? Math.round((now.getTime() - x.last_success.getTime()) / 36e5 * 10) / 10 : null,
    lastRun: x.id === null ? null : {
      id: x.id, status: x.status!, trigger: x.trigger!, startedAt: x.started_at!.toISOString(), finishedAt: x.finished_at?.toISOString() ?? null,
      inserted: x.inserted!, updated: x.updated!, unchanged: x.unchanged!, rejected: x.rejected!, matchRate: x.match_rate, message: x.message,
    },
  }));
}

export interface UnmatchedAlias {
  source: string;
  alias: string;
  occurrences: number;
  lastSeenAt: string;
}

export async function listUnmatchedAliases(limit = 50): Promise<UnmatchedAlias[]> {
  const r = await getPool().query<{ source: string; alias: string; occurrences: number; last_seen_at: Date }>(
    `SELECT s.slug AS source, u.alias, u.occurrences, u.last_seen_at FROM unmatched_aliases u JOIN sources s ON s.id = u.source_id
     ORDER BY u.occurrences DESC, u.last_seen_at DESC, u.alias LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => ({ source: x.source, alias: x.alias, occurrences: x.occurrences, lastSeenAt: x.last_seen_at.toISOString() }));
}

export interface RecentRejection {
  source: string;
  runId: number;
  record: string;
  field: string;
  reason: string;
}

/** Rejections of each source's latest run, so the page shows what is wrong now. */
export async function listRecentRejections(limit = 50): Promise<RecentRejection[]> {
  const r = await getPool().query<{ source: string; run_id: number; record: string; field: string; reason: string }>(
    `SELECT s.slug AS source, l.id AS run_id, j->>'record' AS record, j->>'field' AS field, j->>'reason' AS reason
     FROM sources s JOIN LATERAL (SELECT id, rejections FROM ingest_runs r WHERE r.source_id = s.id AND r.status <> 'running' ORDER BY r.id DESC LIMIT 1) l ON true
     CROSS JOIN LATERAL jsonb_array_elements(l.rejections) AS j
     LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => ({ source: x.source, runId: x.run_id, record: x.record, field: x.field, reason: x.reason }));
}
