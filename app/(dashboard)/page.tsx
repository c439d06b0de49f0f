import { CheapestPricePanel } from "../../components/overview/CheapestPricePanel";
import { HeadlineFigures } from "../../components/overview/HeadlineFigures";
import { LatestMovements } from "../../components/overview/LatestMovements";
import { getHealth } from "../../lib/queries/health";
import { getHeadlineFigures } from "../../lib/queries/overview";
import { getCheapestAtCapability } from "../../lib/queries/trends";
import { CAPABILITY_LEVELS, cheapestQuery } from "../../lib/schemas/trends";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const level = CAPABILITY_LEVELS.find((l) => l.id === "gpt-4")!;
  const [series, health, figures] = await Promise.all([
    getCheapestAtCapability(cheapestQuery.parse({ benchmark: level.benchmark, threshold: String(level.threshold) })),
    getHealth(),
    getHeadlineFigures(),
  ]);
  const counts = health.counts;
  return (
    <main>
      <h1>What AI capability costs</h1>
      <p className="lede">Prices, releases and benchmark results from public sources — each number with its date and source.</p>
      <HeadlineFigures f={figures} />
      <CheapestPricePanel initial={series} initialLevel={level.id} />
      <LatestMovements latest={figures.latest} />
      <h2 style={{ fontSize: "1.15rem" }}>What we track</h2>
      <div className="cards" data-testid="counts">
        <div className="card"><div className="label">Models tracked</div><div className="value">{counts?.models ?? 0}</div></div>
        <div className="card"><div className="label">Labs</div><div className="value">{counts?.labs ?? 0}</div></div>
        <div className="card"><div className="label">Price points</div><div className="value">{counts?.pricePoints ?? 0}</div></div>
        <div className="card"><div className="label">Benchmark results</div><div className="value">{counts?.benchmarkResults ?? 0}</div></div>
        <div className="card"><div className="label">Providers</div><div className="value">{counts?.providers ?? 0}</div></div>
      </div>
      <p className="muted">
        Last curated load: {health.lastLoad ? `${health.lastLoad.status}, ${health.lastLoad.finishedAt?.slice(0, 16).replace("T", " ")} UTC (run ${health.lastLoad.runId})` : "none yet"}.
      </p>
    </main>
  );
}
