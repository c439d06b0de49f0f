/**
 * For the DB tests of the precomputed analytics: models of a test's own, and checks that the
 * skylines (lib/precompute/skylines.ts) kept by refreshes equal a rebuild, and that the reads they
 * serve equal the pure functions over the ledger. The curated dataset must be loaded.
 */
import { beforeAll, expect } from "vitest";
import { runSource } from "../../ingest/run-source";
import { getPool } from "../db";
import { refreshAnalytics } from "../precompute/refresh-analytics";
import { emptyTouch, refreshSkylines } from "../precompute/skylines";
import { getPriceTrend } from "../queries/analytics";
import { computePriceTrend } from "../queries/analytics-live";
import { getCheapestAtCapability } from "../queries/trends";
import { cheapestQuery } from "../schemas/trends";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** Before a file's tests: the curated dataset loaded and the precomputed tables refreshed. */
export function useCuratedAnalytics(): void {
  beforeAll(async () => {
    await runSource(getPool(), "curated", "test");
    await refreshAnalytics(getPool());
  }, 120_000);
}

/** The skylines and candidates as kept by the refreshes equal those rebuilt from scratch. */
export async function expectSkylinesAsRebuilt(): Promise<void> {
  const read = async (c: { query: (sql: string) => Promise<{ rows: unknown[] }> }) => ({
    cheapest: (await c.query(`SELECT benchmark_id, month, points FROM cheapest_skylines ORDER BY benchmark_id, month`)).rows,
    candidates: (await c.query(`SELECT * FROM trend_candidates ORDER BY benchmark_id, mode, observed_at, model_id`)).rows,
  });
  const client = await getPool().connect();
  try {
    const kept = await read(client);
    await client.query("BEGIN");
    try {
      await refreshSkylines(client, emptyTouch(), new Date(), true);
      const rebuilt = await read(client);
      expect(kept.candidates.length).toBeGreaterThan(100);
      expect(kept.cheapest).toEqual(rebuilt.cheapest);
      expect(kept.candidates).toEqual(rebuilt.candidates);
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    client.release();
  }
}

/** The reads served from the skylines equal the pure functions over the ledger (a pending mark makes them read it). */
export async function expectSkylineReadsMatchLedger(): Promise<void> {
  const window = { from: d("2024-02-10"), to: d("2024-12-31") };
  const cases = [["mmlu", 0, { input: 3, output: 1 }], ["gpqa-diamond", 60, { input: 1, output: 1 }], ["gpqa-diamond", 70, { input: 0, output: 1 }]] as const;
  for (const [benchmark, score, mix] of cases) {
    expect(await getPriceTrend(benchmark, { score }, window, { mix })).toEqual(await computePriceTrend(benchmark, { score }, window, { mix }));
    const q = cheapestQuery.parse({ benchmark, threshold: String(score), mix: `${mix.input}:${mix.output}`, from: "2024-01-01", to: "2024-12-31" });
    const fast = await getCheapestAtCapability(q);
    const b = (await getPool().query<{ id: number }>(`SELECT id FROM benchmarks WHERE slug = $1`, [benchmark])).rows[0]!.id;
    await getPool().query(`INSERT INTO analytics_dirty (kind, id) VALUES ('benchmark', $1)`, [b]);
    try {
      expect(fast).toEqual(await getCheapestAtCapability(q));
    } finally {
      await getPool().query(`DELETE FROM analytics_dirty WHERE kind = 'benchmark' AND id = $1`, [b]);
    }
  }
}

/**
 * A model of a test's own, sold by one host (prices [from, to, input, output]), with MMLU scores;
 * removeModels deletes every model whose slug starts with a prefix, with its rows.
 */
export async function addModel(slug: string, releasedOn: string, prices: [string, string | null, number, number][], mmlu: number): Promise<number> {
  const db = getPool();
  const src = (await db.query<{ id: number }>(`SELECT id FROM sources WHERE slug = 'curated'`)).rows[0]!.id;
  const run = (await db.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, status, trigger) VALUES ($1, 'succeeded', 'test') RETURNING id`, [src])).rows[0]!.id;
  const model = (await db.query<{ id: number }>(
    `INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, reasoning, domain, source_url, source_id, run_id)
     SELECT $1, $1, id, 'test', $2, true, 'mit', false, 'general', 'https://example.invalid', $3, $4 FROM labs WHERE slug = 'deepseek' RETURNING id`,
    [slug, releasedOn, src, run],
  )).rows[0]!.id;
  const offering = (await db.query<{ id: number }>(
    `INSERT INTO offerings (model_id, provider_id, source_id) SELECT $1, id, $2 FROM providers WHERE slug = 'together' RETURNING id`, [model, src],
  )).rows[0]!.id;
  for (const [from, to, input, output] of prices) {
    await db.query(`INSERT INTO price_points (offering_id, valid_from, valid_to, input_usd, output_usd, source_id, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [offering, from, to, input, output, src, run]);
  }
  await db.query(
    `INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_id, run_id) SELECT $1, id, $2, $3, $4, $5 FROM benchmarks WHERE slug = 'mmlu'`,
    [model, mmlu, releasedOn, src, run],
  );
  return model;
}

export async function removeModels(prefix: string): Promise<void> {
  const db = getPool();
  const ids = (await db.query<{ id: number }>(`SELECT id FROM models WHERE slug LIKE $1`, [`${prefix}%`])).rows.map((r) => r.id);
  await db.query(`DELETE FROM price_points WHERE offering_id IN (SELECT id FROM offerings WHERE model_id = ANY($1::int[]))`, [ids]);
  await db.query(`DELETE FROM offerings WHERE model_id = ANY($1::int[])`, [ids]);
  await db.query(`DELETE FROM benchmark_results WHERE model_id = ANY($1::int[])`, [ids]);
  await db.query(`DELETE FROM models WHERE id = ANY($1::int[])`, [ids]);
  await refreshAnalytics(db);
}
