import { expect, test } from "@playwright/test";
import { priceAtCapability } from "../lib/analytics/price-at-capability";
import { CAPABILITY_LEVELS } from "../lib/schemas/trends";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { frontierModels } from "./support/expected";
import { seeded } from "./support/seeded";

async function expectedTrend(benchmark: string, threshold: number, options: { includeReasoning?: boolean; mix?: { input: number; output: number } } = {}) {
  const models = frontierModels(await seeded(), benchmark).map(({ capability, ...m }) => ({ ...m, score: capability }));
  return priceAtCapability(models, { threshold: { score: threshold }, window: { from: new Date("2023-01-01T00:00:00Z"), to: new Date() }, ...options });
}

test.describe("price at constant capability", () => {
  test("draws every level's kept models and fitted line, with the factor per year", async ({ page }, testInfo) => {
    const trends = await Promise.all(CAPABILITY_LEVELS.map((l) => expectedTrend(l.benchmark, l.threshold)));
    const kept = trends.reduce((n, t) => n + t.n, 0);
    const series = trends.filter((t) => t.n > 0).length + trends.filter((t) => t.fit).length;
    await page.goto("/trends");
    await expect(page.getByRole("heading", { level: 1, name: "Price at constant capability" })).toBeVisible();
    const frame = chart(page, "trends");
    await expect(frame).toHaveAttribute("data-points", String(kept));
    await expect(frame).toHaveAttribute("data-series", String(series));
    await expect(frame.locator(".recharts-scatter-line")).toHaveCount(trends.filter((t) => t.fit).length);
    const fits = page.getByTestId("trend-fits").locator("tbody tr");
    await expect(fits).toHaveCount(CAPABILITY_LEVELS.length);
    const gpt4 = trends[CAPABILITY_LEVELS.findIndex((l) => l.id === "gpt-4")]!;
    expect(gpt4.fit).not.toBeNull();
    const f = gpt4.fit!.factorPerYear;
    await expect(fits.filter({ hasText: "GPT-4 level" })).toContainText(`${f >= 100 ? f.toFixed(0) : f >= 10 ? f.toFixed(1) : f.toFixed(2)}×`);
    // the kept models are labelled
    await expect(frame.locator(".recharts-label-list").first()).toContainText(/\w/);
    const csv = await downloadCsv(page, "trends");
    expect(csv.rows).toHaveLength(kept);
    expect(csv.rows.filter((r) => r.level === "gpt-4").map((r) => r.model)).toEqual(gpt4.points.map((p) => p.model));
    await expectImageExports(page, "trends");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "trends");
  });

  test("levels, reasoning models and the mix live in the URL and change the data", async ({ page }) => {
    await page.goto("/trends");
    await page.getByTestId("level-gpqa-50").uncheck();
    await expect(page).toHaveURL(/\/trends\?levels=gpt-3\.5%2Cgpt-4%2Cgpqa-70$/);
    await page.getByTestId("level-gpqa-70").uncheck();
    await page.getByTestId("level-gpt-3.5").uncheck();
    await expect(page).toHaveURL(/\/trends\?levels=gpt-4$/);
    const plain = await expectedTrend("mmlu", 86.4);
    await expect(chart(page, "trends")).toHaveAttribute("data-points", String(plain.n));
    await page.getByTestId("filter-reasoning").check();
    await expect(page).toHaveURL(/levels=gpt-4&reasoning=true$/);
    const withReasoning = await expectedTrend("mmlu", 86.4, { includeReasoning: true });
    await expect(chart(page, "trends")).toHaveAttribute("data-points", String(withReasoning.n));
    await page.getByTestId("filter-mix").selectOption("1:1");
    await expect(page).toHaveURL(/mix=1%3A1$/);
    const oneToOne = await expectedTrend("mmlu", 86.4, { includeReasoning: true, mix: { input: 1, output: 1 } });
    const csv = await downloadCsv(page, "trends");
    expect(csv.filename).toBe("price-at-capability-1-to-1.csv");
    expect(csv.rows.map((r) => Number(r.blended_usd_per_1m))).toEqual(oneToOne.points.map((p) => Math.round(p.price * 1e6) / 1e6));

    // a custom level: a benchmark and a score
    await page.getByTestId("custom-benchmark").selectOption("gpqa-diamond");
    await page.getByTestId("custom-threshold").fill("60");
    await page.getByTestId("custom-apply").click();
    await expect(page).toHaveURL(/benchmark=gpqa-diamond&threshold=60/);
    await expect(page.getByTestId("trend-fits").locator("tbody tr")).toHaveCount(2);
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/trends");
    // below the filters at this width: drawn when it comes near the viewport
    await chart(page, "trends").scrollIntoViewIfNeeded();
    await expect(chart(page, "trends").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "trends-375");
  });
});
