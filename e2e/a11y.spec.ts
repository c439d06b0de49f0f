import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";

// every dashboard page, in light and dark: no serious or critical axe violation, a screenshot of each
const PAGES = ["/", "/frontier", "/trends", "/open-vs-proprietary", "/calculator", "/labs", "/labs/openai", "/models", "/models/llama-3.1-70b-instruct", "/providers", "/news", "/data", "/methodology", "/validation", "/subscribe", "/digest"];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${scheme}`, () => {
    for (const path of PAGES) {
      test(`${path} has no serious or critical violation`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoSeriousA11yViolations(page, testInfo);
        await keepScreenshot(page, testInfo, `${path === "/" ? "overview" : path.slice(1).replace(/\//g, "-")}-${scheme}`);
      });
    }
  });
}

test("every page fits 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});
