import { expect, test } from "@playwright/test";
import { chart, downloadCsv, expectImageExports, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { seeded } from "./support/seeded";

test.describe("models", () => {
  test("the index searches, filters and sorts through the URL, fetching from the API", async ({ page }, testInfo) => {
    const data = await seeded();
    const deepseek = data.models.filter((m) => m.lab === "deepseek");
    await page.goto("/models");
    await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
    await expect(page.getByTestId("models-table").locator("tbody tr")).toHaveCount(Math.min(50, data.models.length));
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "models");

    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/models?") && r.url().includes("lab=deepseek")),
      page.getByTestId("models-lab").selectOption("deepseek"),
    ]);
    expect(res.status()).toBe(200);
    await expect(page).toHaveURL(/\/models\?lab=deepseek$/);
    await expect(page.getByTestId("models-table").locator("tbody tr")).toHaveCount(deepseek.length);

    await page.getByTestId("models-open").selectOption("false");
    await expect(page).toHaveURL(/lab=deepseek&open=false/);
    await expect(page.getByTestId("models-table").locator("tbody tr")).toHaveCount(deepseek.filter((m) => !m.openWeights).length);
    await page.getByTestId("models-open").selectOption("");

    await page.getByTestId("models-sort").selectOption("released");
    await expect(page).toHaveURL(/sort=released/);
    const oldest = [...deepseek].sort((a, b) => a.released.localeCompare(b.released))[0]!;
    await expect(page.getByTestId("models-table").locator("tbody tr").first()).toHaveAttribute("data-model", oldest.slug);

    await page.getByTestId("models-q").fill("coder");
    await expect(page).toHaveURL(/q=coder/);
    const coders = deepseek.filter((m) => m.name.toLowerCase().includes("coder") || m.slug.includes("coder"));
    await expect(page.getByTestId("models-table").locator("tbody tr")).toHaveCount(coders.length);

    const csv = await downloadCsv(page, "models-table");
    expect(csv.rows.map((r) => r.model).sort()).toEqual(coders.map((m) => m.slug).sort());
    expect(csv.rows.every((r) => r.lab === "deepseek")).toBe(true);

    // the same URL opened afresh gives the same view (server first paint)
    await page.goto("/models?q=coder&lab=deepseek&sort=released");
    await expect(page.getByTestId("models-table").locator("tbody tr")).toHaveCount(coders.length);
  });

  test("a model's page: price history per provider as steps, results with source and date, providers with data policy", async ({ page }, testInfo) => {
    const data = await seeded();
    const model = data.models.find((m) => m.slug === "llama-3.1-70b-instruct")!;
    const standard = model.prices.filter((p) => p.tier === "standard");
    const providers = new Set(standard.map((p) => p.provider));

    await page.goto(`/models/${model.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: model.name })).toBeVisible();
    await expect(page).toHaveTitle(`${model.name} (Meta AI) · FrontierWatch`);
    const history = chart(page, "price-history");
    await expect(history).toHaveAttribute("data-series", String(providers.size));
    await expect(history).toHaveAttribute("data-points", String(standard.length));
    await expect(history.locator(".recharts-wrapper > svg path.recharts-line-curve")).toHaveCount(providers.size);
    await expect(page.getByTestId("results-table").locator("tbody tr")).toHaveCount(model.scores.length);
    await expect(page.getByTestId("providers-table").locator("tbody tr")).toHaveCount(providers.size);
    await expect(page.getByTestId("providers-table").locator('tr[data-provider="groq"]')).toContainText("LPU");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "model-llama-3.1-70b");

    // the tooltip shows the value, its date and its source
    const box = await history.locator(".recharts-wrapper").boundingBox();
    await page.mouse.move(box!.x + box!.width * 0.6, box!.y + box!.height * 0.4);
    await expect(page.locator(".chart-tooltip").first()).toContainText(/Date: \d{4}-\d{2}-\d{2}/);
    await expect(page.locator(".chart-tooltip").first()).toContainText("Source: http");

    const csv = await downloadCsv(page, "price-history");
    expect(csv.header).toEqual(["provider", "valid_from", "valid_to", "input_usd_per_1m", "output_usd_per_1m", "blended_3_1", "source"]);
    expect(csv.rows).toHaveLength(standard.length);
    const groq = standard.find((p) => p.provider === "groq")!;
    expect(csv.rows.find((r) => r.provider === "groq")).toMatchObject({ valid_from: groq.from, input_usd_per_1m: String(groq.input), output_usd_per_1m: String(groq.output), source: groq.source });
    await expectImageExports(page, "price-history");
  });

  test("says so when the API fails, instead of showing stale or empty rows", async ({ page }) => {
    await page.goto("/models");
    await expect(chart(page, "models-table")).toHaveAttribute("data-state", "ready");
    await page.route("**/api/v1/models?*", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "down for the test" } }) }));
    await page.getByTestId("models-open").selectOption("true");
    await expect(chart(page, "models-table")).toHaveAttribute("data-state", "error", { timeout: 15_000 });
    await expect(chart(page, "models-table").getByRole("alert")).toContainText("the API answered 503");
    await expect(page.getByTestId("export-csv-models-table")).toBeDisabled();
  });

  test("an unknown model is a 404", async ({ page }) => {
    expect((await page.goto("/models/no-such-model"))?.status()).toBe(404);
  });

  test("works 375 px wide", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/models");
    await expect(page.getByTestId("models-table")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.goto("/models/llama-3.1-70b-instruct");
    await expect(chart(page, "price-history").locator(".recharts-wrapper")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await keepScreenshot(page, testInfo, "model-375");
  });
});
