/**
 * The dashboard's reads on rows this file makes itself (a lab, its models, a first-party and a
 * third-party provider, prices, scores, speeds, a news item), so other test files' data cannot
 * change the answers. Each row's slug carries a unique tag.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runSource } from "../../ingest/run-source";
import { uniqueTag, useTestDatabase } from "../testing/db";
import { getLab, getLabOrThrow, listLabs } from "./labs";
import { getModelDetail, getModelDetailOrThrow } from "./model-detail";
import { listNewsItems, listReleases } from "./news";
import { getProviderSpread, listProviders, listSpreadCandidates } from "./providers";

const { pool } = useTestDatabase();
const tag = uniqueTag("dash");
const s = (name: string) => `${name}-${tag}`;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  await runSource(pool(), "curated", "test"); // for a source, a run and the benchmarks
  const db = pool();
  const { rows: [run] } = await db.query<{ id: number; source_id: number }>(`SELECT r.id, r.source_id FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE s.slug = 'curated' ORDER BY r.id LIMIT 1`);
  const prov = [run!.source_id, run!.id];
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
  const lab = await one(`INSERT INTO labs (slug, name, country, kind, source_url, source_id, run_id) VALUES ($1, 'Test Lab', 'FR', 'startup', 'https://example.org/lab', $2, $3) RETURNING id`, [s("lab"), ...prov]);
  const model = (slug: string, released: string, open: boolean) =>
    one(`INSERT INTO models (slug, name, lab_id, family, released_on, open_weights, license, modalities, reasoning, domain, source_url, source_id, run_id)
         VALUES ($1, $2, $3, 'test', $4, $5, 'MIT', '{text}', false, 'general', 'https://example.org/model', $6, $7) RETURNING id`, [slug, slug.toUpperCase(), lab, released, open, ...prov]);
  const openModel = await model(s("open"), "2024-07-01", true);
  await model(s("closed"), "2025-02-01", false);
  const provider = (slug: string, kind: string, hardware: string, labId: number | null, trains: boolean | null) =>
    one(`INSERT INTO providers (slug, name, kind, hardware, country, regions, lab_id, trains_on_prompts, source_url, source_id, run_id)
         VALUES ($1, $2, $3, $4, 'US', '{us,eu}', $5, $6, 'https://example.org/provider', $7, $8) RETURNING id`, [slug, slug.toUpperCase(), kind, hardware, labId, trains, ...prov]);
  const firstParty = await provider(s("api"), "first_party", "gpu", lab, false);
  const host = await provider(s("host"), "specialised_hardware", "lpu", null, null);
  const offering = (providerId: number) => one(`INSERT INTO offerings (model_id, provider_id, source_id) VALUES ($1, $2, $3) RETURNING id`, [openModel, providerId, prov[0]]);
  const own = await offering(firstParty);
  const hosted = await offering(host);
  const price = (offeringId: number, from: string, to: string | null, input: number, output: number, tier = "standard") =>
    db.query(`INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, source_url, source_id, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [offeringId, tier, from, to, input, output, `https://example.org/price/${from}`, ...prov]);
  await price(own, "2024-07-01", "2025-01-01", 2, 6);
  await price(own, "2025-01-01", null, 1, 3);
  await price(own, "2025-01-01", null, 0.5, 1.5, "batch");
  await price(hosted, "2024-08-15", null, 0.6, 0.6);
  await db.query(`INSERT INTO throughput_samples (offering_id, measured_at, tokens_per_second, ttft_ms, source_id, run_id) VALUES ($1, '2025-01-10', 400, 200, $2, $3)`, [hosted, ...prov]);
  const result = (benchmark: string, score: number, measured: string) =>
    db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, settings, source_url, source_id, run_id) SELECT $1, id, $2, $3, '5-shot', 'https://example.org/score', $4, $5 FROM benchmarks WHERE slug = $6`,
      [openModel, score, measured, ...prov, benchmark]);
  await result("mmlu", 70.5, "2024-07-01");
  await result("mmlu", 72.25, "2024-09-01");
  await result("gpqa-diamond", 41, "2024-07-01");
  const news = await one(`INSERT INTO news_items (url, title, published_at, feed, source_id, run_id) VALUES ($1, 'Open model on new hosts', '2025-02-06T10:00:00Z', 'test-feed', $2, $3) RETURNING id`, [`https://example.org/${tag}`, ...prov]);
  await db.query(`INSERT INTO news_item_labs (news_item_id, lab_id) VALUES ($1, $2)`, [news, lab]);
  await db.query(`INSERT INTO news_item_models (news_item_id, model_id) VALUES ($1, $2)`, [news, openModel]);
}, 120_000);

describe("dashboard reads", () => {
  it("lists the lab with its model counts and release span", async () => {
    expect((await listLabs()).find((l) => l.slug === s("lab"))).toMatchObject({ name: "Test Lab", country: "FR", kind: "startup", models: 2, openModels: 1, firstRelease: "2024-07-01", latestRelease: "2025-02-01" });
  });

  it("a lab's page: models newest first, the best score per benchmark, the price valid on the date", async () => {
    const lab = (await getLab(s("lab"), day("2025-03-01")))!;
    expect(lab.models.map((m) => m.slug)).toEqual([s("closed"), s("open")]);
    const best = lab.bestScores.map((b) => [b.benchmark, b.score, b.measuredOn]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(best).toEqual([["gpqa-diamond", 41, "2024-07-01"], ["mmlu", 72.25, "2024-09-01"]]);
    // the first-party list price is the reference; the batch tier and the third-party host do not count
    expect(lab.prices).toEqual([{ model: s("open"), modelName: s("open").toUpperCase(), input: 1, output: 3, blended: 1.5, basis: "first-party", providers: [s("api")] }]);
    expect((await getLab(s("lab"), day("2024-08-01")))!.prices[0]).toMatchObject({ input: 2, output: 6, blended: 3 });
    expect(await getLab(s("nope"))).toBeNull();
    await expect(getLabOrThrow(s("nope"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("a model's page: every price row per provider and tier, results with source, providers with data policy, linked news", async () => {
    const m = await getModelDetailOrThrow(s("open"));
    expect(m.model).toMatchObject({ slug: s("open"), openWeights: true, lab: { slug: s("lab") } });
    expect(m.prices.map((p) => [p.providerSlug, p.tier, p.validFrom, p.validTo, p.input, p.output])).toEqual([
      [s("api"), "batch", "2025-01-01", null, 0.5, 1.5],
      [s("api"), "standard", "2024-07-01", "2025-01-01", 2, 6],
      [s("api"), "standard", "2025-01-01", null, 1, 3],
      [s("host"), "standard", "2024-08-15", null, 0.6, 0.6],
    ]);
    expect(m.results).toHaveLength(3);
    expect(m.results.every((r) => r.sourceUrl === "https://example.org/score" && r.source === "curated")).toBe(true);
    expect(m.offerings.map((o) => [o.providerSlug, o.hardware, o.trainsOnPrompts])).toEqual([[s("api"), "gpu", false], [s("host"), "lpu", null]]);
    expect(m.news.map((n) => n.title)).toEqual(["Open model on new hosts"]);
    expect(await getModelDetail(s("nope"))).toBeNull();
  });

  it("provider spread on a date: hosts with a price that day, speed, days to the first third-party host", async () => {
    const spread = (await getProviderSpread(s("open"), day("2025-03-01")))!;
    expect(spread.rows.map((r) => [r.providerSlug, r.blended, r.tokensPerSecond, r.validFrom])).toEqual([[s("host"), 0.6, 400, "2024-08-15"], [s("api"), 1.5, null, "2025-01-01"]]);
    expect(spread).toMatchObject({ hosts: 2, firstThirdPartyHost: { providerSlug: s("host"), validFrom: "2024-08-15" }, daysToFirstThirdPartyHost: 45 });
    const before = (await getProviderSpread(s("open"), day("2024-08-01")))!;
    expect(before.rows.map((r) => r.providerSlug)).toEqual([s("api")]);
    expect(before.firstThirdPartyHost).toBeNull();
    expect(await getProviderSpread(s("nope"))).toBeNull();
    expect((await listSpreadCandidates()).find((c) => c.slug === s("open"))).toEqual({ slug: s("open"), name: s("open").toUpperCase(), hosts: 2 });
  });

  it("providers, releases and news items with their links", async () => {
    expect((await listProviders()).find((p) => p.slug === s("api"))).toMatchObject({ kind: "first_party", regions: ["us", "eu"], models: 1 });
    expect((await listReleases()).filter((r) => r.lab.slug === s("lab")).map((r) => r.slug)).toEqual([s("closed"), s("open")]);
    expect((await listNewsItems()).find((n) => n.url === `https://example.org/${tag}`)).toEqual({
      title: "Open model on new hosts", url: `https://example.org/${tag}`, publishedAt: "2025-02-06T10:00:00.000Z", feed: "test-feed",
      labs: [{ slug: s("lab"), name: "Test Lab" }], models: [{ slug: s("open"), name: s("open").toUpperCase() }],
    });
  });
});
