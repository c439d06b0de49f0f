import { expect, test } from "@playwright/test";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { periodsSpanned, seeded } from "./support/seeded";

test.describe("labs", () => {
  test("the index charts the labs with most models and lists every lab; the kind filter lives in the URL", async ({ page }, testInfo) => {
    const data = await seeded();
    const modelsOf = (lab: string) => data.models.filter((m) => m.lab === lab).length;
    const withModels = (labs: typeof data.labs) => labs.filter((l) => modelsOf(l.slug) > 0).length;

    await page.goto("/labs");
    await expect(page.getByRole("heading", { level: 1, name: "Labs" })).toBeVisible();
    await expect(chart(page, "lab-models")).toHaveAttribute("data-series", "2");
    await expect(chart(page, "lab-models")).toHaveAttribute("data-points", String(Math.min(15, withModels(data.labs))));
    await expect(chart(page, "lab-models").locator(".recharts-bar-rectangles")).toHaveCount(2);
    await expect(page.getByTestId("labs-table").locator("tbody tr")).toHaveCount(data.labs.length);
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "labs");

    const csv = await downloadCsv(page, "lab-models");
    expect(csv.header).toEqual(["lab", "name", "open_weights", "proprietary", "latest_release"]);
    expect(csv.rows).toHaveLength(Math.min(15, withModels(data.labs)));
    for (const r of csv.rows) expect(Number(r.open_weights) + Number(r.proprietary)).toBe(modelsOf(r.lab!));
    await expectImageExports(page, "lab-models");

    const french = data.labs.filter((l) => l.country === "FR");
    await page.getByTestId("labs-country").selectOption("FR");
    await expect(page).toHaveURL(/\/labs\?country=FR$/);
    await expect(page.getByTestId("labs-table").locator("tbody tr")).toHaveCount(french.length);
    await expect(chart(page, "lab-models")).toHaveAttribute("data-points", String(withModels(french)));
    const table = await downloadCsv(page, "labs-table");
    expect(table.rows.map((r) => r.lab).sort()).toEqual(french.map((l) => l.slug).sort());

    // the filtered view is shareable: opening the URL gives the same rows
    await page.goto("/labs?country=FR");
    await expect(page.getByTestId("labs-table").locator("tbody tr")).toHaveCount(french.length);
    await expect(page.getByTestId("labs-country")).toHaveValue("FR");
  });

  test("a lab's page: releases per year, best scores with their sources, price range", async ({ page }, testInfo) => {
    const data = await seeded();
    const models = data.models.filter((m) => m.lab === "deepseek");
    const benchmarks = new Set(models.flatMap((m) => (m.scores ?? []).map((s) => s.benchmark)));

    await page.goto("/labs/deepseek");
    await expect(page.getByRole("heading", { level: 1, name: "DeepSeek" })).toBeVisible();
    await expect(page).toHaveTitle("DeepSeek · FrontierWatch");
    const releases = chart(page, "lab-releases");
    await expect(releases).toHaveAttribute("data-series", "2");
    await expect(releases).toHaveAttribute("data-points", String(periodsSpanned(models.map((m) => m.released), "year")));
    await expect(page.getByTestId("lab-timeline").locator("li")).toHaveCount(models.length);
    await expect(page.getByTestId("lab-best-scores").locator("tbody tr")).toHaveCount(benchmarks.size);
    await expect(page.getByTestId("lab-best-scores").locator("tbody tr a", { hasText: "source" }).first()).toHaveAttribute("href", /^https?:\/\//);
    await expect(page.getByTestId("lab-prices").locator("tbody tr").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "lab-deepseek");

    const csv = await downloadCsv(page, "lab-releases");
    expect(csv.rows.reduce((n, r) => n + Number(r.open_weights) + Number(r.proprietary), 0)).toBe(models.length);
    expect(csv.rows.reduce((n, r) => n + Number(r.open_weights), 0)).toBe(models.filter((m) => m.openWeights).length);
  });

  test("an unknown lab is a 404", async ({ page }) => {
    const res = await page.goto("/labs/no-such-lab");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/labs", "/labs/mistral"]) {
      await page.goto(path);
      await expect(page.locator(".chart-frame").first()).toBeVisible();
      await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
    await keepScreenshot(page, testInfo, "lab-mistral-375");
  });
});
