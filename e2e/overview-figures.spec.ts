import { expect, test } from "@playwright/test";
import { cheapestAtCapability } from "../lib/analytics/cheapest-at-capability";
import { openGapByMonth } from "../lib/analytics/open-gap";
import { priceAtCapability } from "../lib/analytics/price-at-capability";
import { formatUsd } from "../lib/charts/series";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { curatedResults, frontierModels } from "./support/expected";
import { seeded } from "./support/seeded";

const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
// the page rounds prices to 6 decimals before formatting them, as the API does
const usd = (v: number) => `$${formatUsd(Math.round(v * 1e6) / 1e6)}`;
const factor = (f: number) => (f >= 100 ? f.toFixed(0) : f >= 10 ? f.toFixed(1) : f.toFixed(2));

test.describe("overview headline figures", () => {
  test("each figure matches the curated data, with its date and a link to its method", async ({ page }, testInfo) => {
    const ds = await seeded();
    const today = utcDay(new Date());
    const yearAgo = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
    const mmlu = frontierModels(ds, "mmlu");
    const capable = mmlu.flatMap((m) => (m.capability !== null && m.capability >= 86.4 ? [{ ...m, score: m.capability }] : []));
    const [then, now] = cheapestAtCapability(capable, 86.4, [yearAgo, today]);
    const trend = priceAtCapability(mmlu.map(({ capability, ...m }) => ({ ...m, score: capability })), { threshold: { score: 86.4 }, window: { from: new Date("2023-01-01T00:00:00Z"), to: today } });
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    const releases = ds.models.filter((m) => m.released >= monthStart.toISOString().slice(0, 10) && m.released <= today.toISOString().slice(0, 10));
    const gap = openGapByMonth(frontierModels(ds, "gpqa-diamond"), curatedResults(ds, ["gpqa-diamond"]), { from: monthStart, to: today, benchmarks: ["gpqa-diamond"], basis: "release" }).at(-1)!;

    await page.goto("/");
    const figures = page.getByTestId("headline-figures");
    await expect(figures.locator(".card")).toHaveCount(5);
    await expect(page.getByTestId("figure-cheapest")).toContainText(usd(now!.price));
    await expect(page.getByTestId("figure-cheapest")).toContainText(now!.modelName);
    await expect(page.getByTestId("figure-cheapest")).toContainText(then ? usd(then.price) : "no model reached this level");
    await expect(page.getByTestId("figure-decline")).toContainText(`${factor(trend.fit!.factorPerYear)}× / year`);
    await expect(page.getByTestId("figure-decline")).toContainText(`n = ${trend.n}`);
    await expect(page.getByTestId("figure-lag")).toContainText(gap.lagMonths === 0 ? "0 months" : `${gap.lagMonths!.toFixed(1)} months`);
    await expect(page.getByTestId("figure-releases").locator(".value")).toHaveText(String(releases.length));
    await expect(page.getByTestId("figure-price-changes").locator(".value")).toHaveText(/^\d+$/);
    // every figure says when it holds and links to how it is computed
    for (const id of ["cheapest", "decline", "lag", "releases", "price-changes"]) {
      await expect(page.getByTestId(`figure-${id}`)).toContainText(/\d{4}-\d{2}/);
      await expect(page.getByTestId(`figure-${id}`).getByRole("link")).toHaveCount(1);
    }
    await page.getByTestId("figure-decline").getByRole("link").click();
    await expect(page).toHaveURL(/\/methodology#price-at-capability$/);

    await page.goto("/");
    // the latest movements: newest first, each linked to its model
    const items = page.getByTestId("latest-movements").locator("li");
    expect(await items.count()).toBeGreaterThan(0);
    const dates = await items.locator("time").allTextContents();
    expect(dates).toEqual([...dates].sort().reverse());
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "overview-figures");
  });

  test("the figures fit 375 px", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("headline-figures")).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
