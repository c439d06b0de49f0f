/** The latest movements: releases, price changes, new leaders and threshold crossings, newest first. */
import type { HeadlineFigures } from "../../lib/queries/overview";

const KIND_LABEL = { release: "Release", "price-change": "Price change", "new-leader": "New leader", "threshold-crossing": "Threshold crossed" } as const;

export function LatestMovements({ latest }: { latest: HeadlineFigures["latest"] }) {
  return (
    <section className="panel" aria-labelledby="movements-title">
      <h2 id="movements-title">Latest movements</h2>
      <p className="muted">From {latest.from} to {latest.to}. <a href="/digest/preview">The weekly digest</a> is built from the same movements.</p>
      {latest.items.length ? (
        <ul className="timeline" data-testid="latest-movements">
          {latest.items.map((m, i) => (
            <li key={`${m.kind}|${m.model}|${m.date}|${i}`}>
              <time dateTime={m.date}>{m.date}</time> <span className="badge">{KIND_LABEL[m.kind]}</span> <a href={`/models/${m.model}`}>{m.text}</a>
            </li>
          ))}
        </ul>
      ) : <p role="status" className="muted" data-testid="latest-movements-empty">No movement in this window.</p>}
    </section>
  );
}
