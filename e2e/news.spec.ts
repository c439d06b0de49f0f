import { expect, test } from "@playwright/test";
import { chart, downloadCsv, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { periodsSpanned, seeded } from "./support/seeded";

test.describe("releases and news", () => {
  test("releases per quarter and the timeline; lab and year filters live in the URL", async ({ page }, testInfo) => {
    const { models } = await seeded();
    await page.goto("/news");
    await expect(page.getByRole("heading", { level: 1, name: "Releases and news" })).toBeVisible();
    const releases = chart(page, "releases");
    await expect(releases).toHaveAttribute("data-series", "2");
    await expect(releases).toHaveAttribute("data-points", String(periodsSpanned(models.map((m) => m.released), "quarter")));
    await expect(page.getByTestId("timeline-count")).toContainText(`${models.length} items`);
    // no feed is fetched in the e2e setup: the page says so rather than showing an empty list silently
    await expect(page.getByTestId("timeline-count")).toContainText("No news items yet");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "news");

    const meta2024 = models.filter((m) => m.lab === "meta" && m.released.startsWith("2024"));
    await page.getByTestId("news-year").selectOption("2024");
    await page.getByTestId("news-lab").selectOption("meta");
    await expect(page).toHaveURL(/\/news\?lab=meta&year=2024$/);
    await expect(releases).toHaveAttribute("data-points", String(periodsSpanned(meta2024.map((m) => m.released), "month")));
    await expect(page.getByTestId("timeline").locator('li[data-kind="release"]')).toHaveCount(meta2024.length);
    const csv = await downloadCsv(page, "releases");
    expect(csv.header).toEqual(["month", "open_weights", "proprietary"]);
    expect(csv.rows.reduce((n, r) => n + Number(r.open_weights) + Number(r.proprietary), 0)).toBe(meta2024.length);

    await page.goto("/news?lab=meta&year=2024");
    await expect(page.getByTestId("timeline").locator("li")).toHaveCount(meta2024.length);
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/news?year=2025");
    await expect(chart(page, "releases").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "news-375");
  });
});
