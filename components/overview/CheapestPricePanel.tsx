"use client";
/**
 * The overview's hero chart. First paint comes from the server (initialData); changing the
 * capability level refetches from the API with TanStack Query, typed by the API's zod schema.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { csvFilename, csvTable } from "../../lib/charts/csv";
import { prepareCheapestPrice, type CheapestChartPoint } from "../../lib/charts/prepare-cheapest-price";
import { CAPABILITY_LEVELS, type CapabilityLevelId } from "../../lib/schemas/capability-levels";
import { cheapestResponse, type CheapestResponse } from "../../lib/schemas/responses";
import { CheapestPriceChart } from "../charts/CheapestPriceChart";
import { ChartFrame } from "../charts/ChartFrame";

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
    // the previous series stays drawn while the next one loads: no empty frame, no layout shift
    placeholderData: keepPreviousData,
  });
  const data = useMemo(() => (query.data ? prepareCheapestPrice(query.data) : null), [query.data]);
  const csv = data ? csvTable(csvFilename("cheapest-price", level.id), [
    { header: "month", value: (p: CheapestChartPoint) => p.date }, { header: "blended_usd_per_1m", value: (p) => p.price },
    { header: "model", value: (p) => p.model }, { header: "model_name", value: (p) => p.modelName },
  ], data.points) : null;
  return (
    <ChartFrame id="cheapest" title="Cheapest price for a level of capability" height="auto" csv={csv} series={data?.points.length ? 1 : 0} points={data?.points.length ?? 0}
      state={query.isError ? "error" : !data ? "loading" : data.points.length ? "ready" : "empty"} errorMessage={(query.error as Error | null)?.message} emptyMessage={data?.summary}
      description="Lowest reference price (blended 3:1 input:output, USD per 1M tokens) among models scoring at or above the level, month by month."
      controls={<div className="controls">
        <label>
          Capability level{" "}
          <select value={levelId} onChange={(e) => setLevelId(e.target.value as CapabilityLevelId)} data-testid="level-select">
            {CAPABILITY_LEVELS.map((l) => (
              <option key={l.id} value={l.id}>{l.label}</option>
            ))}
          </select>
        </label>
        {query.isFetching ? <span className="muted" role="status">Loading…</span> : null}
      </div>}>
      {data ? <CheapestPriceChart data={data} label={`Cheapest price at ${level.label}`} /> : null}
    </ChartFrame>
  );
}
