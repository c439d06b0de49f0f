/**
 * The cheapest reference price, blended, among models at or above a capability threshold, on each
 * of a list of dates: the overview's hero series. A model counts from its release date, while it
 * has a reference price that day.
 */
import { blendedPrice, DEFAULT_MIX, type BlendMix } from "./blended-price";
import { referencePriceOn, type PriceWindow } from "./reference-price";

export interface CapabilityModel {
  slug: string;
  name: string;
  labSlug: string;
  openWeights: boolean;
  releasedOn: Date;
  /** best score on the chosen benchmark */
  score: number;
  prices: PriceWindow[];
}

export interface CheapestPoint {
  date: Date;
  price: number;
  model: string;
  modelName: string;
  score: number;
  basis: "first-party" | "median";
}

export function cheapestAtCapability(models: CapabilityModel[], threshold: number, dates: Date[], mix: BlendMix = DEFAULT_MIX): CheapestPoint[] {
  const eligible = models.filter((m) => m.score >= threshold);
  const out: CheapestPoint[] = [];
  for (const date of dates) {
    let best: (CheapestPoint & { releasedOn: Date }) | null = null;
    for (const m of eligible) {
      if (m.releasedOn.getTime() > date.getTime()) continue;
      const ref = referencePriceOn(m.prices, date);
      if (!ref) continue;
      const price = blendedPrice(ref, mix);
      // ties: the earlier release, then the slug, so the series is deterministic
      const earlier = best && (m.releasedOn.getTime() < best.releasedOn.getTime() || (m.releasedOn.getTime() === best.releasedOn.getTime() && m.slug < best.model));
      if (!best || price < best.price || (price === best.price && earlier)) {
        best = { date, price, model: m.slug, modelName: m.name, score: m.score, basis: ref.basis, releasedOn: m.releasedOn };
      }
    }
    if (best) {
      const { releasedOn: _released, ...point } = best;
      out.push(point);
    }
  }
  return out;
}
