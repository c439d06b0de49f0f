import { expect, test } from "@playwright/test";
import { downloadCsv, expectImageExports } from "./support/checks";

test.describe("overview page", () => {
  test("renders the hero chart with the API's points, and refetches when the level changes", async ({ page, request }, testInfo) => {
    const api = await (await request.get("/api/v1/trends/cheapest?benchmark=mmlu&threshold=86.4")).json();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "What AI capability costs" })).toBeVisible();
    const chart = page.getByTestId("cheapest-chart");
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute("data-points", String(api.points.length));
    await expect(chart.locator("path.recharts-line-curve")).toHaveCount(1);
    await expect(page.getByTestId("counts")).toContainText("Models tracked");
    await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });

    const gpqa = await (await request.get("/api/v1/trends/cheapest?benchmark=gpqa-diamond&threshold=50")).json();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/trends/cheapest?benchmark=gpqa-diamond&threshold=50")),
      page.getByTestId("level-select").selectOption("gpqa-50"),
    ]);
    expect(response.status()).toBe(200);
    await expect(chart).toHaveAttribute("data-points", String(gpqa.points.length));
  });

  test("the hero chart exports the points it draws as CSV, and itself as SVG and PNG", async ({ page, request }) => {
    const api = await (await request.get("/api/v1/trends/cheapest?benchmark=mmlu&threshold=86.4")).json();
    await page.goto("/");
    await expect(page.getByTestId("chart-cheapest")).toHaveAttribute("data-points", String(api.points.length));
    const csv = await downloadCsv(page, "cheapest");
    expect(csv.filename).toBe("cheapest-price-gpt-4.csv");
    expect(csv.rows.map((r) => [r.month, Number(r.blended_usd_per_1m), r.model])).toEqual(api.points.map((p: { date: string; price: number; model: string }) => [p.date, p.price, p.model]));
    await expectImageExports(page, "cheapest");
  });

  test("works on a 375 px wide screen without horizontal scrolling", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("cheapest-chart")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath("overview-375.png"), fullPage: true });
  });
});

test.describe("digest preview", () => {
  test("shows the email for a window, with o3's June 2025 price cut", async ({ page }, testInfo) => {
    await page.goto("/digest/preview?as_of=2025-06-15&days=10");
    await expect(page.getByText("Price changes")).toBeVisible();
    const row = page.locator("tr", { hasText: "o3" }).filter({ hasText: "2025-06-10" }).first();
    await expect(row).toContainText("-80.0%");
    await page.screenshot({ path: testInfo.outputPath("digest-preview.png"), fullPage: true });
  });

  test("has a plain-text alternative", async ({ request }) => {
    const res = await request.get("/digest/preview?as_of=2025-06-15&days=10&format=text");
    expect(res.headers()["content-type"]).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^Subject: FrontierWatch: \d+ price changes/);
    expect(text).toContain("PRICE CHANGES");
  });
});
