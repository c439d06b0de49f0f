/**
 * A model's reference price as a step function of time: the segments between consecutive instants
 * at which one of its standard-tier price rows starts or ends, each with the reference price
 * (referencePriceInMode) valid throughout it. Adjacent segments with the same price, basis and
 * providers are merged; stretches without any price have no segment.
 *
 * Precomputed after each ingest (lib/precompute) so reads need one row per price level instead of
 * every price row of every provider. `segmentsAsWindows` turns them back into price windows that
 * the pure analyses read exactly as they read the ledger: on any date, the reference price of the
 * windows equals the segment's price.
 */
import { referencePriceAmongInMode, type ReferencePriceMode } from "./price-at-capability";
import type { PriceWindow, ReferencePrice } from "./reference-price";

export interface PriceSegment {
  validFrom: Date;
  /** null: still valid */
  validTo: Date | null;
  input: number;
  output: number;
  basis: ReferencePrice["basis"];
  providers: string[];
}

export const REFERENCE_PRICE_MODES: readonly ReferencePriceMode[] = ["reference", "first-party", "median"];

export function referencePriceSegments(windows: readonly PriceWindow[], mode: ReferencePriceMode = "reference"): PriceSegment[] {
  const standard = windows.filter((w) => w.tier === "standard");
  const instants = new Set<number>();
  for (const w of standard) {
    instants.add(w.validFrom.getTime());
    if (w.validTo) instants.add(w.validTo.getTime());
  }
  const sorted = [...instants].sort((a, b) => a - b);
  // sweep: windows in start order enter the active set, leave it when they end (half-open)
  const byStart = [...standard].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  let next = 0;
  let active: PriceWindow[] = [];
  const out: PriceSegment[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    while (next < byStart.length && byStart[next]!.validFrom.getTime() <= t) active.push(byStart[next++]!);
    active = active.filter((w) => w.validTo === null || w.validTo.getTime() > t);
    const ref = referencePriceAmongInMode(active, mode);
    if (!ref) continue;
    const end = i + 1 < sorted.length ? new Date(sorted[i + 1]!) : null;
    const last = out[out.length - 1];
    if (
      last && last.validTo?.getTime() === sorted[i] && last.input === ref.input && last.output === ref.output &&
      last.basis === ref.basis && last.providers.join() === ref.providers.join()
    ) {
      last.validTo = end;
      continue;
    }
    out.push({ validFrom: new Date(sorted[i]!), validTo: end, input: ref.input, output: ref.output, basis: ref.basis, providers: ref.providers });
  }
  return out;
}

/**
 * Segments as price windows for the analyses (read them in mode "reference"): a first-party
 * segment is a first-party window, a median segment one provider whose price is the median.
 */
export function segmentsAsWindows(segments: readonly PriceSegment[]): PriceWindow[] {
  return segments.map((s) => ({
    providerSlug: s.providers.join(","), firstParty: s.basis === "first-party", tier: "standard", validFrom: s.validFrom, validTo: s.validTo, input: s.input, output: s.output,
  }));
}
