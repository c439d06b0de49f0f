/**
 * The API's lists of labs, providers, offerings, benchmarks, results and news: filters on rows this
 * file makes (lib/testing/entity-fixture.ts), facts of the curated dataset checked by hand against
 * prisma/seed, and cursor pages that concatenate to the whole list under every sort.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BENCHMARK_SORTS, LAB_SORTS, listBenchmarksQuery, listLabsQuery, listOfferingsQuery, listProvidersQuery, OFFERING_SORTS, PROVIDER_SORTS } from "../schemas/catalogue";
import { listNewsQuery, listResultsQuery, NEWS_SORTS, RESULT_SORTS } from "../schemas/results";
import { collectPages, FIXTURE_COUNTRY, makeEntityFixture, type EntityFixture } from "../testing/entity-fixture";
import { useTestDatabase } from "../testing/db";
import { listBenchmarks } from "./benchmark-list";
import { listLabsPage } from "./lab-list";
import { listNews } from "./news-feed";
import { listOfferings } from "./offering-list";
import { listProvidersPage } from "./provider-list";
import { listResults } from "./result-list";

const { pool } = useTestDatabase();
let f: EntityFixture;
beforeAll(async () => {
  f = await makeEntityFixture(pool());
}, 180_000);

const labs = (raw: Record<string, string>) => listLabsPage(listLabsQuery.parse(raw));
const providers = (raw: Record<string, string>) => listProvidersPage(listProvidersQuery.parse(raw));
const offerings = (raw: Record<string, string>) => listOfferings(listOfferingsQuery.parse(raw));
const results = (raw: Record<string, string>) => listResults(listResultsQuery.parse(raw));
const news = (raw: Record<string, string>) => listNews(listNewsQuery.parse(raw));
const untag = (slug: string) => slug.replace(`-${f.tag}`, "");

/** Pages of `limit` rows concatenate to the pages of 200 (the same order, nothing twice or missing). */
async function expectPagesAgree<T>(list: (q: { limit: number; cursor?: string }) => Promise<{ data: T[]; nextCursor: string | null }>, idOf: (r: T) => string | number, limit: number, atLeast: number) {
  const small = await collectPages(list, { limit }, idOf);
  const large = await collectPages(list, { limit: 200 }, idOf);
  expect(small.rows.length).toBeGreaterThanOrEqual(atLeast);
  expect(small.pages).toBeGreaterThan(2);
  expect(small.rows.map(idOf)).toEqual(large.rows.map(idOf));
  return small.rows;
}

const monotonic = <T>(rows: T[], key: (r: T) => number | string, desc: boolean) =>
  rows.every((r, i) => i === 0 || (desc ? key(rows[i - 1]!) >= key(r) : key(rows[i - 1]!) <= key(r)));

describe("labs", () => {
  it("count each lab's models, open-weights share and release span", async () => {
    const { data } = await labs({ q: f.tag });
    expect(data.map((l) => [untag(l.slug), l.models, l.openModels, l.openShare, l.firstRelease, l.latestRelease])).toEqual([
      ["lab", 3, 2, 2 / 3, "2024-03-01", "2025-01-15"],
      ["quiet-lab", 0, 0, null, null, null],
    ]);
    expect(data[0]).toMatchObject({ country: FIXTURE_COUNTRY, kind: "academic", website: "https://example.org", provenance: { source: f.catalogSource, runId: f.catalogRunId, snapshotId: f.snapshotId } });
  });

  it("filter by open weights, share, country, kind and name", async () => {
    const slugs = async (raw: Record<string, string>) => (await labs({ q: f.tag, ...raw })).data.map((l) => untag(l.slug));
    expect(await slugs({ has_open: "true" })).toEqual(["lab"]);
    expect(await slugs({ has_open: "false" })).toEqual(["quiet-lab"]);
    expect(await slugs({ min_open_share: "0.66" })).toEqual(["lab"]);
    expect(await slugs({ min_open_share: "0.67" })).toEqual([]);
    expect(await slugs({ min_open_share: "0" })).toEqual(["lab"]);
    expect(await slugs({ kind: "community" })).toEqual(["quiet-lab"]);
    expect(await slugs({ country: FIXTURE_COUNTRY.toLowerCase() })).toEqual(["lab", "quiet-lab"]);
    expect(await slugs({ country: "FR" })).toEqual([]);
    // labs without models sort last both ways
    expect(await slugs({ sort: "latest_release" })).toEqual(["lab", "quiet-lab"]);
    expect(await slugs({ sort: "-latest_release" })).toEqual(["lab", "quiet-lab"]);
    // a % in the search is a character, not a wildcard
    expect((await labs({ q: "%" })).data).toEqual([]);
  });

  it("have the curated facts, checked by hand (prisma/seed/labs.yaml)", async () => {
    const deepseek = (await labs({ q: "deepseek" })).data.find((l) => l.slug === "deepseek")!;
    expect(deepseek).toMatchObject({ name: "DeepSeek", country: "CN", kind: "frontier_lab", website: "https://www.deepseek.com", sourceUrl: "https://en.wikipedia.org/wiki/DeepSeek", provenance: { source: "curated" } });
    expect(deepseek.openModels).toBeGreaterThan(10);
    const french = (await labs({ country: "FR", limit: "200" })).data.map((l) => l.slug);
    expect(french).toContain("mistral");
    expect(french).not.toContain("deepseek");
  });

  it.each(LAB_SORTS)("concatenate page by page to the whole list (sort=%s)", async (sort) => {
    const rows = await expectPagesAgree((x) => labs({ sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), (l) => l.slug, 4, 46);
    if (sort.endsWith("models")) expect(monotonic(rows, (l) => l.models, sort.startsWith("-"))).toBe(true);
    if (sort.endsWith("latest_release")) {
      const dated = rows.filter((l) => l.latestRelease);
      expect(rows.slice(dated.length).every((l) => l.latestRelease === null)).toBe(true);
      expect(monotonic(dated, (l) => l.latestRelease!, sort.startsWith("-"))).toBe(true);
    }
  });
});

describe("providers", () => {
  it("carry kind, hardware, jurisdiction, data policy and what they serve", async () => {
    const { data } = await providers({ q: f.tag });
    expect(data.map((p) => [untag(p.slug), p.kind, p.hardware, p.country, p.regions, p.lab?.slug ? untag(p.lab.slug) : null, p.models, p.offerings])).toEqual([
      ["api", "first_party", "wse", FIXTURE_COUNTRY, [f.s("region")], "lab", 2, 2],
      ["host", "gpu_cloud", "rdu", FIXTURE_COUNTRY, [], null, 1, 1],
    ]);
    expect(data[0]!.dataPolicy).toEqual({ retainsPrompts: false, trainsOnPrompts: false, zeroDataRetention: true, url: null });
    expect(data[1]!.dataPolicy).toEqual({ retainsPrompts: null, trainsOnPrompts: null, zeroDataRetention: null, url: null });
  });

  it("filter by hardware, region, lab and data policy; an unconfirmed policy matches neither value", async () => {
    const slugs = async (raw: Record<string, string>) => (await providers({ q: f.tag, ...raw })).data.map((p) => untag(p.slug));
    expect(await slugs({ hardware: "rdu" })).toEqual(["host"]);
    expect(await slugs({ region: f.s("region") })).toEqual(["api"]);
    expect(await slugs({ lab: f.s("lab") })).toEqual(["api"]);
    expect(await slugs({ trains_on_prompts: "false" })).toEqual(["api"]);
    expect(await slugs({ trains_on_prompts: "true" })).toEqual([]);
    expect(await slugs({ zero_data_retention: "true", retains_prompts: "false" })).toEqual(["api"]);
    expect(await slugs({ kind: "gpu_cloud", country: FIXTURE_COUNTRY })).toEqual(["host"]);
    await expect(providers({ lab: f.s("nope") })).rejects.toMatchObject({ code: "not_found", details: [{ field: "lab" }] });
  });

  it("have the curated facts, checked by hand (prisma/seed/providers.yaml)", async () => {
    const lpu = (await providers({ hardware: "lpu" })).data;
    expect(lpu.find((p) => p.slug === "groq")).toMatchObject({ name: "Groq (GroqCloud)", kind: "specialised_hardware", country: "US", regions: ["us"], lab: null,
      dataPolicy: { retainsPrompts: false, trainsOnPrompts: false, zeroDataRetention: true, url: "https://console.groq.com/docs/your-data" } });
    expect((await providers({ lab: "deepseek" })).data.map((p) => [p.slug, p.country, p.dataPolicy.trainsOnPrompts])).toEqual([["deepseek", "CN", true]]);
    expect((await providers({ trains_on_prompts: "false", limit: "200" })).data.map((p) => p.slug)).not.toContain("deepseek");
  });

  it.each(PROVIDER_SORTS)("concatenate page by page to the whole list (sort=%s)", async (sort) => {
    const rows = await expectPagesAgree((x) => providers({ sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), (p) => p.slug, 4, 30);
    if (sort.endsWith("models")) expect(monotonic(rows, (p) => p.models, sort.startsWith("-"))).toBe(true);
  });
});

describe("offerings", () => {
  it("pair each model with its providers, the lab's own API marked first-party", async () => {
    const { data } = await offerings({ model: f.s("alpha") });
    expect(data.map((o) => [untag(o.model.slug), untag(o.provider.slug), o.provider.hardware, o.quantization, o.firstParty, o.model.openWeights, untag(o.model.lab)])).toEqual([
      ["alpha", "api", "wse", "", true, true, "lab"],
      ["alpha", "host", "rdu", "fp8", false, true, "lab"],
    ]);
  });

  it("filter by lab, provider, hardware, provider kind, open weights and first party", async () => {
    const pairs = async (raw: Record<string, string>) => (await offerings({ lab: f.s("lab"), ...raw })).data.map((o) => `${untag(o.model.slug)}@${untag(o.provider.slug)}`);
    expect(await pairs({})).toEqual(["alpha@api", "alpha@host", "gamma@api"]);
    expect(await pairs({ sort: "-model" })).toEqual(["gamma@api", "alpha@host", "alpha@api"]);
    expect(await pairs({ first_party: "true" })).toEqual(["alpha@api", "gamma@api"]);
    expect(await pairs({ first_party: "false" })).toEqual(["alpha@host"]);
    expect(await pairs({ hardware: "rdu" })).toEqual(["alpha@host"]);
    expect(await pairs({ provider_kind: "first_party", open: "false" })).toEqual(["gamma@api"]);
    expect(await pairs({ provider: f.s("api"), status: "active" })).toEqual(["alpha@api", "gamma@api"]);
    await expect(offerings({ provider: f.s("nope") })).rejects.toMatchObject({ code: "not_found", details: [{ field: "provider" }] });
  });

  it("have the curated first-party offering of deepseek-v3", async () => {
    expect((await offerings({ model: "deepseek-v3", provider: "deepseek" })).data).toMatchObject([{ firstParty: true, provider: { kind: "first_party", country: "CN" }, model: { lab: "deepseek", openWeights: true } }]);
  });

  it.each(OFFERING_SORTS)("concatenate page by page to the whole list (sort=%s)", async (sort) => {
    const total = (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM offerings`)).rows[0]!.n;
    const rows = await expectPagesAgree((x) => offerings({ sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), (o) => o.id, 61, total);
    expect(rows).toHaveLength(total);
    if (sort.endsWith("first_seen")) expect(monotonic(rows, (o) => o.firstSeenAt, sort.startsWith("-"))).toBe(true);
  });
});

describe("benchmarks", () => {
  it("describe each benchmark with its result and model counts", async () => {
    const all = (await listBenchmarks(listBenchmarksQuery.parse({ limit: "200" }))).data;
    expect(all.find((b) => b.slug === "gpqa-diamond")).toMatchObject({ name: "GPQA Diamond", category: "reasoning", unit: "percent", higherIsBetter: true, scale: { min: 0, max: 100 }, sourceUrl: "https://arxiv.org/abs/2311.12022" });
    expect(all.find((b) => b.slug === "mmlu")).toMatchObject({ category: "knowledge", higherIsBetter: true });
    const counts = (await pool().query<{ slug: string; n: number }>(`SELECT b.slug, count(br.id)::int AS n FROM benchmarks b LEFT JOIN benchmark_results br ON br.benchmark_id = b.id GROUP BY b.slug`)).rows;
    for (const c of counts) expect(all.find((b) => b.slug === c.slug)?.results, c.slug).toBe(c.n);
    expect((await listBenchmarks(listBenchmarksQuery.parse({ category: "knowledge" }))).data.map((b) => b.slug)).toEqual(expect.arrayContaining(["mmlu", "mmlu-pro"]));
    expect((await listBenchmarks(listBenchmarksQuery.parse({ category: "knowledge" }))).data.every((b) => b.category === "knowledge")).toBe(true);
  });

  it.each(BENCHMARK_SORTS)("concatenate page by page to the whole list (sort=%s)", async (sort) => {
    const rows = await expectPagesAgree((x) => listBenchmarks(listBenchmarksQuery.parse({ sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) })), (b) => b.slug, 2, 10);
    if (sort.endsWith("results")) expect(monotonic(rows, (b) => b.results, sort.startsWith("-"))).toBe(true);
  });
});

describe("results", () => {
  it("list a model's results on a benchmark with provenance, filtered by date and source", async () => {
    const scores = async (raw: Record<string, string>) => (await results({ model: f.s("alpha"), benchmark: "mmlu", ...raw })).data.map((r) => [r.score, r.measuredOn, r.source === f.catalogSource ? "catalog" : "feed"]);
    expect(await scores({})).toEqual([[72.5, "2024-09-01", "feed"], [70, "2024-03-01", "catalog"]]);
    expect(await scores({ sort: "score" })).toEqual([[70, "2024-03-01", "catalog"], [72.5, "2024-09-01", "feed"]]);
    expect(await scores({ since: "2024-09-01" })).toEqual([[72.5, "2024-09-01", "feed"]]);
    expect(await scores({ source: f.otherSource })).toEqual([[72.5, "2024-09-01", "feed"]]);
    expect((await results({ lab: f.s("lab"), limit: "200" })).data).toHaveLength(5);
    const one = (await results({ model: f.s("alpha"), benchmark: "mmlu", source: f.catalogSource })).data[0]!;
    expect(one).toMatchObject({ model: { slug: f.s("alpha"), lab: f.s("lab") }, benchmark: { slug: "mmlu", unit: "percent", higherIsBetter: true }, runId: f.catalogRunId, snapshotId: f.snapshotId, sourceUrl: "https://example.org/score", costUsd: null });
    await expect(results({ benchmark: "no-such-bench" })).rejects.toMatchObject({ code: "not_found", details: [{ field: "benchmark" }] });
  });

  it("have deepseek-v3's curated GPQA Diamond results, checked by hand (prisma/seed/models/deepseek.yaml)", async () => {
    const rows = (await results({ model: "deepseek-v3", benchmark: "gpqa-diamond", source: "curated" })).data;
    expect(rows.map((r) => [r.score, r.measuredOn, r.settings, r.sourceUrl])).toEqual([
      [56.5, "2025-05-01", "Epoch AI run", "https://epoch.ai/data/ai-benchmarking-dashboard"],
      [59.1, "2024-12-26", "", "https://arxiv.org/abs/2412.19437"],
    ]);
  });

  it.each(RESULT_SORTS)("concatenate page by page to the whole list (sort=%s)", async (sort) => {
    const rows = await expectPagesAgree((x) => results({ benchmark: "mmlu", sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), (r) => r.id, 17, 100);
    expect(monotonic(rows, (r) => (sort.endsWith("score") ? r.score : r.measuredOn), sort.startsWith("-"))).toBe(true);
  });
});

describe("news", () => {
  it("lists items linked to a lab or a model, newest first, ties by the item recorded last", async () => {
    const titles = async (raw: Record<string, string>) => (await news(raw)).data.map((n) => n.title);
    expect(await titles({ lab: f.s("lab") })).toEqual(["same-minute", "first"]);
    expect(await titles({ lab: f.s("lab"), sort: "published" })).toEqual(["first", "same-minute"]);
    expect(await titles({ model: f.s("gamma") })).toEqual(["gamma-out"]);
    expect(await titles({ model: f.s("gamma"), since: "2025-03-01" })).toEqual(["gamma-out"]);
    expect(await titles({ model: f.s("gamma"), since: "2025-03-02" })).toEqual([]);
    const first = (await news({ model: f.s("alpha") })).data[0]!;
    expect(first).toMatchObject({ feed: "fixture-feed", summary: "<p>summary</p>", source: f.catalogSource, runId: f.catalogRunId, publishedAt: "2025-02-01T10:00:00.000Z", labs: [{ slug: f.s("lab") }], models: [{ slug: f.s("alpha"), name: f.s("alpha").toUpperCase() }] });
    await expect(news({ lab: f.s("nope") })).rejects.toMatchObject({ code: "not_found", details: [{ field: "lab" }] });
  });

  it.each(NEWS_SORTS)("page one item at a time through a tie without losing one (sort=%s)", async (sort) => {
    const { rows, pages } = await collectPages((x) => news({ lab: f.s("lab"), sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), { limit: 1 } as { limit: number; cursor?: string }, (n) => n.id);
    expect(rows.map((n) => n.title)).toEqual(sort === "published" ? ["first", "same-minute"] : ["same-minute", "first"]);
    expect(pages).toBe(2);
    const all = await expectPagesAgree((x) => news({ sort, limit: String(x.limit), ...(x.cursor ? { cursor: x.cursor } : {}) }), (n) => n.id, 1, 3);
    expect(monotonic(all, (n) => n.publishedAt, sort.startsWith("-"))).toBe(true);
  });
});
