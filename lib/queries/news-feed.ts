/** GET /api/v1/news: feed items with the labs and models they are linked to, newest first. */
import { getPool } from "../db";
import type { ListNewsQuery, ListNewsResponse, NewsItemApiDto } from "../schemas/results";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";
import { idOfSlug } from "./lookup";

const SORT_KEYS: Record<ListNewsQuery["sort"], SortKey> = {
  ...bothWays("published", "n.published_at", "timestamptz", "n.id"),
};

interface NewsSql extends KeyedRow {
  id: number;
  title: string;
  url: string;
  published_at: Date;
  feed: string;
  summary: string | null;
  labs: NewsItemApiDto["labs"] | null;
  models: NewsItemApiDto["models"] | null;
  source: string;
  run_id: number;
}

export async function listNews(q: ListNewsQuery): Promise<ListNewsResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  const where: string[] = [];
  if (q.lab) where.push(`EXISTS (SELECT 1 FROM news_item_labs x WHERE x.news_item_id = n.id AND x.lab_id = ${param(await idOfSlug("labs", q.lab, "lab"))})`);
  if (q.model) where.push(`EXISTS (SELECT 1 FROM news_item_models x WHERE x.news_item_id = n.id AND x.model_id = ${param(await idOfSlug("models", q.model, "model"))})`);
  // a day is 00:00 UTC onwards, whatever the session's time zone
  if (q.since) where.push(`n.published_at >= (${param(q.since)}::date::timestamp AT TIME ZONE 'UTC')`);
  where.push(seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values));
  const r = await getPool().query<NewsSql>(
    `SELECT n.id, n.title, n.url, n.published_at, n.feed, n.summary, s.slug AS source, n.run_id, ${keyColumns(key)},
            (SELECT json_agg(json_build_object('slug', l.slug, 'name', l.name) ORDER BY l.slug) FROM news_item_labs nl JOIN labs l ON l.id = nl.lab_id WHERE nl.news_item_id = n.id) AS labs,
            (SELECT json_agg(json_build_object('slug', m.slug, 'name', m.name) ORDER BY m.slug) FROM news_item_models nm JOIN models m ON m.id = nm.model_id WHERE nm.news_item_id = n.id) AS models
     FROM news_items n JOIN sources s ON s.id = n.source_id
     WHERE ${where.join(" AND ")}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, (n) => ({
    id: n.id, title: n.title, url: n.url, publishedAt: n.published_at.toISOString(), feed: n.feed, summary: n.summary,
    labs: n.labs ?? [], models: n.models ?? [], source: n.source, runId: n.run_id,
  }));
}
