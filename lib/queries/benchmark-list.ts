/** GET /api/v1/benchmarks: the benchmarks, with how many results and models each has. */
import { getPool } from "../db";
import { isoDay } from "../dates";
import type { BenchmarkDto, ListBenchmarksQuery, ListBenchmarksResponse } from "../schemas/catalogue";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";

const SORT_KEYS: Record<ListBenchmarksQuery["sort"], SortKey> = {
  ...bothWays("name", "x.name", "text", "x.id"),
  ...bothWays("results", "x.results", "int", "x.id"),
};

interface BenchmarkSql extends KeyedRow {
  id: number;
  slug: string;
  name: string;
  category: BenchmarkDto["category"];
  unit: BenchmarkDto["unit"];
  higher_is_better: boolean;
  scale_min: number;
  scale_max: number;
  description: string;
  source_url: string;
  results: number;
  models: number;
  latest_measured_on: Date | null;
}

export async function listBenchmarks(q: ListBenchmarksQuery): Promise<ListBenchmarksResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const inner: string[] = ["TRUE"];
  if (q.category) inner.push(`b.category = ${param(q.category)}`);
  if (q.unit) inner.push(`b.unit = ${param(q.unit)}`);
  const seek = seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values);
  const r = await getPool().query<BenchmarkSql>(
    `SELECT x.*, ${keyColumns(key)} FROM (
       SELECT b.id, b.slug, b.name, b.category, b.unit, b.higher_is_better, b.scale_min, b.scale_max, b.description, b.source_url,
              count(br.id)::int AS results, count(DISTINCT br.model_id)::int AS models, max(br.measured_on) AS latest_measured_on
       FROM benchmarks b LEFT JOIN benchmark_results br ON br.benchmark_id = b.id
       WHERE ${inner.join(" AND ")}
       GROUP BY b.id
     ) x
     WHERE ${seek}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, (b) => ({
    slug: b.slug, name: b.name, category: b.category, unit: b.unit, higherIsBetter: b.higher_is_better,
    scale: { min: b.scale_min, max: b.scale_max }, description: b.description, sourceUrl: b.source_url,
    results: b.results, models: b.models, latestMeasuredOn: b.latest_measured_on ? isoDay(b.latest_measured_on) : null,
  }));
}
