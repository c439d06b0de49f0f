import type { Metadata } from "next";
import { CostCalculator } from "../../../components/calculator/CostCalculator";
import { listCalculatorOffers } from "../../../lib/queries/calculator";
import { listFrontierAxes } from "../../../lib/queries/frontier-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cost calculator" };

export default async function CalculatorPage() {
  const [offers, axes] = await Promise.all([listCalculatorOffers(), listFrontierAxes()]);
  return (
    <main>
      <h1>Cost calculator</h1>
      <p className="lede">Describe a workload and see what it costs each month on every model and provider at today&apos;s standard prices, and the capability each option buys.</p>
      <CostCalculator offers={offers} axes={axes} />
      <p className="muted">Prices: each offering&apos;s standard-tier list price valid today; cached-input and reasoning prices where the provider publishes them, otherwise the input and output prices. Method: <a href="/methodology#blended-price">prices per 1M tokens</a>, <a href="/methodology#capability-index">capability index</a>.</p>
    </main>
  );
}
