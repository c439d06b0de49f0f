import { expect, test } from "@playwright/test";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { seeded } from "./support/seeded";

test.describe("providers and hardware", () => {
  test("the data-policy matrix and hardware chart follow the filters in the URL", async ({ page }, testInfo) => {
    const { providers } = await seeded();
    const hardwareKinds = (list: typeof providers) => new Set(list.map((p) => p.hardware)).size;
    await page.goto("/providers");
    await expect(page.getByRole("heading", { level: 1, name: "Providers and hardware" })).toBeVisible();
    await expect(page.getByTestId("provider-matrix").locator("tbody tr")).toHaveCount(providers.length);
    await expect(chart(page, "hardware")).toHaveAttribute("data-series", "1");
    await expect(chart(page, "hardware")).toHaveAttribute("data-points", String(hardwareKinds(providers)));
    // below the matrix: drawn when it comes near the viewport
    await chart(page, "hardware").scrollIntoViewIfNeeded();
    await expect(chart(page, "hardware").locator(".recharts-bar-rectangle")).toHaveCount(hardwareKinds(providers));
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "providers");

    // 'no training on prompts' keeps only providers confirmed not to train; 'EU datacenter' needs an EU region; 'not CN-origin' drops CN
    const kept = providers.filter((p) => p.dataPolicy.trainsOnPrompts === false && p.regions.includes("eu") && p.country !== "CN");
    await page.getByTestId("filter-no_training").check();
    await page.getByTestId("filter-eu").check();
    await page.getByTestId("filter-not_cn").check();
    await expect(page).toHaveURL(/\/providers\?no_training=true&eu=true&not_cn=true$/);
    await expect(page.getByTestId("provider-matrix").locator("tbody tr")).toHaveCount(kept.length);
    await expect(chart(page, "hardware")).toHaveAttribute("data-points", String(hardwareKinds(kept)));
    const csv = await downloadCsv(page, "provider-matrix");
    expect(csv.rows.map((r) => r.provider).sort()).toEqual(kept.map((p) => p.slug).sort());
    for (const r of csv.rows) expect(r).toMatchObject({ trains_on_prompts: "false" });
    const hw = await downloadCsv(page, "hardware");
    expect(hw.rows.reduce((n, r) => n + Number(r.providers), 0)).toBe(kept.length);

    await page.goto("/providers?no_training=true&eu=true&not_cn=true");
    await expect(page.getByTestId("provider-matrix").locator("tbody tr")).toHaveCount(kept.length);
    await expect(page.getByTestId("filter-eu")).toBeChecked();
  });

  test("one open model across providers: a bar per host with today's price", async ({ page }, testInfo) => {
    const data = await seeded();
    const hostsOf = (slug: string) => new Set(data.models.find((m) => m.slug === slug)!.prices.filter((p) => p.tier === "standard" && !p.to).map((p) => p.provider)).size;
    await page.goto("/providers?model=llama-3.1-70b-instruct");
    const spread = chart(page, "spread");
    await expect(spread).toHaveAttribute("data-series", "1");
    await expect(spread).toHaveAttribute("data-points", String(hostsOf("llama-3.1-70b-instruct")));
    await spread.scrollIntoViewIfNeeded();
    await expect(spread.locator(".recharts-bar-rectangle")).toHaveCount(hostsOf("llama-3.1-70b-instruct"));
    await expect(page.getByTestId("spread-facts")).toContainText(String(hostsOf("llama-3.1-70b-instruct")));
    const csv = await downloadCsv(page, "spread");
    expect(csv.rows.map((r) => r.provider).sort()).toEqual([...new Set(data.models.find((m) => m.slug === "llama-3.1-70b-instruct")!.prices.map((p) => p.provider!))].sort());
    const prices = csv.rows.map((r) => Number(r.blended_3_1));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    await expectImageExports(page, "spread");
    // the curated data has no speed measurements: the price-vs-speed chart says so instead of drawing nothing
    await expect(chart(page, "speed")).toHaveAttribute("data-state", "empty");
    await expect(chart(page, "speed").getByRole("status").first()).toContainText("No speed measurement");
    await keepScreenshot(page, testInfo, "providers-spread");

    // picking another model changes the URL and re-renders the spread on the server
    const other = await page.getByTestId("spread-model").locator("option").nth(0).getAttribute("value");
    const target = other === "llama-3.1-70b-instruct" ? (await page.getByTestId("spread-model").locator("option").nth(1).getAttribute("value"))! : other!;
    await page.getByTestId("spread-model").selectOption(target);
    await expect(page).toHaveURL(new RegExp(`model=${target.replace(/\./g, "\\.")}`));
    await expect(spread).toHaveAttribute("data-points", String(hostsOf(target)));
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/providers");
    await chart(page, "spread").scrollIntoViewIfNeeded();
    await expect(chart(page, "spread").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "providers-375");
  });
});
