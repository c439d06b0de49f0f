import { CheapestPricePanel } from "../../components/overview/CheapestPricePanel";
import { getHealth } from "../../lib/queries/health";
import { getCheapestAtCapability } from "../../lib/queries/trends";
import { CAPABILITY_LEVELS, cheapestQuery } from "../../lib/schemas/trends";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const level = CAPABILITY_LEVELS.find((l) => l.id === "gpt-4")!;
  const [series, health] = await Promise.all([
    getCheapestAtCapability(cheapestQuery.parse({ benchmark: level.benchmark, threshold: String(level.threshold) })),
    getHealth(),
  ]);
  const counts = health.counts;
  return (
    <main>
      <h1>What AI capability costs</h1>
      <p className="lede">Prices, releases and benchmark results from public sources — each number with its date and source.</p>
      <div className="cards" data-testid="counts">
        <div className="card"><div className="label">Models tracked</div><div className="value">{counts?.models ?? 0}</div></div>
        <div className="card"><div className="label">Labs</div><div className="value">{counts?.labs ?? 0}</div></div>
        <div className="card"><div className="label">Price points</div><div className="value">{counts?.pricePoints ?? 0}</div></div>
        <div className="card"><div className="label">Benchmark results</div><div className="value">{counts?.benchmarkResults ?? 0}</div></div>
        <div className="card"><div className="label">Providers</div><div className="value">{counts?.providers ?? 0}</div></div>
      </div>
      <CheapestPricePanel initial={series} initialLevel={level.id} />
      <p className="muted">
        Last curated load: {health.lastLoad ? `${health.lastLoad.status}, ${health.lastLoad.finishedAt?.slice(0, 16).replace("T", " ")} UTC (run ${health.lastLoad.runId})` : "none yet"}.
      </p>
    </main>
  );
}
