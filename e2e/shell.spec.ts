import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";

test.describe("dashboard shell", () => {
  test("every section is in the navigation, the current one marked", async ({ page }) => {
    await page.goto("/models");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Overview", "Frontier", "Trends", "Open vs proprietary", "Labs", "Models", "Providers", "Calculator", "News", "Data", "Methodology", "Validation", "Digest", "API"]) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Models", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Labs", exact: true })).not.toHaveAttribute("aria-current", "page");
  });

  test("the skip link is the first stop of the keyboard and moves focus to the content", async ({ page }) => {
    await page.goto("/labs");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("#content")).toBeFocused();
  });

  test("filters and charts work from the keyboard", async ({ page }) => {
    await page.goto("/labs");
    await page.getByTestId("labs-country").focus();
    await page.keyboard.press("ArrowDown"); // first country in the list
    await expect(page).toHaveURL(/\/labs\?country=[A-Z]{2}$/);
    await page.goto("/labs/deepseek");
    // the chart surface takes focus, and the arrow keys move its tooltip from bar to bar
    const surface = page.getByTestId("chart-lab-releases").locator(".recharts-wrapper > svg.recharts-surface");
    await expect(surface).toHaveAttribute("tabindex", "0");
    await surface.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("chart-lab-releases").locator(".chart-tooltip")).toContainText("Date:");
  });

  test("dark mode follows the system, and a chosen theme survives a reload without a flash", async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/labs");
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe("rgb(15, 17, 21)");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "labs-dark");
    const toggle = page.getByTestId("theme-toggle");
    await toggle.click(); // system → light
    await expect(toggle).toHaveAttribute("data-theme-choice", "light");
    expect(await bg()).toBe("rgb(255, 255, 255)");
    // the stored choice is applied by the head script before the first paint
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await bg()).toBe("rgb(255, 255, 255)");
    await toggle.click(); // light → dark
    await expect(toggle).toHaveAttribute("data-theme-choice", "dark");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await bg()).toBe("rgb(15, 17, 21)");
  });
});
