import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ModelPriceHistory, ModelProviders, ModelResults } from "../../../../components/models/ModelPanels";
import { isoDay } from "../../../../lib/dates";
import { getModelDetail } from "../../../../lib/queries/model-detail";
import { slugParam } from "../../../../lib/schemas/common";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// one read per request, shared by the metadata and the page
const loadModel = cache(async (slug: string) => (slugParam.safeParse(slug).success ? getModelDetail(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await loadModel((await params).slug);
  return { title: detail ? `${detail.model.name} (${detail.model.lab.name})` : "Model not found" };
}

export default async function ModelPage({ params }: Props) {
  const detail = await loadModel((await params).slug);
  if (!detail) notFound();
  const { model, prices, results, offerings, news } = detail;
  const params_ = model.paramsTotalB ? `${model.paramsTotalB}B${model.paramsActiveB ? ` (${model.paramsActiveB}B active)` : ""}` : "not published";
  return (
    <main>
      <p className="muted"><Link href="/models">Models</Link> / <Link href={`/labs/${model.lab.slug}`}>{model.lab.name}</Link> /</p>
      <h1>{model.name}</h1>
      <p className="lede">
        Released {model.releasedOn} by <Link href={`/labs/${model.lab.slug}`}>{model.lab.name}</Link> ·{" "}
        <span className={`badge ${model.openWeights ? "open" : "closed"}`}>{model.openWeights ? "open weights" : "proprietary"}</span>
        {model.reasoning ? <> <span className="badge">reasoning</span></> : null}
        {model.status === "deprecated" ? <> <span className="badge">deprecated {model.deprecatedOn ?? ""}</span></> : null} · <a href={model.sourceUrl}>source</a>
      </p>
      <div className="cards" data-testid="model-facts">
        <div className="card"><div className="label">Licence</div><div className="value" style={{ fontSize: "1.05rem" }}>{model.license}</div></div>
        <div className="card"><div className="label">Parameters</div><div className="value" style={{ fontSize: "1.05rem" }}>{params_}</div></div>
        <div className="card"><div className="label">Context window</div><div className="value" style={{ fontSize: "1.05rem" }}>{model.contextWindow ? `${model.contextWindow.toLocaleString("en")} tokens` : "—"}</div></div>
        <div className="card"><div className="label">Domain · modalities</div><div className="value" style={{ fontSize: "1.05rem" }}>{model.domain} · {model.modalities.join(", ")}</div></div>
      </div>
      <ModelPriceHistory model={model.slug} prices={prices} asOf={isoDay(new Date())} />
      <ModelResults model={model.slug} results={results} />
      <ModelProviders model={model.slug} offerings={offerings} />
      <section className="panel" aria-labelledby="news-title">
        <h2 id="news-title">Related news</h2>
        {news.length === 0 ? <p className="muted" role="status">No news item in our feeds mentions this model yet.</p> : (
          <ul className="timeline" data-testid="model-news">
            {news.map((n) => <li key={n.url}><time dateTime={n.publishedAt}>{n.publishedAt.slice(0, 10)}</time> — <a href={n.url}>{n.title}</a> <span className="muted">({n.feed})</span></li>)}
          </ul>
        )}
      </section>
    </main>
  );
}
