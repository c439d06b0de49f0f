"use client";
/** Releases and news: filters in the URL, releases per period (chart) and one timeline. */
import Link from "next/link";
import { useMemo } from "react";
import { buildTimeline, filterReleases } from "../../lib/charts/prepare-news";
import { prepareReleaseCounts } from "../../lib/charts/prepare-releases";
import type { NewsItemDto, Release } from "../../lib/queries/news";
import { newsFilters } from "../../lib/schemas/dashboard-filters";
import { BarsChart } from "../charts/LazyCharts";
import { ChartFrame } from "../charts/ChartFrame";
import { useUrlFilters } from "../filters/use-url-filters";

const TIMELINE_LIMIT = 150;
const tri = (v: boolean | undefined) => (v === undefined ? "" : String(v));

export function NewsExplorer({ releases, news, labs }: { releases: Release[]; news: NewsItemDto[]; labs: { slug: string; name: string }[] }) {
  const { filters, setFilters } = useUrlFilters(newsFilters);
  const years = useMemo(() => [...new Set(releases.map((r) => Number(r.releasedOn.slice(0, 4))))].sort((a, b) => b - a), [releases]);
  const period = filters.year ? "month" : "quarter";
  const chart = useMemo(() => {
    const shown = filterReleases(releases, filters);
    return prepareReleaseCounts(shown, period, `releases-per-${period}${filters.lab ? `-${filters.lab}` : ""}${filters.year ? `-${filters.year}` : ""}.csv`);
  }, [releases, filters, period]);
  const timeline = useMemo(() => buildTimeline(releases, news, filters), [releases, news, filters]);
  return (
    <>
      <form className="filters" aria-label="Filter releases and news" onSubmit={(e) => e.preventDefault()}>
        <label>Show
          <select value={filters.show} onChange={(e) => setFilters({ show: e.target.value as typeof filters.show })} data-testid="news-show">
            <option value="all">Releases and news</option><option value="releases">Releases only</option><option value="news">News only</option>
          </select>
        </label>
        <label>Lab
          <select value={filters.lab ?? ""} onChange={(e) => setFilters({ lab: e.target.value || undefined })} data-testid="news-lab">
            <option value="">All labs</option>
            {labs.map((l) => <option key={l.slug} value={l.slug}>{l.name}</option>)}
          </select>
        </label>
        <label>Year
          <select value={filters.year ?? ""} onChange={(e) => setFilters({ year: e.target.value ? Number(e.target.value) : undefined })} data-testid="news-year">
            <option value="">All years</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label>Weights
          <select value={tri(filters.open)} onChange={(e) => setFilters({ open: e.target.value === "" ? undefined : e.target.value === "true" })} data-testid="news-open">
            <option value="">Open and proprietary</option><option value="true">Open weights</option><option value="false">Proprietary</option>
          </select>
        </label>
      </form>
      <ChartFrame id="releases" title={`Releases per ${period}`} description="Model releases in this selection, open-weight and proprietary." csv={chart.csv}
        series={chart.chart.series.length} points={chart.chart.rows.length} state={chart.total ? "ready" : "empty"} emptyMessage="No release matches these filters." summary={chart.summary}>
        <BarsChart data={chart.chart} format={(v) => String(v)} colours={["var(--open)", "var(--closed)"]} integer />
      </ChartFrame>
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted" role="status" data-testid="timeline-count">
          {timeline.length === 0 ? "Nothing matches these filters." : `${timeline.length} items${timeline.length > TIMELINE_LIMIT ? `, the newest ${TIMELINE_LIMIT} shown` : ""}.`}
          {filters.show !== "releases" && news.length === 0 ? " No news items yet: the news feeds have not been fetched on this instance." : null}
        </p>
        <ol className="timeline" data-testid="timeline">
          {timeline.slice(0, TIMELINE_LIMIT).map((i) => i.kind === "release" ? (
            <li key={`r-${i.slug}`} data-kind="release">
              <time dateTime={i.date}>{i.date}</time> — <span className="badge">release</span> <Link href={`/models/${i.slug}`}>{i.name}</Link> by <Link href={`/labs/${i.lab.slug}`}>{i.lab.name}</Link>{" "}
              <span className={`badge ${i.openWeights ? "open" : "closed"}`}>{i.openWeights ? "open weights" : "proprietary"}</span>
            </li>
          ) : (
            <li key={`n-${i.url}`} data-kind="news">
              <time dateTime={i.publishedAt}>{i.date}</time> — <span className="badge">news</span> <a href={i.url}>{i.title}</a> <span className="muted">({i.feed})</span>
              {i.labs.length || i.models.length ? (
                <div className="muted">
                  {i.labs.map((l) => <Link key={l.slug} href={`/labs/${l.slug}`} style={{ marginRight: "0.5rem" }}>{l.name}</Link>)}
                  {i.models.map((m) => <Link key={m.slug} href={`/models/${m.slug}`} style={{ marginRight: "0.5rem" }}>{m.name}</Link>)}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
