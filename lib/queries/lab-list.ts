/** GET /api/v1/labs: labs with their model counts, open-weights share and release span, keyset-paginated. */
import { getPool } from "../db";
import { isoDay } from "../dates";
import type { LabDto, ListLabsQuery, ListLabsResponse } from "../schemas/catalogue";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";

// labs without models have no release: they sort last both ways
const SORT_KEYS: Record<ListLabsQuery["sort"], SortKey> = {
  ...bothWays("name", "x.name", "text", "x.id"),
  ...bothWays("models", "x.models", "int", "x.id"),
  latest_release: { expr: "coalesce(x.latest_release, DATE '9999-12-31')", type: "date", desc: false, id: "x.id" },
  "-latest_release": { expr: "coalesce(x.latest_release, DATE '0001-01-01')", type: "date", desc: true, id: "x.id" },
};

interface LabSql extends KeyedRow {
  id: number;
  slug: string;
  name: string;
  country: string | null;
  kind: LabDto["kind"];
  website: string | null;
  source_url: string;
  source: string;
  run_id: number;
  snapshot_id: number | null;
  updated_at: Date;
  models: number;
  open_models: number;
  first_release: Date | null;
  latest_release: Date | null;
}

export async function listLabsPage(q: ListLabsQuery): Promise<ListLabsResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const inner: string[] = ["TRUE"];
  if (q.country) inner.push(`l.country = ${param(q.country)}`);
  if (q.kind) inner.push(`l.kind = ${param(q.kind)}`);
  // strpos, not LIKE: a % or _ in the search is a character, not a wildcard
  if (q.q) inner.push(`(strpos(lower(l.name), lower(${param(q.q)})) > 0 OR strpos(l.slug, lower($${values.length})) > 0)`);
  const outer: string[] = [];
  if (q.has_open !== undefined) outer.push(q.has_open ? "x.open_models > 0" : "x.open_models = 0");
  if (q.min_open_share !== undefined) outer.push(`x.models > 0 AND x.open_models >= ${param(q.min_open_share)}::float8 * x.models`);
  outer.push(seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values));
  const r = await getPool().query<LabSql>(
    `SELECT x.*, ${keyColumns(key)} FROM (
       SELECT l.id, l.slug, l.name, l.country, l.kind, l.website, l.source_url, s.slug AS source, l.run_id, l.snapshot_id, l.updated_at,
              count(m.id)::int AS models, (count(m.id) FILTER (WHERE m.open_weights))::int AS open_models,
              min(m.released_on) AS first_release, max(m.released_on) AS latest_release
       FROM labs l JOIN sources s ON s.id = l.source_id LEFT JOIN models m ON m.lab_id = l.id
       WHERE ${inner.join(" AND ")}
       GROUP BY l.id, s.slug
     ) x
     WHERE ${outer.join(" AND ")}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, (l) => ({
    slug: l.slug, name: l.name, country: l.country, kind: l.kind, website: l.website, sourceUrl: l.source_url,
    models: l.models, openModels: l.open_models, openShare: l.models > 0 ? l.open_models / l.models : null,
    firstRelease: l.first_release ? isoDay(l.first_release) : null, latestRelease: l.latest_release ? isoDay(l.latest_release) : null,
    provenance: { source: l.source, runId: l.run_id, snapshotId: l.snapshot_id, updatedAt: l.updated_at.toISOString() },
  }));
}
