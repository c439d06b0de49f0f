import type { Metadata } from "next";
import { CAPABILITY_INDEX_BENCHMARKS, CAPABILITY_INDEX_VERSION, MIN_BENCHMARKS_PER_MODEL } from "../../../lib/analytics/capability-index";
import { MIN_TREND_POINTS } from "../../../lib/analytics/price-at-capability";

export const metadata: Metadata = { title: "Methodology" };

export default function MethodologyPage() {
  return (
    <main>
      <h1>Methodology</h1>
      <p className="lede">What each number means, what goes into it, and where it can mislead.</p>
      <section className="panel" id="blended-price">
        <h2>Blended price</h2>
        <p>(3 × input price + 1 × output price) / 4, in USD per million tokens. Other mixes (1:1, 10:1) can be chosen where a chart or the API offers it. Three parts input to one part output reflects typical chat and retrieval workloads; output-heavy work (reasoning, long generation) is cheaper than it looks on this measure.</p>
      </section>
      <section className="panel" id="reference-price">
        <h2>Reference price of a model on a date</h2>
        <p>The first-party provider&apos;s list price valid that day; otherwise the median across the providers serving it that day (each component&apos;s median). Only the standard tier counts: promotional, free, batch, off-peak and long-context prices are kept apart. Prices come from the ledger, where each row says from when to when it applied and which source and run brought it.</p>
      </section>
      <section className="panel" id="price-at-capability">
        <h2>Price at constant capability</h2>
        <p>After Epoch AI (2025). Pick a benchmark and a threshold (a score, or the score of a model). Walk the models in release order and keep each one that scores at or above the threshold and is cheaper than every earlier one kept; a later price cut of a qualifying model counts as a new observation on the day of the cut; of several on one day only the cheapest can be kept. Fit ordinary least squares of log10(price) on the date; the decline is 10^(−slope × 365) per year, with a 90% interval from the slope&apos;s t-interval. Nothing is reported below {MIN_TREND_POINTS} points. Reasoning models are excluded by default, because their per-token prices hide the extra tokens they spend.</p>
      </section>
      <section className="panel" id="capability-index">
        <h2>Capability index ({CAPABILITY_INDEX_VERSION})</h2>
        <p>Each benchmark ({CAPABILITY_INDEX_BENCHMARKS.map((b) => b.slug).join(", ")}) is standardised across the models that have it (z-scores); a model&apos;s index is the average of its standardised scores when it has at least {MIN_BENCHMARKS_PER_MODEL} of them, including a knowledge and a reasoning or math benchmark. The value depends on the set of models, and two versions of the index are never joined in one trend line.</p>
      </section>
      <section className="panel" id="frontier">
        <h2>Frontier</h2>
        <p>On a date: the models available that day with a reference price, and the Pareto set among them — no other model is both at least as capable and no more expensive, with one of the two strictly better.</p>
      </section>
      <section className="panel" id="open-gap">
        <h2>Open vs proprietary</h2>
        <p>Per benchmark and month: the best open-weight score and the best proprietary score among models released by then; the gap in points and as a percentage of the proprietary best; the lag in months (how long ago a proprietary model first reached today&apos;s best open score).</p>
      </section>
      <section className="panel" id="caveats">
        <h2>Caveats</h2>
        <ul>
          <li>Vendor-reported scores use different prompts and settings; each result keeps its settings and source.</li>
          <li>Scores dated only by when we fetched them (some leaderboards publish no run date) carry that in their settings.</li>
          <li>Moving API ids (&quot;deepseek-chat&quot;) are attributed to the model they named on the day of the observation.</li>
        </ul>
      </section>
    </main>
  );
}
