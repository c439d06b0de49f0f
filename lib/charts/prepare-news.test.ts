import { describe, expect, it } from "vitest";
import { buildTimeline } from "./prepare-news";

const rel = (slug: string, releasedOn: string, lab: string, openWeights = true) => ({ slug, name: slug, releasedOn, openWeights, reasoning: false, lab: { slug: lab, name: lab }, sourceUrl: "https://s" });
const news = (title: string, publishedAt: string, labs: string[]) => ({ title, url: `https://n/${title}`, publishedAt, feed: "blog", labs: labs.map((l) => ({ slug: l, name: l })), models: [] });
const all = { lab: undefined, show: "all" as const, year: undefined, open: undefined };
const releases = [rel("a", "2024-03-01", "meta"), rel("b", "2025-01-10", "openai", false), rel("c", "2025-01-10", "meta")];
const items = [news("n1", "2025-01-10T08:00:00.000Z", ["meta"]), news("n2", "2024-06-01T08:00:00.000Z", ["openai"])];

describe("buildTimeline", () => {
  it("merges releases and news, newest first, releases first on the same day", () => {
    expect(buildTimeline(releases, items, all).map((i) => `${i.kind}:${i.date}`)).toEqual(["release:2025-01-10", "release:2025-01-10", "news:2025-01-10", "news:2024-06-01", "release:2024-03-01"]);
  });
  it("filters by lab and year; weights only narrow releases", () => {
    expect(buildTimeline(releases, items, { ...all, lab: "meta", year: 2025 }).map((i) => (i.kind === "news" ? i.title : i.slug))).toEqual(["c", "n1"]);
    expect(buildTimeline(releases, items, { ...all, open: false }).filter((i) => i.kind === "release").map((i) => i.date)).toEqual(["2025-01-10"]);
  });
  it("shows only releases or only news on request", () => {
    expect(buildTimeline(releases, items, { ...all, show: "news" }).every((i) => i.kind === "news")).toBe(true);
    expect(buildTimeline(releases, items, { ...all, show: "releases" })).toHaveLength(3);
  });
});
