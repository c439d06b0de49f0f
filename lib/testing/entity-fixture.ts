/**
 * Rows for the DB tests of the API's entity reads (lib/queries/*-list.ts, price-ledger.ts,
 * model-profile.ts): two labs, three models, two providers on rare hardware, three offerings, a
 * price ledger from two sources with a correction, results and news items. Every slug carries a
 * unique tag and the rows come from two sources of their own (a catalogue with a raw snapshot, and a
 * price feed) in a country no other test uses, so no other test's rows change these answers and
 * these rows change no other test's (the curated dataset's own checks, the frontier by country).
 * The curated dataset is loaded first, for its benchmarks and for the hand-checked tests.
 */
import type pg from "pg";
import { runSource } from "../../ingest/run-source";
import { uniqueTag } from "./db";

export interface EntityFixture {
  tag: string;
  s: (name: string) => string;
  /** the catalogue source of the labs, models, providers, most prices and results */
  catalogSource: string;
  catalogRunId: number;
  snapshotId: number;
  /** a second price and score source */
  otherSource: string;
  otherRunId: number;
}

/** The fixture's country (Bouvet Island): no lab, model or provider of the data or another test is there. */
export const FIXTURE_COUNTRY = "BV";

export async function makeEntityFixture(db: pg.Pool): Promise<EntityFixture> {
  await runSource(db, "curated", "test");
  const tag = uniqueTag("ent");
  const s = (name: string) => `${name}-${tag}`;
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
  const source = async (slug: string, kind: string) => {
    const id = await one(`INSERT INTO sources (slug, name, kind) VALUES ($1, $2, $3) RETURNING id`, [slug, `Test ${kind} ${tag}`, kind]);
    return [id, await one(`INSERT INTO ingest_runs (source_id, status, trigger, finished_at) VALUES ($1, 'succeeded', 'test', now()) RETURNING id`, [id])] as const;
  };
  const [catalogSourceId, catalogRunId] = await source(s("catalog"), "catalog");
  const [otherSourceId, otherRunId] = await source(s("feed"), "prices");
  // every row traces to the bytes it came from, as ingested rows do (a curated DB test checks every table)
  const snapshot = async (sourceId: number, runId: number, name: string) => {
    const id = await one(`INSERT INTO raw_snapshots (source_id, sha256, url, byte_size, content) VALUES ($1, encode(sha256($2::bytea), 'hex'), $3, octet_length($2::bytea), $2::bytea) RETURNING id`, [sourceId, Buffer.from(`${name} ${tag}`), `https://example.org/${name}`]);
    await db.query(`INSERT INTO ingest_run_snapshots (run_id, snapshot_id) VALUES ($1, $2)`, [runId, id]);
    return id;
  };
  const snapshotId = await snapshot(catalogSourceId, catalogRunId, "catalog.yaml");
  const catalog = [catalogSourceId, catalogRunId, snapshotId];
  const other = [otherSourceId, otherRunId, await snapshot(otherSourceId, otherRunId, "feed.json")];

  const lab = await one(`INSERT INTO labs (slug, name, country, kind, website, source_url, source_id, run_id, snapshot_id) VALUES ($1, $2, $3, 'academic', 'https://example.org', 'https://example.org/lab', $4, $5, $6) RETURNING id`, [s("lab"), `Lab ${tag}`, FIXTURE_COUNTRY, ...catalog]);
  await one(`INSERT INTO labs (slug, name, country, kind, source_url, source_id, run_id, snapshot_id) VALUES ($1, $2, $3, 'community', 'https://example.org/lab2', $4, $5, $6) RETURNING id`, [s("quiet-lab"), `Quiet lab ${tag}`, FIXTURE_COUNTRY, ...catalog]);
  const model = (slug: string, released: string, open: boolean) =>
    one(`INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, params_total_b, context_window, modalities, reasoning, domain, source_url, source_id, run_id, snapshot_id)
         VALUES ($1, $2, $3, 'fixture', $4, $5, 'MIT', 7, 32000, '{text}', false, 'math', 'https://example.org/model', $6, $7, $8) RETURNING id`, [slug, slug.toUpperCase(), lab, released, open, ...catalog]);
  const a = await model(s("alpha"), "2024-03-01", true);
  const b = await model(s("beta"), "2024-09-01", true);
  const c = await model(s("gamma"), "2025-01-15", false);

  const provider = (slug: string, kind: string, hardware: string, regions: string[], labId: number | null, policy: [boolean | null, boolean | null, boolean | null]) =>
    one(`INSERT INTO providers (slug, name, kind, hardware, country, regions, lab_id, retains_prompts, trains_on_prompts, zero_data_retention, source_url, source_id, run_id, snapshot_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'https://example.org/provider', $11, $12, $13) RETURNING id`, [slug, `Provider ${slug}`, kind, hardware, FIXTURE_COUNTRY, regions, labId, ...policy, ...catalog]);
  const own = await provider(s("api"), "first_party", "wse", [s("region")], lab, [false, false, true]);
  const host = await provider(s("host"), "gpu_cloud", "rdu", [], null, [null, null, null]);
  const offering = (modelId: number, providerId: number, quantization: string) =>
    one(`INSERT INTO offerings (model_id, provider_id, quantization, source_id) VALUES ($1, $2, $3, $4) RETURNING id`, [modelId, providerId, quantization, catalog[0]]);
  const aOwn = await offering(a, own, "");
  const aHost = await offering(a, host, "fp8");
  const cOwn = await offering(c, own, "");

  const price = (offeringId: number, prov: number[], tier: string, from: string, to: string | null, input: number, output: number, extra: { cached?: number; superseded?: string } = {}) =>
    db.query(`INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, cached_input_usd, superseded_at, observed_at, source_url, source_id, run_id, snapshot_id)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2024-01-01', $9, $10, $11, $12)`,
      [offeringId, tier, from, to, input, output, extra.cached ?? null, extra.superseded ?? null, `https://example.org/price/${tier}/${from}`, ...prov]);
  await price(aOwn, catalog, "standard", "2024-03-01", "2024-06-01", 2, 6, { cached: 0.5 });
  await price(aOwn, catalog, "standard", "2024-06-01", null, 1, 3);
  await price(aOwn, catalog, "batch", "2024-06-01", null, 0.5, 1.5);
  await price(aOwn, other, "standard", "2024-07-01", null, 1, 3);
  await price(aHost, other, "standard", "2024-05-01", "2024-08-01", 0.9, 0.9);
  // a correction: the first reading of 1 August was wrong; the row stays, marked superseded
  await price(aHost, other, "standard", "2024-08-01", null, 5, 5, { superseded: "2024-09-01" });
  await price(aHost, other, "standard", "2024-08-01", null, 0.8, 0.8);
  await price(cOwn, catalog, "standard", "2025-01-15", null, 10, 30);

  const result = (modelId: number, benchmark: string, score: number, measured: string, prov: number[], settings = "") =>
    db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, source_url, source_id, run_id, snapshot_id)
              SELECT $1, id, $2, $3, $4, 'https://example.org/score', $5, $6, $7 FROM benchmarks WHERE slug = $8`,
      [modelId, score, measured, settings, ...prov, benchmark]);
  await result(a, "mmlu", 70, "2024-03-01", catalog);
  await result(a, "mmlu", 72.5, "2024-09-01", other);
  await result(a, "gpqa-diamond", 40, "2024-03-01", catalog, "0-shot");
  await result(a, "gpqa-diamond", 40, "2024-05-01", other, "rerun");
  await result(b, "mmlu", 75, "2024-09-01", catalog);

  const news = (title: string, published: string) =>
    one(`INSERT INTO news_items (url, title, published_at, feed, summary, source_id, run_id) VALUES ($1, $2, $3, 'fixture-feed', '<p>summary</p>', $4, $5) RETURNING id`,
      [`https://example.org/${tag}/${title}`, title, published, catalogSourceId, catalogRunId]);
  const n1 = await news("first", "2025-02-01T10:00:00Z");
  const n2 = await news("same-minute", "2025-02-01T10:00:00Z");
  const n3 = await news("gamma-out", "2025-03-01T08:30:00Z");
  await db.query(`INSERT INTO news_item_labs (news_item_id, lab_id) VALUES ($1, $3), ($2, $3)`, [n1, n2, lab]);
  await db.query(`INSERT INTO news_item_models (news_item_id, model_id) VALUES ($1, $2), ($3, $4)`, [n1, a, n3, c]);

  return { tag, s, catalogSource: s("catalog"), catalogRunId, snapshotId, otherSource: s("feed"), otherRunId };
}

/** Every page of a keyset list, following nextCursor; fails on a repeated row. */
export async function collectPages<Q extends { cursor?: string; limit: number }, T>(
  list: (q: Q) => Promise<{ data: T[]; nextCursor: string | null }>,
  query: Q,
  idOf: (row: T) => string | number,
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  const seen = new Set<string | number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list({ ...query, cursor });
    pages++;
    for (const r of page.data) {
      const id = idOf(r);
      if (seen.has(id)) throw new Error(`row ${id} came twice (page ${pages})`);
      seen.add(id);
      rows.push(r);
    }
    if (page.nextCursor && page.data.length !== query.limit) throw new Error(`a page of ${page.data.length} rows (limit ${query.limit}) has a next cursor`);
    cursor = page.nextCursor ?? undefined;
    if (pages > 10_000) throw new Error("no last page");
  } while (cursor);
  return { rows, pages };
}
