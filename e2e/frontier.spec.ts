import { expect, test } from "@playwright/test";
import { frontierOn } from "../lib/analytics/frontier";
import { paretoAmong } from "../lib/analytics/frontier";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { frontierModels } from "./support/expected";
import { seeded } from "./support/seeded";

const DATE = "2025-01-01";

async function expected() {
  const f = frontierOn(frontierModels(await seeded(), "mmlu"), new Date(`${DATE}T00:00:00Z`));
  const open = paretoAmong(f.available.filter((e) => e.openWeights));
  return { all: f, open };
}

test.describe("frontier explorer", () => {
  test("draws the models priced that day and the Pareto line, and filters before the frontier is computed", async ({ page }, testInfo) => {
    const { all, open } = await expected();
    expect(all.available.length).toBeGreaterThan(10);
    await page.goto(`/frontier?axis=mmlu&date=${DATE}`);
    await expect(page.getByRole("heading", { level: 1, name: "Frontier explorer" })).toBeVisible();
    const frontier = chart(page, "frontier");
    // open, proprietary and the Pareto line
    await expect(frontier).toHaveAttribute("data-series", "3");
    await expect(frontier).toHaveAttribute("data-points", String(all.available.length));
    await expect(frontier.locator(".recharts-scatter-symbol")).toHaveCount(all.available.length + all.pareto.length);
    await expect(frontier.locator(".recharts-scatter-line")).toHaveCount(1);
    await expect(page.getByTestId("pareto-table").locator("tbody tr")).toHaveCount(all.pareto.length);
    const csv = await downloadCsv(page, "frontier");
    expect(csv.filename).toBe(`frontier-mmlu-${DATE}.csv`);
    expect(csv.rows.map((r) => r.model)).toEqual(all.available.map((e) => e.slug));
    expect(csv.rows.filter((r) => r.on_frontier === "true").map((r) => r.model)).toEqual(all.pareto.map((e) => e.slug));
    await expectImageExports(page, "frontier");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "frontier");

    // open weights only: the frontier among open models, recomputed on the server
    await page.getByTestId("filter-open").selectOption("true");
    await expect(page).toHaveURL(/\/frontier\?axis=mmlu&date=2025-01-01&open=true$/);
    await expect(frontier).toHaveAttribute("data-points", String(open.available.length));
    await expect(frontier).toHaveAttribute("data-series", "2");
    await expect(page.getByTestId("pareto-table").locator("tbody tr")).toHaveCount(open.pareto.length);
    const openCsv = await downloadCsv(page, "frontier-table");
    expect(openCsv.rows.map((r) => r.model)).toEqual(open.pareto.map((e) => e.slug));
    for (const r of openCsv.rows) expect(r.open_weights).toBe("true");

    // colour by lab: one series per lab (at most 7 and "other"), the Pareto line last
    await page.getByTestId("filter-colour").selectOption("lab");
    await expect(page).toHaveURL(/colour=lab/);
    const labs = new Set(open.available.map((e) => e.labSlug)).size;
    await expect(frontier).toHaveAttribute("data-series", String((labs > 8 ? 8 : labs) + 1));
  });

  test("the date control replays the frontier month by month, from the keyboard", async ({ page }) => {
    await page.goto(`/frontier?axis=mmlu&date=${DATE}`);
    await expect(page.getByTestId("frontier-date")).toHaveText(DATE);
    await page.getByTestId("replay-month").focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/date=2024-12-01/);
    await expect(page.getByTestId("frontier-date")).toHaveText("2024-12-01");
    const before = frontierOn(frontierModels(await seeded(), "mmlu"), new Date("2024-12-01T00:00:00Z"));
    await expect(chart(page, "frontier")).toHaveAttribute("data-points", String(before.available.length));
    await page.getByTestId("replay-play").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("replay-play")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("frontier-date")).toHaveText(DATE, { timeout: 10_000 });
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("replay-play")).toHaveAttribute("aria-pressed", "false");
  });

  test("the capability axis can be the index or any benchmark", async ({ page }) => {
    await page.goto(`/frontier?axis=mmlu&date=${DATE}`);
    await page.getByTestId("filter-axis").selectOption("fw-ci-v1");
    await expect(page).toHaveURL(/\/frontier\?date=2025-01-01$/);
    await expect(chart(page, "frontier").getByRole("heading", { level: 2 })).toContainText("Capability index");
    await expect(chart(page, "frontier")).toHaveAttribute("data-state", "ready");
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/frontier");
    // below the filters at this width: drawn when it comes near the viewport
    await chart(page, "frontier").scrollIntoViewIfNeeded();
    await expect(chart(page, "frontier").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "frontier-375");
  });
});
