/** Recomputes each published figure of lib/analytics/validation.ts from our own data. */
import { priceAtCapability } from "../analytics/price-at-capability";
import { compareToPublished, PUBLISHED_TRENDS, type ValidationResult } from "../analytics/validation";
import { parseDay } from "../dates";
import { loadTrendModels } from "./analytics-inputs";

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
