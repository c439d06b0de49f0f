/** Reads for the releases and news page: every model release, and the news feed items with their links. */
import { getPool } from "../db";
import { isoDay } from "../dates";

export interface Release {
  slug: string;
  name: string;
  releasedOn: string;
  openWeights: boolean;
  reasoning: boolean;
  lab: { slug: string; name: string };
  sourceUrl: string;
}

export async function listReleases(): Promise<Release[]> {
  const r = await getPool().query<{ slug: string; name: string; released_on: Date; open_weights: boolean; reasoning: boolean; lab_slug: string; lab_name: string; source_url: string }>(
    `SELECT m.slug, m.name, m.released_on, m.open_weights, m.reasoning, l.slug AS lab_slug, l.name AS lab_name, m.source_url
     FROM models m JOIN labs l ON l.id = m.lab_id ORDER BY m.released_on DESC, m.name`,
  );
  return r.rows.map((m) => ({ slug: m.slug, name: m.name, releasedOn: isoDay(m.released_on), openWeights: m.open_weights, reasoning: m.reasoning, lab: { slug: m.lab_slug, name: m.lab_name }, sourceUrl: m.source_url }));
}

export interface NewsItemDto {
  title: string;
  url: string;
  publishedAt: string;
  feed: string;
  labs: { slug: string; name: string }[];
  models: { slug: string; name: string }[];
}

export async function listNewsItems(limit = 500): Promise<NewsItemDto[]> {
  const r = await getPool().query<{ title: string; url: string; published_at: Date; feed: string; labs: { slug: string; name: string }[] | null; models: { slug: string; name: string }[] | null }>(
    `SELECT n.title, n.url, n.published_at, n.feed,
            (SELECT json_agg(json_build_object('slug', l.slug, 'name', l.name) ORDER BY l.name) FROM news_item_labs nl JOIN labs l ON l.id = nl.lab_id WHERE nl.news_item_id = n.id) AS labs,
            (SELECT json_agg(json_build_object('slug', m.slug, 'name', m.name) ORDER BY m.name) FROM news_item_models nm JOIN models m ON m.id = nm.model_id WHERE nm.news_item_id = n.id) AS models
     FROM news_items n ORDER BY n.published_at DESC LIMIT $1`, [limit],
  );
  return r.rows.map((n) => ({ title: n.title, url: n.url, publishedAt: n.published_at.toISOString(), feed: n.feed, labs: n.labs ?? [], models: n.models ?? [] }));
}
