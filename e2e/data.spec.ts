import { expect, test } from "@playwright/test";

const ADMIN = { Authorization: "Bearer e2e-admin-token-0123456789" };

test.describe("data page and ingest trigger", () => {
  test("lists every source with its last run, and the curated load as succeeded", async ({ page }, testInfo) => {
    await page.goto("/data");
    await expect(page.getByRole("heading", { name: "Data sources" })).toBeVisible();
    const table = page.getByTestId("sources-table");
    for (const slug of ["curated", "litellm", "openrouter", "lmarena", "news-feeds", "csv-import"]) await expect(table.locator(`tr[data-source="${slug}"]`)).toHaveCount(1);
    await expect(table.locator('tr[data-source="curated"]')).toContainText("succeeded");
    await page.screenshot({ path: testInfo.outputPath("data.png"), fullPage: true });
  });

  test("the admin route refuses a missing or wrong token and unknown sources", async ({ request }) => {
    expect((await request.post("/api/v1/admin/ingest/curated")).status()).toBe(401);
    expect((await request.post("/api/v1/admin/ingest/curated", { headers: { Authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(401);
    const unknown = await request.post("/api/v1/admin/ingest/nope", { headers: ADMIN });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const bad = await request.post("/api/v1/admin/ingest/Bad%20Slug", { headers: ADMIN });
    expect(bad.status()).toBe(400);
  });

  test("a triggered run is queued, run by the worker, and shows on /api/v1/sources", async ({ request }) => {
    const runsOf = async () => ((await (await request.get("/api/v1/sources")).json()).data as { slug: string; runs: number; lastRun: { trigger: string; status: string } | null }[]).find((s) => s.slug === "curated")!;
    const before = await runsOf();
    const res = await request.post("/api/v1/admin/ingest/curated", { headers: ADMIN });
    expect(res.status()).toBe(202);
    expect((await res.json()).queued).toBe(true);
    await expect.poll(async () => (await runsOf()).runs, { timeout: 30_000 }).toBeGreaterThan(before.runs);
    await expect.poll(async () => (await runsOf()).lastRun?.status, { timeout: 30_000 }).toBe("succeeded");
    expect((await runsOf()).lastRun?.trigger).toBe("api");
  });
});
