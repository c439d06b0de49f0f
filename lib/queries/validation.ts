/** Recomputes each published figure of lib/analytics/validation.ts from our own data. */
import { priceAtCapability } from "../analytics/price-at-capability";
import { compareGapToPublished, compareToPublished, PUBLISHED_GAPS, PUBLISHED_TRENDS, type GapValidationResult, type ValidationResult } from "../analytics/validation";
import { parseDay } from "../dates";
import { loadTrendModels } from "./analytics-inputs";
import { getOpenGap } from "./analytics";

export async function listValidations(): Promise<(ValidationResult & { points: { model: string; date: string; price: number }[] })[]> {
  const out = [];
  for (const published of PUBLISHED_TRENDS) {
    const { models } = await loadTrendModels(published.benchmark);
    const trend = priceAtCapability(models, {
      threshold: { score: published.threshold },
      window: { from: parseDay(published.window.from), to: parseDay(published.window.to) },
      mix: published.mix,
    });
    out.push({ ...compareToPublished(published, trend), points: trend.points.map((p) => ({ model: p.model, date: p.date.toISOString().slice(0, 10), price: p.price })) });
  }
  return out;
}

/** Recomputes each published open-vs-proprietary gap of lib/analytics/validation.ts. */
export async function listGapValidations(): Promise<GapValidationResult[]> {
  const out: GapValidationResult[] = [];
  for (const published of PUBLISHED_GAPS) {
    const months = published.points.map((p) => parseDay(p.month));
    const rows = await getOpenGap([published.benchmark], { from: months[0]!, to: months[months.length - 1]! });
    out.push(compareGapToPublished(published, rows));
  }
  return out;
}
