/** Checks every dashboard spec runs: accessibility (axe), 375 px layout, screenshots, CSV downloads. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFile } from "node:fs/promises";

/** No serious or critical axe violation (WCAG 2.x A and AA rules), with every chart of the page drawn. */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo): Promise<void> {
  await drawAllCharts(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) await testInfo.attach("axe-violations.json", { body: JSON.stringify(bad, null, 2), contentType: "application/json" });
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** Every chart of the page drawn: charts are drawn when they come near the viewport, and for print (components/charts/LazyCharts.tsx). */
export async function drawAllCharts(page: Page): Promise<void> {
  // asked again until none is left waiting: a placeholder only listens once the page is hydrated,
  // and a chart whose data arrives later mounts its placeholder after the first ask
  await expect(async () => {
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await expect(page.locator(".chart-loading")).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Every chart placeholder of the page listens for draw requests (the page is hydrated). */
export async function chartsListening(page: Page): Promise<void> {
  await expect(page.locator("[data-chart-waiting]:not([data-chart-armed])")).toHaveCount(0, { timeout: 15_000 });
}

/** A full-page screenshot kept with the test's results (attached to the report and saved under test-results/), every chart drawn. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await drawAllCharts(page);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Clicks a chart's CSV button and returns the parsed file: header and rows. */
export async function downloadCsv(page: Page, chartId: string): Promise<{ filename: string; header: string[]; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-csv-${chartId}`).click()]);
  const text = await readFile(await download.path(), "utf8");
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const header = (parse(text.split("\r\n")[0]!, {}) as string[][])[0]!;
  return { filename: download.suggestedFilename(), header, rows: records };
}

/** A chart frame: its state, and the series and points it says it draws. */
export function chart(page: Page, id: string) {
  return page.getByTestId(`chart-${id}`);
}

/** The SVG export produces an SVG document; the PNG export a PNG. */
export async function expectImageExports(page: Page, chartId: string): Promise<void> {
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-svg-${chartId}`).click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  expect(await readFile(await svg.path(), "utf8")).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-png-${chartId}`).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
}
