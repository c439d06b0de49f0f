import { expect, test, type APIResponse } from "@playwright/test";

test.describe("API over HTTP", () => {
  test("health reports the database, the queue and a succeeded curated load", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const h = await res.json();
    expect(h.status).toBe("ok");
    expect(h.database.ok).toBe(true);
    expect(h.queue.ok).toBe(true);
    expect(h.lastLoad).toMatchObject({ source: "curated", status: "succeeded", rejected: 0 });
    expect(h.counts.models).toBeGreaterThanOrEqual(200);
    expect(h.counts.labs).toBeGreaterThanOrEqual(40);
    expect(h.counts.pricePoints).toBeGreaterThanOrEqual(300);
    expect(h.counts.benchmarkResults).toBeGreaterThanOrEqual(800);
    // the worker folds the startup load into the precomputed analytics right after it
    await expect.poll(async () => (await (await request.get("/api/health")).json()).analytics, { timeout: 60_000 }).toMatchObject({ pendingChanges: 0, lastRefreshAt: expect.any(String) });
  });

  test("models: cursor pagination walks every model exactly once", async ({ request }) => {
    const total = (await (await request.get("/api/health")).json()).counts.models as number;
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: APIResponse = await request.get(`/api/v1/models?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status()).toBe(200);
      const body: { data: { slug: string }[]; nextCursor: string | null } = await res.json();
      for (const m of body.data) {
        expect(seen.has(m.slug), m.slug).toBe(false);
        seen.add(m.slug);
      }
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen.size).toBe(total);
  });

  test("models: filters narrow the list", async ({ request }) => {
    const res = await request.get("/api/v1/models?lab=deepseek&open=true&sort=released&limit=200");
    const body = await res.json();
    expect(body.data.length).toBeGreaterThan(5);
    for (const m of body.data) expect(m).toMatchObject({ lab: { slug: "deepseek" }, openWeights: true });
    const dates = body.data.map((m: { releasedOn: string }) => m.releasedOn);
    expect(dates).toEqual([...dates].sort());
  });

  const bad: [string, string][] = [
    ["/api/v1/models?open=maybe", "open"],
    ["/api/v1/models?limit=0", "limit"],
    ["/api/v1/models?limit=abc", "limit"],
    ["/api/v1/models?limit=99999999999999999999", "limit"],
    ["/api/v1/models?cursor=%27%3B%20DROP%20TABLE%20models%3B--", "cursor"],
    ["/api/v1/models?cursor=bTo5OTk5OTk5OTk5OQ", "cursor"],
    ["/api/v1/models?released_after=2025-02-30", "released_after"],
    ["/api/v1/models?released_after=2025-03-01&released_before=2025-01-01", "released_after"],
    ["/api/v1/models?sort=price", "sort"],
    ["/api/v1/models?domain=%F0%9F%92%A5", "domain"],
    [`/api/v1/models?q=${"x".repeat(10_000)}`, "q"],
    ["/api/v1/models?favourite=1", "favourite"],
    ["/api/v1/trends/cheapest?threshold=abc", "threshold"],
    ["/api/v1/trends/cheapest?mix=3-1", "mix"],
    ["/api/v1/trends/cheapest?from=2025-13-01", "from"],
    ["/digest/preview?days=0", "days"],
  ];
  for (const [url, field] of bad) {
    test(`rejects bad input with the error shape naming "${field}": ${url.slice(0, 60)}`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toContain(field);
      expect(body.error.details.some((d: { field: string }) => d.field === field)).toBe(true);
    });
  }

  test("an unknown benchmark is a 404 in the same error shape", async ({ request }) => {
    const res = await request.get("/api/v1/trends/cheapest?benchmark=no-such-bench");
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  test("trends: GPT-4-level capability got much cheaper, and each point names its model", async ({ request }) => {
    const body = await (await request.get("/api/v1/trends/cheapest?benchmark=mmlu&threshold=86.4&from=2023-04-01&to=2026-01-01")).json();
    expect(body.points.length).toBeGreaterThan(24);
    const first = body.points[0];
    const last = body.points[body.points.length - 1];
    expect(first.price / last.price).toBeGreaterThan(10);
    for (const p of body.points) expect(p.score).toBeGreaterThanOrEqual(86.4);
  });
});
