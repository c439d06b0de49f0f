/**
 * The price ledger and one model's profile, as the API reads them: on the curated dataset (answers
 * checked by hand against prisma/seed/models/deepseek.yaml) and on rows this file makes itself
 * (lib/testing/entity-fixture.ts). Windows are half-open: valid_from inclusive, valid_to exclusive.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listPricesQuery, modelPricesQuery, PRICE_SORTS, type ListPricesQuery, type PriceRowDto } from "../schemas/prices";
import { collectPages, FIXTURE_COUNTRY, makeEntityFixture, type EntityFixture } from "../testing/entity-fixture";
import { useTestDatabase } from "../testing/db";
import { getModelProfileOrThrow } from "./model-profile";
import { listModelPrices, listPrices, priceLedgerPageSql } from "./price-ledger";

const { pool } = useTestDatabase();
let f: EntityFixture;

beforeAll(async () => {
  f = await makeEntityFixture(pool());
}, 180_000);

const q = (raw: Record<string, string>): ListPricesQuery => listPricesQuery.parse(raw);
const day = (iso: string | null) => iso?.slice(0, 10) ?? null;
/** A row as [provider, tier, from, to, input, output], the way the seed files write prices. */
const brief = (r: PriceRowDto) => [r.provider.slug, r.tier, day(r.validFrom), day(r.validTo), r.input, r.output];
const byTier = (a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]));

describe("the curated ledger, checked by hand (deepseek-v3: list price, launch promotion, off-peak tier, retired 2025-03-24)", () => {
  const onDay = async (asOf: string) => (await listPrices(q({ model: "deepseek-v3", source: "curated", as_of: asOf, limit: "200" }))).data.map(brief).sort(byTier);
  const standard = ["deepseek", "standard", "2024-12-26", "2025-03-24", 0.27, 1.1];
  const promo = ["deepseek", "promo", "2024-12-26", "2025-02-08", 0.14, 0.28];
  const offPeak = ["deepseek", "off-peak", "2025-02-26", "2025-03-24", 0.135, 0.55];

  it("keeps every row of the history with its validity window", async () => {
    const all = await listModelPrices("deepseek-v3", modelPricesQuery.parse({ source: "curated", sort: "valid_from" }));
    expect(all.data.map(brief).sort(byTier)).toEqual([offPeak, promo, standard]);
    expect(all.nextCursor).toBeNull();
    const row = all.data.find((r) => r.tier === "standard")!;
    expect(row).toMatchObject({ cachedInput: 0.07, cacheWrite: null, quantization: "", model: { slug: "deepseek-v3", name: "DeepSeek-V3" }, provider: { slug: "deepseek", kind: "first_party", hardware: "gpu" } });
    expect(row.sourceUrl).toBe("https://api-docs.deepseek.com/news/news1226");
  });

  it("as_of picks the rows in force: valid_from inclusive, valid_to exclusive", async () => {
    expect(await onDay("2024-12-25")).toEqual([]);
    expect(await onDay("2024-12-26")).toEqual([promo, standard]);
    expect(await onDay("2025-02-07")).toEqual([promo, standard]);
    expect(await onDay("2025-02-08")).toEqual([standard]);
    expect(await onDay("2025-02-25")).toEqual([standard]);
    expect(await onDay("2025-02-26")).toEqual([offPeak, standard]);
    expect(await onDay("2025-03-23")).toEqual([offPeak, standard]);
    expect(await onDay("2025-03-24")).toEqual([]);
  });

  it("from and to select the prices that took effect in [from, to)", async () => {
    const window = async (from: string, to: string) => (await listPrices(q({ model: "deepseek-v3", source: "curated", from, to }))).data.map(brief).sort(byTier);
    expect(await window("2025-02-01", "2025-03-01")).toEqual([offPeak]);
    expect(await window("2024-12-26", "2025-02-26")).toEqual([promo, standard]);
    expect(await window("2024-12-27", "2025-02-26")).toEqual([]);
  });

  it("traces every row to its source, a curated run and the snapshot of the file it came from", async () => {
    const rows = (await listPrices(q({ model: "deepseek-v3", source: "curated" }))).data;
    for (const r of rows) {
      const run = (await pool().query<{ source: string; status: string }>(`SELECT s.slug AS source, r.status FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE r.id = $1`, [r.runId])).rows[0];
      expect(run, `run ${r.runId}`).toMatchObject({ source: "curated" });
      expect(r.snapshotId).not.toBeNull();
      const snap = (await pool().query<{ url: string | null; source: string }>(`SELECT rs.url, s.slug AS source FROM raw_snapshots rs JOIN sources s ON s.id = rs.source_id WHERE rs.id = $1`, [r.snapshotId])).rows[0];
      expect(snap?.source).toBe("curated");
      expect(snap?.url ?? "").toContain("deepseek.yaml");
    }
  });

  it("as_of over the whole curated ledger is exactly the rows whose window holds 00:00 UTC of the day", async () => {
    const everything = (await collectPages(listPrices, q({ source: "curated", limit: "200" }), (r) => r.id)).rows;
    expect(everything.length).toBeGreaterThan(700);
    // days where one row ends and another starts, so both ends of the rule are exercised on each
    const starts = new Set(everything.map((r) => day(r.validFrom)));
    const boundaries = [...new Set(everything.map((r) => day(r.validTo)).filter((d): d is string => d !== null && starts.has(d)))].sort();
    expect(boundaries.length).toBeGreaterThan(10);
    const days = [...boundaries.filter((_, i) => i % Math.ceil(boundaries.length / 8) === 0), "2023-03-01", "2026-01-01"];
    for (const d of days) {
      const t = Date.parse(`${d}T00:00:00Z`);
      const expected = everything.filter((r) => Date.parse(r.validFrom) <= t && (r.validTo === null || t < Date.parse(r.validTo))).map((r) => r.id).sort((a, b) => a - b);
      const got = (await collectPages(listPrices, q({ source: "curated", as_of: d, limit: "200" }), (r) => r.id)).rows.map((r) => r.id).sort((a, b) => a - b);
      expect(got, d).toEqual(expected);
      expect(expected.length, d).toBeGreaterThan(0);
    }
  });
});

describe("the ledger on rows this file makes: sources, tiers and a correction", () => {
  const rowsOf = async (raw: Record<string, string>) => (await listModelPrices(f.s("alpha"), modelPricesQuery.parse(raw))).data;
  const cells = (rows: PriceRowDto[]) => rows.map((r) => [r.provider.slug.replace(`-${f.tag}`, ""), r.tier, r.source === f.catalogSource ? "catalog" : "feed", day(r.validFrom), day(r.validTo), r.input, r.supersededAt ? "superseded" : "current"]);

  it("lists the current ledger newest first by default, and the corrected row only when asked", async () => {
    expect(cells(await rowsOf({}))).toEqual([
      ["host", "standard", "feed", "2024-08-01", null, 0.8, "current"],
      ["api", "standard", "feed", "2024-07-01", null, 1, "current"],
      // the same start day: the row recorded last comes first
      ["api", "batch", "catalog", "2024-06-01", null, 0.5, "current"],
      ["api", "standard", "catalog", "2024-06-01", null, 1, "current"],
      ["host", "standard", "feed", "2024-05-01", "2024-08-01", 0.9, "current"],
      ["api", "standard", "catalog", "2024-03-01", "2024-06-01", 2, "current"],
    ]);
    const withCorrection = await rowsOf({ include_superseded: "true" });
    expect(withCorrection).toHaveLength(7);
    expect(withCorrection.find((r) => r.supersededAt)).toMatchObject({ input: 5, supersededAt: "2024-09-01T00:00:00.000Z", source: f.otherSource, runId: f.otherRunId });
  });

  it("as_of a day where one row ends and its successor starts gives the successor only", async () => {
    const on = async (d: string, extra: Record<string, string> = {}) => cells(await rowsOf({ as_of: d, sort: "id", ...extra })).map((c) => c.join(" "));
    expect(await on("2024-07-31")).toEqual(["api standard catalog 2024-06-01  1 current", "api batch catalog 2024-06-01  0.5 current", "api standard feed 2024-07-01  1 current", "host standard feed 2024-05-01 2024-08-01 0.9 current"]);
    expect(await on("2024-08-01")).toEqual(["api standard catalog 2024-06-01  1 current", "api batch catalog 2024-06-01  0.5 current", "api standard feed 2024-07-01  1 current", "host standard feed 2024-08-01  0.8 current"]);
    expect(await on("2024-08-01", { include_superseded: "true" })).toContain("host standard feed 2024-08-01  5 superseded");
    expect(await on("2024-02-29")).toEqual([]);
  });

  it("filters by provider, source, tier and the window the price took effect in", async () => {
    expect((await rowsOf({ provider: f.s("host") })).map((r) => r.input)).toEqual([0.8, 0.9]);
    expect((await rowsOf({ source: f.otherSource, sort: "valid_from" })).map((r) => r.input)).toEqual([0.9, 1, 0.8]);
    expect((await rowsOf({ tier: "batch" })).map((r) => r.input)).toEqual([0.5]);
    expect(cells(await rowsOf({ from: "2024-06-01", to: "2024-08-01", sort: "id" })).map((c) => `${c[0]} ${c[1]} ${c[3]}`)).toEqual(["api standard 2024-06-01", "api batch 2024-06-01", "api standard 2024-07-01"]);
    // /prices?model= is the same ledger as /models/{slug}/prices
    expect((await listPrices(q({ model: f.s("alpha") }))).data).toEqual(await rowsOf({}));
  });

  it("names the parameter when a slug matches nothing (404), and refuses as_of with from/to (400)", async () => {
    await expect(listModelPrices(f.s("nope"), modelPricesQuery.parse({}))).rejects.toMatchObject({ code: "not_found", details: [{ field: "slug" }] });
    await expect(listPrices(q({ provider: f.s("nope") }))).rejects.toMatchObject({ code: "not_found", details: [{ field: "provider" }] });
    await expect(listPrices(q({ source: f.s("nope") }))).rejects.toMatchObject({ code: "not_found", details: [{ field: "source" }] });
    await expect(listPrices(q({ model: f.s("nope") }))).rejects.toMatchObject({ code: "not_found", details: [{ field: "model" }] });
    expect(listPricesQuery.safeParse({ as_of: "2025-01-01", from: "2024-01-01" }).error?.issues[0]?.path).toEqual(["as_of"]);
    expect(listPricesQuery.safeParse({ from: "2025-01-02", to: "2025-01-01" }).error?.issues[0]?.path).toEqual(["from"]);
  });
});

describe("cursor pages of the ledger", () => {
  const idOrder = (sort: ListPricesQuery["sort"]) => (a: PriceRowDto, b: PriceRowDto) => {
    const dir = sort.startsWith("-") ? -1 : 1;
    const byKey = sort.endsWith("valid_from") ? Date.parse(a.validFrom) - Date.parse(b.validFrom) : 0;
    return dir * (byKey || a.id - b.id);
  };

  it.each(PRICE_SORTS)("concatenate to the whole ledger, in order, with no row twice or missing (sort=%s)", async (sort) => {
    const whole = await pool().query<{ id: number }>(`SELECT id FROM price_points`);
    const { rows, pages } = await collectPages(listPrices, q({ sort, limit: "97", include_superseded: "true" }), (r) => r.id);
    expect(pages).toBeGreaterThan(5);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(whole.rows.map((r) => r.id).sort((a, b) => a - b));
    expect(rows).toEqual([...rows].sort(idOrder(sort)));
    // many rows share a start day: the pages cut through ties and still lose nothing
    const small = await collectPages(listPrices, q({ sort, limit: "13", source: "curated", as_of: "2025-06-01" }), (r) => r.id);
    const large = await collectPages(listPrices, q({ sort, limit: "200", source: "curated", as_of: "2025-06-01" }), (r) => r.id);
    expect(small.rows.length).toBeGreaterThan(100);
    expect(small.rows).toEqual(large.rows);
    expect(small.rows).toEqual([...small.rows].sort(idOrder(sort)));
  });

  it("refuse a cursor made for another sort", async () => {
    const first = await listPrices(q({ sort: "valid_from", limit: "2" }));
    await expect(listPrices(q({ sort: "-valid_from", limit: "2", cursor: first.nextCursor! }))).rejects.toMatchObject({ code: "invalid_request", details: [{ field: "cursor" }] });
  });

  it("seek through an index on a big ledger: a deep page reads its own rows and never sorts the table", async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const offering = (await client.query<{ id: number }>(`SELECT o.id FROM offerings o JOIN models m ON m.id = o.model_id WHERE m.slug = $1 AND o.quantization = 'fp8'`, [f.s("alpha")])).rows[0]!.id;
      // 120,000 more rows, one a minute, in this transaction only (rolled back below)
      await client.query(
        `INSERT INTO price_points (offering_id, tier, valid_from, valid_to, input_usd, output_usd, source_id, run_id)
         SELECT $1, 'flex', timestamptz '2010-01-01' + g * interval '1 minute', timestamptz '2010-01-01' + (g + 1) * interval '1 minute', 1, 1, source_id, run_id
         FROM generate_series(1, 120000) g, (SELECT source_id, run_id FROM price_points LIMIT 1) p`,
        [offering],
      );
      await client.query("ANALYZE price_points");
      for (const sort of PRICE_SORTS) {
        const first = (await client.query(priceLedgerPageSql({ includeSuperseded: false }, sort, undefined, 50))).rows as { sort_value: Date | number; sort_id: number }[];
        // a cursor 50 rows in, then the page after it
        const last = first[49]!;
        const cursor = Buffer.from(JSON.stringify([sort, last.sort_value instanceof Date ? last.sort_value.toISOString() : last.sort_value, Number(last.sort_id)])).toString("base64url");
        const sql = priceLedgerPageSql({ includeSuperseded: false }, sort, cursor, 50);
        const plan = (await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values)).rows[0]!["QUERY PLAN"];
        const nodes: { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; "Actual Loops": number }[] = [];
        const walk = (n: Record<string, unknown>) => {
          nodes.push(n as (typeof nodes)[number]);
          for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
        };
        walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan);
        expect(nodes.map((n) => n["Node Type"]), sort).not.toContain("Sort");
        const scan = nodes.find((n) => n["Relation Name"] === "price_points")!;
        expect(scan["Node Type"], sort).toMatch(/Index/);
        expect(scan["Index Name"], sort).toBe(sort.endsWith("id") ? "price_points_pkey" : "price_points_valid_from_id_idx");
        expect(scan["Actual Rows"] * scan["Actual Loops"], `${sort}: rows read from the ledger`).toBeLessThanOrEqual(51);
      }
    } finally {
      await client.query("ROLLBACK");
      client.release();
      await pool().query("ANALYZE price_points");
    }
  });
});

describe("a model's profile", () => {
  it("has the curated facts of deepseek-v3, checked by hand", async () => {
    const m = await getModelProfileOrThrow("deepseek-v3");
    expect(m).toMatchObject({
      slug: "deepseek-v3", name: "DeepSeek-V3", lab: { slug: "deepseek", name: "DeepSeek", country: "CN" }, family: "deepseek-v3", releasedOn: "2024-12-26",
      openWeights: true, license: "DeepSeek-License", params: { totalB: 671, activeB: 37 }, contextWindow: 128000, modalities: ["text"], reasoning: false,
      domain: "general", status: "deprecated", deprecatedOn: "2025-03-24", sourceUrl: "https://api-docs.deepseek.com/news/news1226", provenance: { source: "curated" },
    });
    // the best GPQA Diamond result is the highest of every source's; among the curated ones it is
    // the paper's 59.1 (2024-12-26), not Epoch AI's later 56.5
    const gpqa = m.bestScores.find((s) => s.benchmark.slug === "gpqa-diamond")!;
    const scores = (await pool().query<{ score: number; source: string; measured_on: Date }>(
      `SELECT br.score, s.slug AS source, br.measured_on FROM benchmark_results br JOIN models m ON m.id = br.model_id JOIN benchmarks b ON b.id = br.benchmark_id JOIN sources s ON s.id = br.source_id
       WHERE m.slug = 'deepseek-v3' AND b.slug = 'gpqa-diamond' ORDER BY br.score DESC`,
    )).rows;
    expect(scores.filter((x) => x.source === "curated").map((x) => [x.score, day(x.measured_on.toISOString())])).toEqual([[59.1, "2024-12-26"], [56.5, "2025-05-01"]]);
    expect(gpqa.score).toBe(scores[0]!.score);
    expect(gpqa.score).toBeGreaterThanOrEqual(59.1);
  });

  it("takes, per offering and tier, the current row that took effect last, across sources", async () => {
    const history = (await collectPages((x) => listModelPrices("deepseek-v3", x), modelPricesQuery.parse({ limit: "200" }), (r) => r.id)).rows;
    const latest = new Map<string, PriceRowDto>();
    for (const r of history) {
      const k = `${r.offeringId}/${r.tier}`;
      const cur = latest.get(k);
      if (!cur || r.validFrom > cur.validFrom || (r.validFrom === cur.validFrom && (r.observedAt > cur.observedAt || (r.observedAt === cur.observedAt && r.id > cur.id)))) latest.set(k, r);
    }
    const m = await getModelProfileOrThrow("deepseek-v3");
    expect(m.latestPrices.map((r) => r.id).sort((a, b) => a - b)).toEqual([...latest.values()].map((r) => r.id).sort((a, b) => a - b));
    expect(m.latestPrices.length).toBeGreaterThanOrEqual(3);
  });

  it("on rows this file makes: the newest row per offering and tier, never a superseded one; the best score in each benchmark's direction", async () => {
    const m = await getModelProfileOrThrow(f.s("alpha"));
    expect(m.latestPrices.map((r) => [r.provider.slug.replace(`-${f.tag}`, ""), r.quantization, r.tier, day(r.validFrom), r.input, r.source === f.catalogSource ? "catalog" : "feed"])).toEqual([
      ["api", "", "batch", "2024-06-01", 0.5, "catalog"],
      ["api", "", "standard", "2024-07-01", 1, "feed"],
      ["host", "fp8", "standard", "2024-08-01", 0.8, "feed"],
    ]);
    expect(m.bestScores.map((r) => [r.benchmark.slug, r.score, r.measuredOn, r.settings])).toEqual([
      ["gpqa-diamond", 40, "2024-03-01", "0-shot"],
      ["mmlu", 72.5, "2024-09-01", ""],
    ]);
    expect(m.bestScores.find((r) => r.benchmark.slug === "mmlu")).toMatchObject({ source: f.otherSource, runId: f.otherRunId, sourceUrl: "https://example.org/score" });
    expect(m).toMatchObject({ lab: { slug: f.s("lab"), country: FIXTURE_COUNTRY }, domain: "math", params: { totalB: 7, activeB: null }, provenance: { source: f.catalogSource, runId: f.catalogRunId, snapshotId: f.snapshotId } });
    expect(m.latestPrices.find((r) => r.tier === "batch")).toMatchObject({ runId: f.catalogRunId, snapshotId: f.snapshotId });
  });

  it("takes the lowest score as the best where lower is better", async () => {
    // a benchmark of its own, removed afterwards: other tests count the benchmarks that have results
    const db = pool();
    const bench = (await db.query<{ id: number }>(`INSERT INTO benchmarks (slug, name, category, unit, higher_is_better, scale_min, scale_max, description, source_url)
      VALUES ($1, 'Error rate', 'coding', 'percent', false, 0, 100, 'fixture: lower is better', 'https://example.org/bench') RETURNING id`, [f.s("errors")])).rows[0]!.id;
    try {
      const model = (await db.query<{ id: number }>(`SELECT id FROM models WHERE slug = $1`, [f.s("beta")])).rows[0]!.id;
      const { rows: [src] } = await db.query<{ source_id: number; run_id: number }>(`SELECT source_id, run_id FROM models WHERE id = $1`, [model]);
      for (const [score, on] of [[30, "2024-03-01"], [20, "2024-06-01"], [25, "2024-09-01"]] as const) {
        await db.query(`INSERT INTO benchmark_results (model_id, benchmark_id, score, measured_on, source_id, run_id, snapshot_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [model, bench, score, on, src!.source_id, src!.run_id, f.snapshotId]);
      }
      const best = (await getModelProfileOrThrow(f.s("beta"))).bestScores.map((r) => [r.benchmark.slug, r.benchmark.higherIsBetter, r.score, r.measuredOn]);
      expect(best).toEqual([[f.s("errors"), false, 20, "2024-06-01"], ["mmlu", true, 75, "2024-09-01"]]);
    } finally {
      await db.query(`DELETE FROM benchmark_results WHERE benchmark_id = $1`, [bench]);
      await db.query(`DELETE FROM benchmarks WHERE id = $1`, [bench]);
      await db.query(`DELETE FROM analytics_dirty WHERE kind = 'benchmark' AND id = $1`, [bench]);
    }
  });

  it("is a 404 naming the slug when no model has it", async () => {
    await expect(getModelProfileOrThrow(f.s("nope"))).rejects.toMatchObject({ code: "not_found", details: [{ field: "slug" }] });
  });
});
