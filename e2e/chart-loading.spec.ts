import { expect, test } from "@playwright/test";
import { chart, chartsListening, expectImageExports, keepScreenshot } from "./support/checks";

/** Charts are drawn when they come near the viewport (components/charts/LazyCharts.tsx); what that must not break. */
test.describe("charts below the fold", () => {
  test("wait in a placeholder of the chart's height, and are drawn when scrolled to", async ({ page }) => {
    await page.goto("/providers?model=llama-3.1-70b-instruct");
    const spread = chart(page, "spread");
    await expect(spread).toHaveAttribute("data-state", "ready");
    await expect(spread.locator("[data-chart-waiting]")).toHaveCount(1);
    await expect(spread.locator(".recharts-wrapper")).toHaveCount(0);
    const placeholder = await spread.locator(".chart-body").boundingBox();
    await spread.scrollIntoViewIfNeeded();
    await expect(spread.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(spread.locator("[data-chart-waiting]")).toHaveCount(0);
    // the drawing took the placeholder's place: the body did not change height
    expect((await spread.locator(".chart-body").boundingBox())!.height).toBe(placeholder!.height);
  });

  test("an image export of a chart not drawn yet draws it first", async ({ page }) => {
    await page.goto("/open-vs-proprietary");
    const parity = chart(page, "parity");
    await expect(parity.locator("[data-chart-waiting]")).toHaveCount(1);
    await chartsListening(page);
    // click without scrolling: the export itself asks for the drawing
    const [png] = await Promise.all([page.waitForEvent("download"), parity.getByTestId("export-png-parity").dispatchEvent("click")]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    await expect(parity.locator(".recharts-wrapper")).toHaveCount(1);
    await expectImageExports(page, "parity");
  });

  test("printing draws every chart of the page", async ({ page }, testInfo) => {
    await page.goto("/open-vs-proprietary");
    await expect(page.locator("[data-chart-waiting]")).not.toHaveCount(0);
    await chartsListening(page);
    // one print event draws them all
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await expect(page.locator("[data-chart-waiting]")).toHaveCount(0);
    for (const id of ["gap-points", "gap-percent", "lag", "parity"]) await expect(chart(page, id).locator(".recharts-wrapper")).toHaveCount(1);
    await keepScreenshot(page, testInfo, "open-vs-proprietary-printed");
  });
});
