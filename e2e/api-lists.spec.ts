/**
 * The API's paginated lists against the real server: Link headers name the next page (the one
 * nextCursor names), walking them reaches every row once, movements page through a window with
 * the window's counts on every page, and as_of picks the prices in force on a day.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

type Json = Record<string, unknown>;
interface Page { data: Json[]; nextCursor: string | null; [key: string]: unknown }

/**
 * Follows the Link headers from `first` to the last page, checking on each page that the header is
 * there exactly when nextCursor is and names that cursor; every page's body, in order.
 */
async function walkLinks(request: APIRequestContext, first: string, maxPages = 500): Promise<Page[]> {
  const pages: Page[] = [];
  let next: string | null = first;
  for (let n = 0; next && n < maxPages; n++) {
    const res: APIResponse = await request.get(next);
    expect(res.status(), next).toBe(200);
    const body = (await res.json()) as Page;
    pages.push(body);
    const link: string | undefined = res.headers()["link"];
    expect(Boolean(link), `${next}: a Link header exactly when there is a next page`).toBe(body.nextCursor !== null);
    const target = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!) : null;
    if (target) expect(target.searchParams.get("cursor")).toBe(body.nextCursor);
    next = target ? `${target.pathname}${target.search}` : null;
  }
  expect(next, `${first} ends`).toBeNull();
  return pages;
}

test("lists: following Link headers walks each list to its end, every row once, as many as the database holds", async ({ request }) => {
  test.setTimeout(180_000);
  const counts = (await (await request.get("/api/health")).json()).counts as { labs: number; providers: number; pricePoints: number; benchmarkResults: number };
  const walk = async (first: string, idOf: (row: Json) => string) => {
    const seen = new Set<string>();
    for (const page of await walkLinks(request, first)) {
      for (const row of page.data) {
        expect(seen.has(idOf(row)), `${first}: ${idOf(row)} twice`).toBe(false);
        seen.add(idOf(row));
      }
    }
    return seen.size;
  };
  expect(await walk("/api/v1/prices?limit=97&sort=valid_from", (r) => String(r.id))).toBe(counts.pricePoints);
  expect(await walk("/api/v1/prices?limit=200&sort=-id&source=curated", (r) => String(r.id))).toBe(counts.pricePoints);
  expect(await walk("/api/v1/results?limit=150&sort=-score", (r) => String(r.id))).toBe(counts.benchmarkResults);
  expect(await walk("/api/v1/labs?limit=7&sort=-latest_release", (r) => String(r.slug))).toBe(counts.labs);
  expect(await walk("/api/v1/providers?limit=4&sort=-models", (r) => String(r.slug))).toBe(counts.providers);
  expect(await walk("/api/v1/models/qwen2.5-72b-instruct/prices?limit=2", (r) => String(r.id))).toBeGreaterThan(3);
});

test("prices: as_of takes the rows in force that day, valid_from inclusive and valid_to exclusive (deepseek-v3's launch promotion ended 2025-02-08)", async ({ request }) => {
  const tiers = async (asOf: string) => ((await (await request.get(`/api/v1/models/deepseek-v3/prices?source=curated&as_of=${asOf}`)).json()).data as { tier: string }[]).map((r) => r.tier).sort();
  expect(await tiers("2024-12-25")).toEqual([]);
  expect(await tiers("2024-12-26")).toEqual(["promo", "standard"]);
  expect(await tiers("2025-02-07")).toEqual(["promo", "standard"]);
  expect(await tiers("2025-02-08")).toEqual(["standard"]);
  expect(await tiers("2025-02-26")).toEqual(["off-peak", "standard"]);
  expect(await tiers("2025-03-24")).toEqual([]);
  const model = await (await request.get("/api/v1/models/deepseek-v3")).json();
  expect(model.latestPrices.map((p: { tier: string; validTo: string | null }) => [p.tier, p.validTo?.slice(0, 10) ?? null]).sort()).toEqual([["off-peak", "2025-03-24"], ["promo", "2025-02-08"], ["standard", "2025-03-24"]]);
});

test("lists: the Link header points at the page nextCursor names, and the last page has neither", async ({ request }) => {
  const res = await request.get("/api/v1/models?open=true&limit=3");
  const body = await res.json();
  expect(body.nextCursor).toBeTruthy();
  const link = res.headers()["link"]!;
  const m = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(m, link).toBeTruthy();
  const next = new URL(m![1]!);
  expect(next.searchParams.get("cursor")).toBe(body.nextCursor);
  expect(next.searchParams.get("open")).toBe("true");
  const page2 = await (await request.get(`${next.pathname}${next.search}`)).json();
  expect(page2.data[0].slug).not.toBe(body.data[0].slug);
  const all = await request.get("/api/v1/runs?limit=200");
  expect((await all.json()).nextCursor).toBeNull();
  expect(all.headers()["link"]).toBeUndefined();
});

test("movements: following the Link headers pages through the whole window, and counts cover it whatever the page", async ({ request }) => {
  const window = "from=2023-01-01&to=2026-01-01";
  const whole = await (await request.get(`/api/v1/movements?${window}&limit=1000`)).json();
  const total = whole.counts.releases + whole.counts.priceChanges + whole.counts.newLeaders + whole.counts.crossings;
  expect(total).toBeGreaterThan(60);
  expect(whole.data.length).toBe(Math.min(total, 1000));
  for (const sort of ["date", "-date"]) {
    const pages = await walkLinks(request, `/api/v1/movements?${window}&limit=25&sort=${sort}`);
    for (const page of pages) expect(page.counts).toEqual(whole.counts);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flatMap((p) => p.data)).toEqual(sort === "date" ? whole.data : [...whole.data].reverse());
  }
  const cuts = await (await request.get(`/api/v1/movements?${window}&kind=price-change&limit=1000`)).json();
  expect(cuts.data.length).toBe(whole.counts.priceChanges);
  expect(cuts.data.every((m: Json) => m.kind === "price-change")).toBe(true);
  for (const bad of ["kind=rumour", "kind=", "cursor=bm90LWEtY3Vyc29y", "limit=1001", "sort=date,-date"]) {
    const res = await request.get(`/api/v1/movements?${window}&${bad}`);
    expect(res.status(), bad).toBe(400);
    expect(JSON.stringify((await res.json()).error.details), bad).toContain(bad.split("=")[0]);
  }
});
