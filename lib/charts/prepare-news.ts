/** Releases and news in one timeline, filtered by the page's URL filters. */
import type { NewsFilters } from "../schemas/dashboard-filters";

export interface TimelineRelease {
  slug: string;
  name: string;
  releasedOn: string;
  openWeights: boolean;
  reasoning: boolean;
  lab: { slug: string; name: string };
  sourceUrl: string;
}

export interface TimelineNews {
  title: string;
  url: string;
  publishedAt: string;
  feed: string;
  labs: { slug: string; name: string }[];
  models: { slug: string; name: string }[];
}

export type TimelineItem = ({ kind: "release"; date: string } & TimelineRelease) | ({ kind: "news"; date: string } & TimelineNews);

export function filterReleases<R extends TimelineRelease>(releases: R[], f: NewsFilters): R[] {
  return releases.filter((r) => (!f.lab || r.lab.slug === f.lab) && (!f.year || r.releasedOn.startsWith(String(f.year))) && (f.open === undefined || r.openWeights === f.open));
}

/** News items follow the lab and year filters; the weights filter applies to releases only. */
export function filterNews<N extends TimelineNews>(items: N[], f: NewsFilters): N[] {
  return items.filter((n) => (!f.lab || n.labs.some((l) => l.slug === f.lab)) && (!f.year || n.publishedAt.startsWith(String(f.year))));
}

/** Newest first; on one day, releases before news. */
export function buildTimeline(releases: TimelineRelease[], news: TimelineNews[], f: NewsFilters): TimelineItem[] {
  const items: TimelineItem[] = [
    ...(f.show === "news" ? [] : filterReleases(releases, f).map((r) => ({ kind: "release" as const, date: r.releasedOn, ...r }))),
    ...(f.show === "releases" ? [] : filterNews(news, f).map((n) => ({ kind: "news" as const, date: n.publishedAt.slice(0, 10), ...n }))),
  ];
  return items.sort((a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === "release" ? -1 : 1));
}
