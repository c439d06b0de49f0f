import type { Metadata } from "next";
import { NewsExplorer } from "../../../components/news/NewsExplorer";
import { listLabs } from "../../../lib/queries/labs";
import { listNewsItems, listReleases } from "../../../lib/queries/news";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Releases and news" };

export default async function NewsPage() {
  const [releases, news, labs] = await Promise.all([listReleases(), listNewsItems(), listLabs()]);
  return (
    <main>
      <h1>Releases and news</h1>
      <p className="lede">Model releases from the catalogue and items from the labs&apos; feeds, on one timeline, linked to their labs and models.</p>
      <NewsExplorer releases={releases} news={news} labs={labs.filter((l) => l.models > 0).map((l) => ({ slug: l.slug, name: l.name })).sort((a, b) => a.name.localeCompare(b.name))} />
    </main>
  );
}
