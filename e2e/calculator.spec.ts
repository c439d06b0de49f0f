import { expect, test } from "@playwright/test";
import { workloadCost } from "../lib/analytics/workload-cost";
import { isValidOn } from "../lib/analytics/reference-price";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { curatedPriceWindows } from "./support/expected";
import { seeded } from "./support/seeded";

/** Every curated offering with a standard price valid today, priced for a workload. */
async function expectedOptions(w: { input: number; output: number; cached: number; reasoning_x: number; requests: number }) {
  const ds = await seeded();
  const now = new Date();
  return ds.models.flatMap((m) => curatedPriceWindows(ds, m)
    .filter((p) => p.tier === "standard" && isValidOn(p, now) && (p.input > 0 || p.output > 0))
    .map((p) => ({
      model: m.slug, provider: p.providerSlug, openWeights: m.openWeights, mmlu: m.scores.some((s) => s.benchmark === "mmlu"),
      perMonth: workloadCost({ inputTokens: w.input, outputTokens: w.output, cachedShare: w.cached / 100, reasoningMultiplier: w.reasoning_x, requestsPerMonth: w.requests },
        { input: p.input, output: p.output, cachedInput: m.prices.find((x) => (x.provider ?? p.providerSlug) === p.providerSlug && x.from === p.validFrom.toISOString().slice(0, 10))?.cachedInput ?? null, reasoning: null }, m).perMonth,
    })))
    .sort((a, b) => a.perMonth - b.perMonth || a.model.localeCompare(b.model) || a.provider.localeCompare(b.provider));
}

const DEFAULTS = { input: 2000, output: 500, cached: 0, reasoning_x: 1, requests: 100_000 };

test.describe("cost calculator", () => {
  test("prices the workload on every offering with a price today, cheapest first", async ({ page }, testInfo) => {
    const options = await expectedOptions(DEFAULTS);
    expect(options.length).toBeGreaterThan(30);
    await page.goto("/calculator");
    await expect(page.getByRole("heading", { level: 1, name: "Cost calculator" })).toBeVisible();
    await expect(page.getByTestId("calc-facts")).toContainText(`Options priced${options.length}`);
    await expect(page.getByTestId("calc-table").locator("tbody tr")).toHaveCount(30);
    const csv = await downloadCsv(page, "calc-table");
    expect(csv.rows).toHaveLength(30);
    expect(csv.rows.map((r) => Number(r.usd_per_month))).toEqual(options.slice(0, 30).map((o) => Math.round(o.perMonth * 100) / 100));
    await expect(chart(page, "calc-scatter")).toHaveAttribute("data-state", "ready");
    await expectImageExports(page, "calc-scatter");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "calculator");

    // the capability each option buys, on a benchmark: every option with an MMLU score is plotted
    await page.getByTestId("calc-axis").selectOption("mmlu");
    await expect(page).toHaveURL(/\/calculator\?axis=mmlu$/);
    await expect(chart(page, "calc-scatter")).toHaveAttribute("data-points", String(options.filter((o) => o.mmlu && o.perMonth > 0).length));
    await expect(chart(page, "calc-scatter")).toHaveAttribute("data-series", "2");
  });

  test("the workload lives in the URL, is validated, and changes the figures", async ({ page }) => {
    await page.goto("/calculator");
    await page.getByTestId("workload-input").fill("10000");
    await page.getByTestId("workload-cached").fill("50");
    await expect(page).toHaveURL(/\/calculator\?input=10000&cached=50$/);
    const options = await expectedOptions({ ...DEFAULTS, input: 10_000, cached: 50 });
    const csv = await downloadCsv(page, "calc-table");
    expect(csv.rows.map((r) => Number(r.usd_per_month))).toEqual(options.slice(0, 30).map((o) => Math.round(o.perMonth * 100) / 100));

    // an invalid value is refused with its reason, and the URL keeps the last valid workload
    await page.getByTestId("workload-cached").fill("150");
    await expect(page.getByTestId("workload-cached")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Cached share is 0–100%" })).toBeVisible();
    await expect(page).toHaveURL(/cached=50$/);

    await page.getByTestId("calc-open").selectOption("true");
    await expect(page).toHaveURL(/open=true/);
    const open = await downloadCsv(page, "calc-table");
    expect(open.rows.length).toBeGreaterThan(0);
    for (const r of open.rows) expect(r.open_weights).toBe("true");

    // a shared link opens the same workload
    await page.goto("/calculator?input=10000&cached=50");
    await expect(page.getByTestId("workload-input")).toHaveValue("10000");
    const again = await downloadCsv(page, "calc-table");
    expect(again.rows.map((r) => r.usd_per_month)).toEqual(csv.rows.map((r) => r.usd_per_month));
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/calculator");
    // below the filters at this width: drawn when it comes near the viewport
    await chart(page, "calc-scatter").scrollIntoViewIfNeeded();
    await expect(chart(page, "calc-scatter").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "calculator-375");
  });
});
