"use client";
/**
 * The overview's hero chart. First paint comes from the server (initialData); changing the
 * capability level refetches from the API with TanStack Query, typed by the API's zod schema.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { prepareCheapestPrice } from "../../lib/charts/prepare-cheapest-price";
import { CAPABILITY_LEVELS, cheapestResponse, type CapabilityLevelId, type CheapestResponse } from "../../lib/schemas/trends";
import { CheapestPriceChart } from "../charts/CheapestPriceChart";

async function fetchCheapest(benchmark: string, threshold: number): Promise<CheapestResponse> {
  const res = await fetch(`/api/v1/trends/cheapest?benchmark=${encodeURIComponent(benchmark)}&threshold=${threshold}`);
  if (!res.ok) throw new Error(`the API answered ${res.status}`);
  return cheapestResponse.parse(await res.json());
}

export function CheapestPricePanel({ initial, initialLevel }: { initial: CheapestResponse; initialLevel: CapabilityLevelId }) {
  const [levelId, setLevelId] = useState<CapabilityLevelId>(initialLevel);
  const level = CAPABILITY_LEVELS.find((l) => l.id === levelId)!;
  const query = useQuery({
    queryKey: ["cheapest", level.benchmark, level.threshold],
    queryFn: () => fetchCheapest(level.benchmark, level.threshold),
    initialData: levelId === initialLevel ? initial : undefined,
  });
  return (
    <section className="panel" aria-labelledby="cheapest-title">
      <h2 id="cheapest-title">Cheapest price for a level of capability</h2>
      <p className="muted">Lowest reference price (blended 3:1 input:output, USD per 1M tokens) among models scoring at or above the level, month by month.</p>
      <div className="controls">
        <label>
          Capability level{" "}
          <select value={levelId} onChange={(e) => setLevelId(e.target.value as CapabilityLevelId)} data-testid="level-select">
            {CAPABILITY_LEVELS.map((l) => (
              <option key={l.id} value={l.id}>{l.label}</option>
            ))}
          </select>
        </label>
        {query.isFetching ? <span className="muted" role="status">Loading…</span> : null}
      </div>
      {query.isError ? <p role="alert">Could not load the series: {(query.error as Error).message}</p> : null}
      {query.data ? <CheapestPriceChart data={prepareCheapestPrice(query.data)} label={`Cheapest price at ${level.label}`} /> : null}
    </section>
  );
}
