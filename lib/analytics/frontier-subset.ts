/**
 * The frontier among a subset of the available models ("the frontier among open models"): the
 * Pareto set recomputed on the entries kept by a filter, with frontierOn's definitions (dominance,
 * ties, fixed order), so filtering first and then asking who is on the frontier gives the answer a
 * frontier over only those models would give.
 */
import type { FrontierEntry } from "./frontier";

const byFixedOrder = (a: FrontierEntry, b: FrontierEntry) => a.price - b.price || b.capability - a.capability || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

export function paretoAmong<E extends FrontierEntry>(entries: readonly E[]): { available: E[]; pareto: E[] } {
  const available = entries.map((e) => ({ ...e, onFrontier: false })).sort(byFixedOrder);
  // one sweep in price order, as frontierOn does: in a group of equal price only the most capable
  // can be on the frontier, and only when it beats everything strictly cheaper
  let bestCheaper = -Infinity;
  for (let i = 0; i < available.length; ) {
    let j = i;
    while (j < available.length && available[j]!.price === available[i]!.price) j++;
    const groupBest = available[i]!.capability;
    if (groupBest > bestCheaper) {
      for (let k = i; k < j && available[k]!.capability === groupBest; k++) available[k]!.onFrontier = true;
      bestCheaper = groupBest;
    }
    i = j;
  }
  return { available, pareto: available.filter((e) => e.onFrontier) };
}
