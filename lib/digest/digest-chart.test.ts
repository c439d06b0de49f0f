import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, digestChartAlt, digestChartSvg, type DigestChart } from "./digest-chart";
import { svgToPng } from "./render-chart";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const chart: DigestChart = {
  title: "The cheapest GPT-4-level model",
  subtitle: "MMLU ≥ 86.4 <blended>",
  points: [
    { date: d("2023-03-14"), price: 37.5, model: "gpt-4", modelName: "GPT-4" },
    { date: d("2024-05-13"), price: 7.5, model: "gpt-4o", modelName: "GPT-4o" },
    { date: d("2024-12-26"), price: 0.48, model: "deepseek-v3", modelName: "DeepSeek-V3" },
  ],
  fit: { factorPerYear: 11.2, ci90: { low: 3.1, high: 40.5 }, line: [{ date: d("2023-03-14"), price: 40 }, { date: d("2024-12-26"), price: 0.5 }] },
};

describe("the digest chart", () => {
  it("draws one point per kept model, the fitted line and a grid line per decade of price", () => {
    const svg = digestChartSvg(chart);
    expect(svg.match(/<circle class="point"/g)).toHaveLength(3);
    expect(svg.match(/<line class="fit"/g)).toHaveLength(1);
    for (const price of ["$0.10", "$1.00", "$10", "$100"]) expect(svg).toContain(`>${price}<`);
    expect(svg).toContain("11.2× cheaper per year");
    expect(svg).toContain("MMLU ≥ 86.4 &lt;blended&gt;"); // text is escaped
  });

  it("says in words what it shows, for the alt text", () => {
    expect(digestChartAlt(chart)).toBe(
      "The cheapest GPT-4-level model (MMLU ≥ 86.4 <blended>): from $38 per 1M tokens (GPT-4, 2023-03-14) to $0.48 (DeepSeek-V3, 2024-12-26), 3 models each cheaper than all before. A log-linear fit gives 11.2× cheaper per year (90% interval 3.1–40.5).",
    );
    expect(digestChartAlt({ ...chart, points: [], fit: null })).toMatch(/no model qualifies yet/);
  });

  it("renders to a PNG at twice its size, without a browser", () => {
    const png = svgToPng(digestChartSvg(chart));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH * 2);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT * 2);
    // with the packaged font the text is drawn: the image is much larger than the shapes alone
    const shapesOnly = svgToPng(digestChartSvg(chart).replace(/<text[^>]*>[^<]*<\/text>/g, ""));
    expect(png.length).toBeGreaterThan(shapesOnly.length * 1.2);
  });
});
