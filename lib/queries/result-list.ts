/** GET /api/v1/results: benchmark results with their provenance, keyset-paginated. */
import { getPool } from "../db";
import { isoDay } from "../dates";
import type { ListResultsQuery, ListResultsResponse, ResultDto } from "../schemas/results";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";
import { idOfSlug } from "./lookup";

const SORT_KEYS: Record<ListResultsQuery["sort"], SortKey> = {
  ...bothWays("measured", "br.measured_on", "date", "br.id"),
  ...bothWays("score", "br.score", "float", "br.id"),
};

export interface ResultSql {
  id: number;
  model_slug: string;
  model_name: string;
  lab_slug: string;
  benchmark_slug: string;
  benchmark_name: string;
  unit: ResultDto["benchmark"]["unit"];
  higher_is_better: boolean;
  score: number;
  measured_on: Date;
  settings: string;
  cost_usd: number | null;
  source: string;
  source_url: string | null;
  run_id: number;
  snapshot_id: number | null;
}

/** The columns of a result row, for any query over `benchmark_results br` with the joins below. */
export const RESULT_COLUMNS = `br.id, m.slug AS model_slug, m.name AS model_name, l.slug AS lab_slug, b.slug AS benchmark_slug, b.name AS benchmark_name, b.unit, b.higher_is_better,
  br.score, br.measured_on, br.settings, br.cost_usd, s.slug AS source, br.source_url, br.run_id, br.snapshot_id`;
export const RESULT_JOINS = `JOIN models m ON m.id = br.model_id JOIN labs l ON l.id = m.lab_id JOIN benchmarks b ON b.id = br.benchmark_id JOIN sources s ON s.id = br.source_id`;

export function toResult(r: ResultSql): ResultDto {
  return {
    id: r.id,
    model: { slug: r.model_slug, name: r.model_name, lab: r.lab_slug },
    benchmark: { slug: r.benchmark_slug, name: r.benchmark_name, unit: r.unit, higherIsBetter: r.higher_is_better },
    score: r.score,
    measuredOn: isoDay(r.measured_on),
    settings: r.settings,
    costUsd: r.cost_usd,
    source: r.source,
    sourceUrl: r.source_url,
    runId: r.run_id,
    snapshotId: r.snapshot_id,
  };
}

export async function listResults(q: ListResultsQuery): Promise<ListResultsResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const where: string[] = [];
  if (q.benchmark) where.push(`br.benchmark_id = ${param(await idOfSlug("benchmarks", q.benchmark, "benchmark"))}`);
  if (q.model) where.push(`br.model_id = ${param(await idOfSlug("models", q.model, "model"))}`);
  if (q.lab) where.push(`m.lab_id = ${param(await idOfSlug("labs", q.lab, "lab"))}`);
  if (q.source) where.push(`br.source_id = ${param(await idOfSlug("sources", q.source, "source"))}`);
  if (q.since) where.push(`br.measured_on >= ${param(q.since)}::date`);
  where.push(seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values));
  const r = await getPool().query<ResultSql & KeyedRow>(
    `SELECT ${RESULT_COLUMNS}, ${keyColumns(key)}
     FROM benchmark_results br ${RESULT_JOINS}
     WHERE ${where.join(" AND ")}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, toResult);
}
