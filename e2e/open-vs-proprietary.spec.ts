import { expect, test } from "@playwright/test";
import { openGapByMonth, priceAtParity } from "../lib/analytics/open-gap";
import { monthStarts } from "../lib/dates";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { curatedResults, frontierModels } from "./support/expected";
import { seeded } from "./support/seeded";

const FROM = new Date("2023-01-01T00:00:00Z");

async function expectedGap(benchmarks: string[]) {
  const ds = await seeded();
  return openGapByMonth(frontierModels(ds, benchmarks[0]!), curatedResults(ds), { from: FROM, to: new Date(), benchmarks, basis: "release" });
}

test.describe("open vs proprietary", () => {
  test("gap in points and percent and lag per benchmark, month by month", async ({ page }, testInfo) => {
    const months = await expectedGap(["mmlu", "gpqa-diamond"]);
    const withGap = months.filter((m) => m.gapPoints !== null);
    expect(withGap.length).toBeGreaterThan(12);
    await page.goto("/open-vs-proprietary");
    await expect(page.getByRole("heading", { level: 1, name: "Open vs proprietary" })).toBeVisible();
    for (const id of ["gap-points", "gap-percent", "lag"]) {
      await expect(chart(page, id)).toHaveAttribute("data-series", "2");
      await expect(chart(page, id)).toHaveAttribute("data-points", String(withGap.length));
      // a chart is drawn when it comes near the viewport
      await chart(page, id).scrollIntoViewIfNeeded();
      await expect(chart(page, id).locator("path.recharts-line-curve")).toHaveCount(2);
    }
    const csv = await downloadCsv(page, "gap-points");
    expect(csv.rows.map((r) => [r.benchmark, r.month, Number(r.gap_points)])).toEqual(withGap.map((m) => [m.benchmark, m.month.toISOString().slice(0, 10), Math.round(m.gapPoints! * 100) / 100]));
    const lag = await downloadCsv(page, "lag");
    expect(lag.rows.map((r) => Number(r.lag_months))).toEqual(months.filter((m) => m.lagMonths !== null).map((m) => Math.round(m.lagMonths! * 100) / 100));
    await expectImageExports(page, "gap-percent");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "open-vs-proprietary");

    // one benchmark only: the URL and the charts follow
    await page.getByTestId("benchmark-gpqa-diamond").uncheck();
    await expect(page).toHaveURL(/\/open-vs-proprietary\?benchmarks=mmlu$/);
    await expect(chart(page, "gap-points")).toHaveAttribute("data-series", "1");
    await expect(chart(page, "gap-points")).toHaveAttribute("data-points", String(withGap.filter((m) => m.benchmark === "mmlu").length));
  });

  test("price at parity: the cheapest open and proprietary model at a level, month by month", async ({ page }) => {
    const ds = await seeded();
    const expectedParity = (benchmark: string, threshold: number) => {
      const models = frontierModels(ds, benchmark);
      const results = curatedResults(ds, [benchmark]);
      return [...monthStarts(FROM, new Date()), new Date()].map((d) => priceAtParity(models, results, benchmark, threshold, d));
    };
    const gpt4 = expectedParity("mmlu", 86.4);
    const count = (xs: typeof gpt4) => xs.reduce((n, p) => n + (p.open ? 1 : 0) + (p.proprietary ? 1 : 0), 0);
    await page.goto("/open-vs-proprietary");
    await expect(chart(page, "parity")).toHaveAttribute("data-series", "2");
    await expect(chart(page, "parity")).toHaveAttribute("data-points", String(count(gpt4)));
    const csv = await downloadCsv(page, "parity");
    expect(csv.filename).toBe("price-at-parity-gpt-4.csv");
    const today = gpt4.at(-1)!;
    expect(csv.rows.at(-1)).toMatchObject({ open_model: today.open?.model ?? "", proprietary_model: today.proprietary?.model ?? "" });

    await page.getByTestId("parity-level").selectOption("gpt-3.5");
    await expect(page).toHaveURL(/level=gpt-3\.5$/);
    await expect(chart(page, "parity")).toHaveAttribute("data-points", String(count(expectedParity("mmlu", 64.8))));
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/open-vs-proprietary");
    await chart(page, "gap-points").scrollIntoViewIfNeeded();
    await expect(chart(page, "gap-points").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "open-vs-proprietary-375");
  });
});
