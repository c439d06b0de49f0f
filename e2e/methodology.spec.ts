import { expect, test } from "@playwright/test";

test.describe("methodology and validation", () => {
  test("the methodology page defines each number", async ({ page }) => {
    await page.goto("/methodology");
    for (const id of ["blended-price", "reference-price", "price-at-capability", "capability-index", "frontier", "open-gap", "caveats"]) await expect(page.locator(`section#${id}`)).toBeVisible();
    await expect(page.locator("section#capability-index")).toContainText("fw-ci-v1");
  });

  test("the validation page recomputes each published figure from our data, beside theirs", async ({ page }, testInfo) => {
    await page.goto("/validation");
    for (const id of ["epoch-2025-mmlu-gpt35", "epoch-2025-gpqa-gpt4", "a16z-2024-llmflation"]) {
      const section = page.getByTestId(`validation-${id}`);
      await expect(section).toBeVisible();
      await expect(section).not.toHaveAttribute("data-status", "not-comparable");
      await expect(section).toContainText(/FrontierWatch/);
    }
    await expect(page.getByTestId("validation-epoch-2025-gpqa-gpt4")).toHaveAttribute("data-status", "within");
    const stanford = page.getByTestId("validation-stanford-2025-arena-gap");
    await expect(stanford).toHaveAttribute("data-status", "within");
    await expect(stanford.locator("tbody tr")).toHaveCount(2);
    await expect(stanford).toContainText("8.0%");
    await page.screenshot({ path: testInfo.outputPath("validation.png"), fullPage: true });
  });
});
