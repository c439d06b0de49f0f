"use client";
/**
 * Models index. The server renders the first page; after that TanStack Query reads /api/v1/models
 * (typed by the API's own zod schema) for each filter set in the URL, page by page.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { csvTable } from "../../lib/charts/csv";
import { MODELS_PAGE_SIZE, modelsFilters, type ModelsFilters } from "../../lib/schemas/dashboard-filters";
import { listModelsResponse, type ListModelsResponse, type ModelDto } from "../../lib/schemas/responses";
import { writeFilters } from "../../lib/schemas/url-filters";
import { ChartFrame } from "../charts/ChartFrame";
import { useUrlFilters } from "../filters/use-url-filters";



async function fetchModels(filters: ModelsFilters, cursor: string | null): Promise<ListModelsResponse> {
  const qs = writeFilters(modelsFilters, filters);
  qs.set("sort", filters.sort);
  qs.set("limit", String(MODELS_PAGE_SIZE));
  if (cursor) qs.set("cursor", cursor);
  const res = await fetch(`/api/v1/models?${qs}`);
  if (!res.ok) throw new Error(`the API answered ${res.status}`);
  return listModelsResponse.parse(await res.json());
}

const sameFilters = (a: ModelsFilters, b: ModelsFilters) => writeFilters(modelsFilters, a).toString() === writeFilters(modelsFilters, b).toString();
const tri = (v: boolean | undefined) => (v === undefined ? "" : String(v));
const parseTri = (s: string) => (s === "" ? undefined : s === "true");

export function ModelsExplorer({ initial, initialFilters, labs }: { initial: ListModelsResponse; initialFilters: ModelsFilters; labs: { slug: string; name: string }[] }) {
  const { filters, setFilters } = useUrlFilters(modelsFilters);
  const [text, setText] = useState(filters.q ?? "");
  // typing updates the URL (and the query) after a short pause, not on every key
  useEffect(() => {
    const t = setTimeout(() => { if ((filters.q ?? "") !== text) setFilters({ q: text || undefined }); }, 250);
    return () => clearTimeout(t);
  }, [text, filters.q, setFilters]);

  const query = useInfiniteQuery({
    queryKey: ["models", writeFilters(modelsFilters, filters).toString()],
    queryFn: ({ pageParam }) => fetchModels(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: 1,
    initialData: sameFilters(filters, initialFilters) ? { pages: [initial], pageParams: [null] } : undefined,
  });
  const rows: ModelDto[] = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const csv = csvTable("models.csv", [
    { header: "model", value: (m: ModelDto) => m.slug }, { header: "name", value: (m) => m.name }, { header: "lab", value: (m) => m.lab.slug },
    { header: "released_on", value: (m) => m.releasedOn }, { header: "open_weights", value: (m) => m.openWeights }, { header: "reasoning", value: (m) => m.reasoning },
    { header: "domain", value: (m) => m.domain }, { header: "context_window", value: (m) => m.contextWindow }, { header: "license", value: (m) => m.license }, { header: "source", value: (m) => m.sourceUrl },
  ], rows);
  const state = query.isError ? "error" : query.isPending ? "loading" : rows.length ? "ready" : "empty";
  const sortBy = (col: "released" | "name") => setFilters({ sort: filters.sort === `-${col}` ? col : `-${col}` });
  const ariaSort = (col: "released" | "name") => (filters.sort === col ? "ascending" : filters.sort === `-${col}` ? "descending" : undefined);

  return (
    <>
      <form className="filters" role="search" aria-label="Filter models" onSubmit={(e) => e.preventDefault()}>
        <label>Search<input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="name or id" data-testid="models-q" maxLength={100} /></label>
        <label>Lab
          <select value={filters.lab ?? ""} onChange={(e) => setFilters({ lab: e.target.value || undefined })} data-testid="models-lab">
            <option value="">All labs</option>
            {labs.map((l) => <option key={l.slug} value={l.slug}>{l.name}</option>)}
          </select>
        </label>
        <label>Weights
          <select value={tri(filters.open)} onChange={(e) => setFilters({ open: parseTri(e.target.value) })} data-testid="models-open">
            <option value="">Open and proprietary</option><option value="true">Open weights</option><option value="false">Proprietary</option>
          </select>
        </label>
        <label>Reasoning
          <select value={tri(filters.reasoning)} onChange={(e) => setFilters({ reasoning: parseTri(e.target.value) })} data-testid="models-reasoning">
            <option value="">Any</option><option value="true">Reasoning models</option><option value="false">Not reasoning</option>
          </select>
        </label>
        <label>Sort
          <select value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as ModelsFilters["sort"] })} data-testid="models-sort">
            <option value="-released">Newest first</option><option value="released">Oldest first</option><option value="name">Name A–Z</option><option value="-name">Name Z–A</option>
          </select>
        </label>
        <span className="muted" role="status" data-testid="models-count">{query.isFetching ? "Loading…" : `${rows.length}${query.hasNextPage ? "+" : ""} models`}</span>
      </form>
      <ChartFrame id="models-table" title="Models" csv={csv} image={false} height="auto" points={rows.length} state={state} errorMessage={(query.error as Error | null)?.message} emptyMessage="No model matches these filters.">
        <div className="table-scroll">
          <table className="data" data-testid="models-table">
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}><button type="button" onClick={() => sortBy("name")} className="linklike">Model</button></th>
                <th scope="col">Lab</th>
                <th scope="col" aria-sort={ariaSort("released")}><button type="button" onClick={() => sortBy("released")} className="linklike">Released</button></th>
                <th scope="col">Weights</th>
                <th scope="col">Domain</th>
                <th scope="col">Context</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.slug} data-model={m.slug}>
                  <td><Link href={`/models/${m.slug}`}>{m.name}</Link>{m.reasoning ? <> <span className="badge">reasoning</span></> : null}</td>
                  <td><Link href={`/labs/${m.lab.slug}`}>{m.lab.name}</Link></td>
                  <td>{m.releasedOn}</td>
                  <td><span className={`badge ${m.openWeights ? "open" : "closed"}`}>{m.openWeights ? "open" : "proprietary"}</span></td>
                  <td>{m.domain}</td>
                  <td>{m.contextWindow ? `${Math.round(m.contextWindow / 1000)}k` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {query.hasNextPage ? (
          <p><button type="button" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="models-more">{query.isFetchingNextPage ? "Loading…" : `Load ${MODELS_PAGE_SIZE} more`}</button></p>
        ) : null}
      </ChartFrame>
    </>
  );
}
