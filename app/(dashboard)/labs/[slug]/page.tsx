import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LabReleasesChart } from "../../../../components/labs/LabCharts";
import { LabBestScores, LabPrices } from "../../../../components/labs/LabTables";
import { getLab } from "../../../../lib/queries/labs";
import { slugParam } from "../../../../lib/schemas/common";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// one read per request, shared by the metadata and the page
const loadLab = cache(async (slug: string) => (slugParam.safeParse(slug).success ? getLab(slug) : null));

async function load(params: Props["params"]) {
  const lab = await loadLab((await params).slug);
  if (!lab) notFound();
  return lab;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lab = await loadLab((await params).slug);
  return { title: lab ? lab.lab.name : "Lab not found" };
}

export default async function LabPage({ params }: Props) {
  const { lab, models, bestScores, prices, asOf } = await load(params);
  const open = models.filter((m) => m.openWeights).length;
  return (
    <main>
      <p className="muted"><Link href="/labs">Labs</Link> /</p>
      <h1>{lab.name}</h1>
      <p className="lede">
        {lab.kind.replace(/_/g, " ")} · {lab.country ?? "country not published"}
        {lab.website ? <> · <a href={lab.website}>website</a></> : null} · <a href={lab.sourceUrl}>source</a>
      </p>
      <div className="cards" data-testid="lab-facts">
        <div className="card"><div className="label">Models</div><div className="value">{models.length}</div></div>
        <div className="card"><div className="label">Open weights</div><div className="value">{models.length ? `${Math.round((open / models.length) * 100)}%` : "—"}</div><div className="muted">{open} of {models.length}</div></div>
        <div className="card"><div className="label">Latest release</div><div className="value" style={{ fontSize: "1.1rem" }}>{models[0] ? <Link href={`/models/${models[0].slug}`}>{models[0].name}</Link> : "—"}</div><div className="muted">{models[0]?.releasedOn}</div></div>
      </div>
      <LabReleasesChart lab={lab} models={models} />
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Releases</h2>
        {models.length === 0 ? <p>None yet.</p> : (
          <ol className="timeline" data-testid="lab-timeline">
            {models.map((m) => (
              <li key={m.slug}>
                <time dateTime={m.releasedOn}>{m.releasedOn}</time> — <Link href={`/models/${m.slug}`}>{m.name}</Link>{" "}
                <span className={`badge ${m.openWeights ? "open" : "closed"}`}>{m.openWeights ? "open weights" : "proprietary"}</span>
                {m.reasoning ? <> <span className="badge">reasoning</span></> : null}
                {m.status === "deprecated" ? <> <span className="badge">deprecated</span></> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <LabBestScores lab={lab.slug} scores={bestScores} />
      <LabPrices lab={lab.slug} prices={prices} asOf={asOf} />
    </main>
  );
}
