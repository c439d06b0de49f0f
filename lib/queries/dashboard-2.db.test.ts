/**
 * The frontier explorer's and the calculator's reads on rows this file makes itself (one lab of its
 * own, in a country no curated lab has, with open and proprietary models), so the filtered frontier
 * and the offers can be checked exactly whatever else the database holds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runSource } from "../../ingest/run-source";
import { uniqueTag, useTestDatabase } from "../testing/db";
import { listCalculatorOffers } from "./calculator";
import { getFilteredFrontier, getFrontierFacets } from "./frontier-filters";

const { pool } = useTestDatabase();
const tag = uniqueTag("dash2");
const s = (name: string) => `${name}-${tag}`;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const MMLU = { slug: "mmlu", name: "MMLU", unit: "percent" };

beforeAll(async () => {
  await runSource(pool(), "curated", "test");
  const db = pool();
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
  // a source, run and raw snapshot of its own: every row traces to the bytes it came from, as
  // ingested rows do (the curated DB test checks every table, whichever order the files run in)
  const sourceId = await one(`INSERT INTO sources (slug, name, kind) VALUES ($1, $2, 'catalog') RETURNING id`, [s("source"), `Test source ${tag}`]);
  const runId = await one(`INSERT INTO ingest_runs (source_id, status, trigger, finished_at) VALUES ($1, 'succeeded', 'test', now()) RETURNING id`, [sourceId]);
  const snapshotId = await one(
    `INSERT INTO raw_snapshots (source_id, sha256, url, byte_size, content) VALUES ($1, encode(sha256($2::bytea), 'hex'), 'https://example.org/dash2.yaml', octet_length($2::bytea), $2::bytea) RETURNING id`,
    [sourceId, Buffer.from(`dashboard fixture ${tag}`)],
  );
  await db.query(`INSERT INTO ingest_run_snapshots (run_id, snapshot_id) VALUES ($1, $2)`, [runId, snapshotId]);
  const prov = [sourceId, runId];
  const lab = await one(`INSERT INTO labs (slug, name, country, kind, source_url, source_id, run_id) VALUES ($1, 'Test Lab 2', 'AQ', 'startup', 'https://example.org/lab', $2, $3) RETURNING id`, [s("lab"), ...prov]);
  const api = await one(`INSERT INTO providers (slug, name, kind, hardware, country, regions, lab_id, source_url, source_id, run_id) VALUES ($1, 'API', 'first_party', 'gpu', 'AQ', '{}', $2, 'https://example.org/p', $3, $4) RETURNING id`, [s("api"), lab, ...prov]);
  const model = async (name: string, open: boolean, context: number | null, domain: string, input: number, output: number, mmlu: number, cached: number | null = null) => {
    const id = await one(`INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, context_window, modalities, reasoning, domain, source_url, source_id, run_id, snapshot_id)
      VALUES ($1, $1, $2, 'test', '2024-01-01', $3, 'MIT', $4, '{text}', false, $5, 'https://example.org/m', $6, $7, $8) RETURNING id`, [s(name), lab, open, context, domain, ...prov, snapshotId]);
    const offering = await one(`INSERT INTO offerings (model_id, provider_id, source_id) VALUES ($1, $2, $3) RETURNING id`, [id, api, prov[0]]);
    await db.query(`INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, cached_input_usd, source_url, source_id, run_id, snapshot_id) VALUES ($1, 'standard', '2024-01-01', NULL, $2, $3, $4, 'https://example.org/price', $5, $6, $7)`,
      [offering, input, output, cached, ...prov, snapshotId]);
    await db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_url, source_id, run_id, snapshot_id) SELECT $1, id, $2, '2024-01-01', 'https://example.org/s', $3, $4, $5 FROM benchmarks WHERE slug = 'mmlu'`, [id, mmlu, ...prov, snapshotId]);
  };
  // the proprietary model dominates both open ones; among open models, both are on the frontier
  await model("closed", false, 200_000, "general", 0.1, 0.1, 90, 0.01);
  await model("open-cheap", true, 8_000, "general", 0.2, 0.2, 60);
  await model("open-strong", true, 128_000, "code", 1, 1, 80);
  await model("open-dominated", true, 128_000, "general", 2, 2, 70);
}, 120_000);

describe("frontier with filters", () => {
  it("computes the Pareto set after filtering: the frontier among open models", async () => {
    const all = await getFilteredFrontier(MMLU, day("2025-01-01"), { labs: [s("lab")] });
    expect(all.available.map((e) => e.slug)).toEqual([s("closed"), s("open-cheap"), s("open-strong"), s("open-dominated")]);
    expect(all.pareto).toEqual([s("closed")]);
    const open = await getFilteredFrontier(MMLU, day("2025-01-01"), { labs: [s("lab")], open: true });
    expect(open.pareto).toEqual([s("open-cheap"), s("open-strong")]);
    expect(open.available.find((e) => e.slug === s("open-dominated"))!.onFrontier).toBe(false);
    expect(open.filteredOut).toBe(all.filteredOut + 1);
  });

  it("filters by lab country, minimum context window and domain", async () => {
    const aq = await getFilteredFrontier(MMLU, day("2025-01-01"), { country: "AQ" });
    expect(aq.available.map((e) => e.slug).sort()).toEqual([s("closed"), s("open-cheap"), s("open-dominated"), s("open-strong")].sort());
    expect(aq.available[0]).toMatchObject({ country: "AQ", labName: "Test Lab 2" });
    const long = await getFilteredFrontier(MMLU, day("2025-01-01"), { country: "AQ", minContext: 100_000, open: true });
    expect(long.available.map((e) => e.slug)).toEqual([s("open-strong"), s("open-dominated")]);
    const code = await getFilteredFrontier(MMLU, day("2025-01-01"), { country: "AQ", domain: "code" });
    expect(code.pareto).toEqual([s("open-strong")]);
    // before the models were released, nothing
    expect((await getFilteredFrontier(MMLU, day("2023-06-01"), { country: "AQ" })).available).toEqual([]);
  });

  it("lists the lab's country and the domains for the filters", async () => {
    const facets = await getFrontierFacets();
    expect(facets.countries).toContain("AQ");
    expect(facets.domains).toEqual(expect.arrayContaining(["code", "general"]));
    expect(facets.labs.find((l) => l.slug === s("lab"))).toEqual({ slug: s("lab"), name: "Test Lab 2", country: "AQ" });
  });
});

describe("calculator offers", () => {
  it("lists each offering's standard price valid now, with cached-input price and capability", async () => {
    const offers = (await listCalculatorOffers(day("2025-06-01"))).filter((o) => o.lab === s("lab"));
    expect(offers.map((o) => o.model).sort()).toEqual([s("closed"), s("open-cheap"), s("open-dominated"), s("open-strong")].sort());
    expect(offers.find((o) => o.model === s("closed"))).toMatchObject({ provider: s("api"), input: 0.1, output: 0.1, cachedInput: 0.01, reasoningPrice: null, validFrom: "2024-01-01", capability: { mmlu: 90 } });
    expect((await listCalculatorOffers(day("2023-06-01"))).filter((o) => o.lab === s("lab"))).toEqual([]);
  });
});
