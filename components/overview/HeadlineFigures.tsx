/** The overview's headline figures: each with the date it holds on and a link to how it is computed. */
import { formatUsd } from "../../lib/charts/series";
import type { HeadlineFigures as Figures } from "../../lib/queries/overview";

const factor = (f: number) => (f >= 100 ? f.toFixed(0) : f >= 10 ? f.toFixed(1) : f.toFixed(2));

function Figure({ id, label, value, detail, date, method }: { id: string; label: string; value: string; detail: React.ReactNode; date: string; method: { href: string; text: string } }) {
  return (
    <div className="card" data-testid={`figure-${id}`}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      <div className="muted">{detail}</div>
      <div className="muted" style={{ fontSize: "0.8rem" }}>{date} · <a href={method.href}>{method.text}</a></div>
    </div>
  );
}

export function HeadlineFigures({ f }: { f: Figures }) {
  const change = f.cheapestToday && f.cheapestYearAgo ? f.cheapestYearAgo.price / f.cheapestToday.price : null;
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" style={{ fontSize: "1.15rem", margin: "1rem 0 0" }}>Headline figures</h2>
      <div className="cards" data-testid="headline-figures">
        <Figure id="cheapest" label={`Cheapest ${f.level.label}`} value={f.cheapestToday ? `$${formatUsd(f.cheapestToday.price)}` : "—"}
          detail={f.cheapestToday ? <>{f.cheapestToday.modelName}; a year ago {f.cheapestYearAgo ? <>${formatUsd(f.cheapestYearAgo.price)} ({f.cheapestYearAgo.modelName}){change && change > 1 ? `, ${factor(change)}× more` : ""}</> : "no model reached this level"}</> : "No model reaches this level with a price today."}
          date={`per 1M tokens (blended 3:1), ${f.today} vs ${f.cheapestYearAgo?.date ?? "a year earlier"}`} method={{ href: "/methodology#reference-price", text: "method" }} />
        <Figure id="decline" label={`How fast ${f.level.label} gets cheaper`} value={f.trend ? `${factor(f.trend.factorPerYear)}× / year` : "—"}
          detail={f.trend ? `90% CI ${factor(f.trend.ci90.low)}–${factor(f.trend.ci90.high)}×, n = ${f.trend.n}` : f.trendReason ?? "no fit"}
          date={f.trend ? `fit ${f.trend.from} to ${f.trend.to}` : f.today} method={{ href: "/methodology#price-at-capability", text: "method" }} />
        <Figure id="lag" label="Open models trail by" value={f.lag ? (f.lag.lagMonths === 0 ? "0 months" : `${f.lag.lagMonths.toFixed(1)} months`) : "—"}
          detail={f.lag ? `GPQA Diamond: best open ${f.lag.open} vs best proprietary ${f.lag.proprietary}` : "One side has no GPQA Diamond score yet."}
          date={f.lag ? `month of ${f.lag.month.slice(0, 7)}` : f.today} method={{ href: "/methodology#open-gap", text: "method" }} />
        <Figure id="releases" label="Releases this month" value={String(f.releasesThisMonth.count)}
          detail={`${f.releasesThisMonth.open} with open weights`} date={`${f.releasesThisMonth.from} to ${f.releasesThisMonth.to}`} method={{ href: "/news", text: "all releases" }} />
        <Figure id="price-changes" label="Price changes this week" value={String(f.priceChangesThisWeek.count)}
          detail={`${f.priceChangesThisWeek.cuts} cuts`} date={`${f.priceChangesThisWeek.from} to ${f.priceChangesThisWeek.to}`} method={{ href: "/methodology#reference-price", text: "method" }} />
      </div>
    </section>
  );
}
