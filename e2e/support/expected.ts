/**
 * Expected answers for the seeded data, computed in the test from the curated files with the same
 * pure functions the app uses (lib/analytics), never read back from the app itself.
 */
import type { FrontierModel } from "../../lib/analytics/frontier";
import type { ScoreResult } from "../../lib/analytics/open-gap";
import type { PriceWindow } from "../../lib/analytics/reference-price";
import { toValidityWindows } from "../../ingest/ledger";
import type { CuratedDataset } from "../../ingest/sources/curated";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** Each model's price windows as the curated load writes them (ingest/ledger.ts toValidityWindows: until `to`, the next entry of the same provider and tier, or the model's deprecation). */
export function curatedPriceWindows(ds: CuratedDataset, model: CuratedDataset["models"][number]): PriceWindow[] {
  const firstParty = new Map(ds.providers.filter((p) => p.kind === "first_party" && p.lab).map((p) => [p.lab!, p.slug]));
  const providerLab = new Map(ds.providers.map((p) => [p.slug, p.kind === "first_party" ? p.lab : undefined]));
  const groups = new Map<string, CuratedDataset["models"][number]["prices"]>();
  for (const p of model.prices) {
    const key = `${p.provider ?? firstParty.get(model.lab)!}|${p.tier}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const out: PriceWindow[] = [];
  for (const [key, list] of groups) {
    const [provider, tier] = key.split("|") as [string, string];
    const windows = toValidityWindows(list.map((p) => ({ validFrom: day(p.from), validUntil: p.to ? day(p.to) : null, input: p.input, output: p.output, cachedInput: null, cacheWrite: null, reasoning: null, perRequest: null })), model.deprecatedOn ? day(model.deprecatedOn) : null);
    for (const w of windows) out.push({ providerSlug: provider, firstParty: providerLab.get(provider) === model.lab, tier, validFrom: w.validFrom, validTo: w.validTo, input: w.input, output: w.output });
  }
  return out;
}

/** Every curated model on a benchmark axis (its best score), ready for frontierOn. */
export function frontierModels(ds: CuratedDataset, benchmark: string): FrontierModel[] {
  const higher = ds.benchmarks.find((b) => b.slug === benchmark)?.higherIsBetter ?? true;
  return ds.models.map((m) => {
    const scores = m.scores.filter((s) => s.benchmark === benchmark).map((s) => s.score);
    return {
      slug: m.slug, name: m.name, labSlug: m.lab, openWeights: m.openWeights, reasoning: m.reasoning, releasedOn: day(m.released),
      capability: scores.length ? (higher ? Math.max(...scores) : Math.min(...scores)) : null, prices: curatedPriceWindows(ds, m),
    };
  });
}

/** Every curated score as a benchmark result (measured on its date, when given). */
export function curatedResults(ds: CuratedDataset, benchmarks?: string[]): ScoreResult[] {
  return ds.models.flatMap((m) => m.scores.filter((s) => !benchmarks || benchmarks.includes(s.benchmark)).map((s) => ({ model: m.slug, benchmark: s.benchmark, score: s.score, measuredOn: s.date ? day(s.date) : null })));
}
