/** GET /api/v1/providers: who serves models, on what hardware, under which jurisdiction and data policy. */
import { getPool } from "../db";
import type { ListProvidersQuery, ListProvidersResponse, ProviderDto } from "../schemas/catalogue";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";
import { idOfSlug } from "./lookup";

const SORT_KEYS: Record<ListProvidersQuery["sort"], SortKey> = {
  ...bothWays("name", "x.name", "text", "x.id"),
  ...bothWays("models", "x.models", "int", "x.id"),
};

interface ProviderSql extends KeyedRow {
  id: number;
  slug: string;
  name: string;
  kind: ProviderDto["kind"];
  hardware: ProviderDto["hardware"];
  country: string;
  regions: string[];
  lab_slug: string | null;
  lab_name: string | null;
  retains_prompts: boolean | null;
  trains_on_prompts: boolean | null;
  zero_data_retention: boolean | null;
  data_policy_url: string | null;
  website: string | null;
  source_url: string;
  source: string;
  run_id: number;
  snapshot_id: number | null;
  updated_at: Date;
  models: number;
  offerings: number;
}

export async function listProvidersPage(q: ListProvidersQuery): Promise<ListProvidersResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const inner: string[] = ["TRUE"];
  if (q.kind) inner.push(`p.kind = ${param(q.kind)}`);
  if (q.hardware) inner.push(`p.hardware = ${param(q.hardware)}`);
  if (q.country) inner.push(`p.country = ${param(q.country)}`);
  if (q.region) inner.push(`${param(q.region)} = ANY(p.regions)`);
  if (q.lab) inner.push(`p.lab_id = ${param(await idOfSlug("labs", q.lab, "lab"))}`);
  // an unconfirmed policy (null) matches neither true nor false
  if (q.retains_prompts !== undefined) inner.push(`p.retains_prompts = ${param(q.retains_prompts)}`);
  if (q.trains_on_prompts !== undefined) inner.push(`p.trains_on_prompts = ${param(q.trains_on_prompts)}`);
  if (q.zero_data_retention !== undefined) inner.push(`p.zero_data_retention = ${param(q.zero_data_retention)}`);
  if (q.q) inner.push(`(strpos(lower(p.name), lower(${param(q.q)})) > 0 OR strpos(p.slug, lower($${values.length})) > 0)`);
  const seek = seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values);
  const r = await getPool().query<ProviderSql>(
    `SELECT x.*, ${keyColumns(key)} FROM (
       SELECT p.id, p.slug, p.name, p.kind, p.hardware, p.country, p.regions, l.slug AS lab_slug, l.name AS lab_name,
              p.retains_prompts, p.trains_on_prompts, p.zero_data_retention, p.data_policy_url, p.website, p.source_url,
              s.slug AS source, p.run_id, p.snapshot_id, p.updated_at,
              (SELECT count(DISTINCT o.model_id) FROM offerings o WHERE o.provider_id = p.id)::int AS models,
              (SELECT count(*) FROM offerings o WHERE o.provider_id = p.id)::int AS offerings
       FROM providers p JOIN sources s ON s.id = p.source_id LEFT JOIN labs l ON l.id = p.lab_id
       WHERE ${inner.join(" AND ")}
     ) x
     WHERE ${seek}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, (p) => ({
    slug: p.slug, name: p.name, kind: p.kind, hardware: p.hardware, country: p.country, regions: p.regions,
    lab: p.lab_slug && p.lab_name ? { slug: p.lab_slug, name: p.lab_name } : null,
    dataPolicy: { retainsPrompts: p.retains_prompts, trainsOnPrompts: p.trains_on_prompts, zeroDataRetention: p.zero_data_retention, url: p.data_policy_url },
    website: p.website, sourceUrl: p.source_url, models: p.models, offerings: p.offerings,
    provenance: { source: p.source, runId: p.run_id, snapshotId: p.snapshot_id, updatedAt: p.updated_at.toISOString() },
  }));
}
