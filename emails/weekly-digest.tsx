/**
 * The weekly digest email: table layout and inline styles (what mail clients render), with a
 * plain-text alternative built from the same content (lib/digest/build-digest.ts).
 */
import type { ReactNode } from "react";
import { digestSubject, type DigestContent, type DigestPriceChange } from "../lib/digest/build-digest";

const td = { padding: "6px 8px", borderBottom: "1px solid #e3e6eb", fontSize: "14px", fontFamily: "Arial, Helvetica, sans-serif", color: "#14161a" } as const;
const th = { ...td, fontWeight: 700, textAlign: "left" as const, color: "#5b6270", fontSize: "12px" };
const link = { color: "#2451b7" } as const;
const money = (v: number) => `$${v < 1 ? v.toFixed(3) : v.toFixed(2)}`;
const pct = (v: number | null) => (v === null ? "from free" : `${v > 0 ? "+" : ""}${v.toFixed(1)}%`);
const points = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(1)} points`);

export interface DigestLinks {
  baseUrl: string;
  /** per-subscriber links; absent in previews and the web archive */
  manageUrl?: string;
  unsubscribeUrl?: string;
  /** where the chart image is: "cid:…" in an email, a data: URL on the web; no image without it */
  chartSrc?: string;
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <>
      <tr>
        <td style={{ ...td, padding: "16px 20px 4px", borderBottom: "none", fontSize: "16px", fontWeight: 700 }}>{title}</td>
      </tr>
      <tr>
        <td style={{ padding: "0 20px 8px" }}>
          {empty ? <p style={{ ...td, borderBottom: "none", color: "#5b6270" }}>{empty}</p> : <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>{children}</table>}
        </td>
      </tr>
    </>
  );
}

function PriceRows({ rows, baseUrl }: { rows: DigestPriceChange[]; baseUrl: string }) {
  return (
    <>
      <thead>
        <tr><th style={th}>Model</th><th style={th}>Provider</th><th style={th}>Date</th><th style={th}>Input / output per 1M</th><th style={th}>Blended</th></tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={`${c.model}-${c.provider}-${c.date}`}>
            <td style={td}><a href={`${baseUrl}/models/${encodeURIComponent(c.model)}`} style={link}>{c.modelName}</a></td>
            <td style={td}>{c.provider}</td>
            <td style={td}>{c.date}</td>
            <td style={td}>{money(c.before.input)}/{money(c.before.output)} → {money(c.after.input)}/{money(c.after.output)}</td>
            <td style={{ ...td, color: c.changePct !== null && c.changePct < 0 ? "#1a7f4b" : "#b42318", fontWeight: 700 }}>{pct(c.changePct)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

export function WeeklyDigestEmail({ content: c, links }: { content: DigestContent; links: DigestLinks }) {
  const { baseUrl } = links;
  const has = (t: string) => c.topics.includes(t as never);
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{digestSubject(c)}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: "#f4f5f7" }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: "#f4f5f7" }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width={600} cellPadding={0} cellSpacing={0} style={{ maxWidth: "600px", width: "100%", backgroundColor: "#ffffff", border: "1px solid #e3e6eb" }}>
                  <tbody>
                    <tr>
                      <td style={{ ...td, padding: "20px", borderBottom: "3px solid #2451b7" }}>
                        <div style={{ fontSize: "20px", fontWeight: 700 }}>FrontierWatch</div>
                        <div style={{ color: "#5b6270" }}>What changed from {c.from} to {c.to}{c.labs.length ? `, for ${c.labs.join(", ")}` : ""}</div>
                      </td>
                    </tr>
                    {c.chart && links.chartSrc ? (
                      <tr>
                        <td style={{ padding: "16px 20px 0" }}>
                          <img src={links.chartSrc} alt={c.chart.alt} width={560} style={{ display: "block", width: "100%", maxWidth: "560px", height: "auto", border: "0" }} />
                        </td>
                      </tr>
                    ) : null}
                    {has("prices") ? (
                      <>
                        <Section title="Biggest price cuts" empty={c.priceCuts.length ? null : "No price cuts this week."}><PriceRows rows={c.priceCuts} baseUrl={baseUrl} /></Section>
                        <Section title="Price rises" empty={c.priceRises.length ? null : "No price rises this week."}><PriceRows rows={c.priceRises} baseUrl={baseUrl} /></Section>
                      </>
                    ) : null}
                    {has("releases") ? (
                      <Section title="New releases" empty={c.releases.length ? null : "No releases this week."}>
                        <tbody>
                          {c.releases.map((r) => (
                            <tr key={r.model}>
                              <td style={td}><a href={`${baseUrl}/models/${encodeURIComponent(r.model)}`} style={link}>{r.modelName}</a></td>
                              <td style={td}>{r.lab}</td>
                              <td style={td}>{r.date}</td>
                              <td style={td}>{r.openWeights ? "open weights" : "proprietary"}{r.reasoning ? ", reasoning" : ""}</td>
                            </tr>
                          ))}
                        </tbody>
                      </Section>
                    ) : null}
                    {has("benchmarks") ? (
                      <Section title="New benchmark leaders and thresholds crossed" empty={c.newLeaders.length + c.crossings.length ? null : "No new leader and no threshold crossed this week."}>
                        <tbody>
                          {c.newLeaders.map((l) => (
                            <tr key={`${l.benchmark}-${l.model}`}>
                              <td style={td}>{l.benchmark}</td>
                              <td style={td}><strong>{l.modelName}</strong> leads with {l.score}{l.previous ? ` (was ${l.previous.modelName}, ${l.previous.score})` : ""}</td>
                              <td style={td}>{l.date}</td>
                            </tr>
                          ))}
                          {c.crossings.map((x) => (
                            <tr key={`${x.benchmark}-${x.minScore}-${x.maxPrice}`}>
                              <td style={td}>{x.benchmark} ≥ {x.minScore} under {money(x.maxPrice)}</td>
                              <td style={td}>First model: <strong>{x.modelName}</strong> ({x.score}, {money(x.price)} blended)</td>
                              <td style={td}>{x.date}</td>
                            </tr>
                          ))}
                        </tbody>
                      </Section>
                    ) : null}
                    {has("open-vs-proprietary") ? (
                      <Section title="Open vs proprietary" empty={c.gap.length ? null : "No comparable open and proprietary scores this month."}>
                        <tbody>
                          {c.gap.map((g) => (
                            <tr key={g.benchmark}>
                              <td style={td}>{g.benchmark}</td>
                              <td style={td}>gap {g.start.gapPercent === null ? "—" : `${g.start.gapPercent}%`} ({g.start.month.slice(0, 7)}) → {g.end.gapPercent === null ? "—" : `${g.end.gapPercent}%`} ({g.end.month.slice(0, 7)}), {points(g.changePoints)}</td>
                              <td style={td}>{g.lagMonths === null ? "" : `open trails by ${g.lagMonths} months`}</td>
                            </tr>
                          ))}
                        </tbody>
                      </Section>
                    ) : null}
                    <Section title="News" empty={c.news.length ? null : "No news items this week."}>
                      <tbody>
                        {c.news.map((n) => (
                          <tr key={n.url}>
                            <td style={td}><a href={n.url} style={link}>{n.title}</a></td>
                            <td style={td}>{n.feed}</td>
                            <td style={td}>{n.date}</td>
                          </tr>
                        ))}
                      </tbody>
                    </Section>
                    <tr>
                      <td style={{ ...td, padding: "16px 20px", color: "#5b6270", fontSize: "12px", borderBottom: "none" }}>
                        Every figure has a date and a source on the dashboard. <a href={baseUrl} style={link}>Open the dashboard</a> ·{" "}
                        <a href={`${baseUrl}/methodology`} style={link}>Methodology</a>
                        {links.manageUrl ? <> · <a href={links.manageUrl} style={link}>Manage your subscription</a></> : null}
                        {links.unsubscribeUrl ? <> · <a href={links.unsubscribeUrl} style={link}>Unsubscribe</a></> : null}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function renderWeeklyDigestText(c: DigestContent, links: DigestLinks): string {
  const lines = [`FrontierWatch — what changed from ${c.from} to ${c.to}${c.labs.length ? `, for ${c.labs.join(", ")}` : ""}`];
  if (c.chart) lines.push("", `CHART: ${c.chart.alt}`);
  const priceLine = (x: DigestPriceChange) => `- ${x.modelName} on ${x.provider}, ${x.date}: ${money(x.before.input)}/${money(x.before.output)} -> ${money(x.after.input)}/${money(x.after.output)} per 1M tokens (${pct(x.changePct)} blended)`;
  if (c.topics.includes("prices")) {
    lines.push("", "BIGGEST PRICE CUTS", ...(c.priceCuts.length ? c.priceCuts.map(priceLine) : ["No price cuts this week."]));
    lines.push("", "PRICE RISES", ...(c.priceRises.length ? c.priceRises.map(priceLine) : ["No price rises this week."]));
  }
  if (c.topics.includes("releases")) {
    lines.push("", "NEW RELEASES", ...(c.releases.length ? c.releases.map((r) => `- ${r.modelName} (${r.lab}), ${r.date}, ${r.openWeights ? "open weights" : "proprietary"}${r.reasoning ? ", reasoning" : ""} — ${links.baseUrl}/models/${r.model}`) : ["No releases this week."]));
  }
  if (c.topics.includes("benchmarks")) {
    const items = [
      ...c.newLeaders.map((l) => `- ${l.benchmark}: ${l.modelName} leads with ${l.score}${l.previous ? ` (was ${l.previous.modelName}, ${l.previous.score})` : ""}, ${l.date}`),
      ...c.crossings.map((x) => `- ${x.benchmark} >= ${x.minScore} under ${money(x.maxPrice)}: first model ${x.modelName} (${x.score}, ${money(x.price)} blended), ${x.date}`),
    ];
    lines.push("", "NEW LEADERS AND THRESHOLDS CROSSED", ...(items.length ? items : ["No new leader and no threshold crossed this week."]));
  }
  if (c.topics.includes("open-vs-proprietary")) {
    lines.push("", "OPEN VS PROPRIETARY", ...(c.gap.length ? c.gap.map((g) => `- ${g.benchmark}: gap ${g.start.gapPercent ?? "—"}% (${g.start.month.slice(0, 7)}) -> ${g.end.gapPercent ?? "—"}% (${g.end.month.slice(0, 7)}), ${points(g.changePoints)}${g.lagMonths === null ? "" : `; open trails by ${g.lagMonths} months`}`) : ["No comparable scores this month."]));
  }
  lines.push("", "NEWS", ...(c.news.length ? c.news.map((n) => `- ${n.title} (${n.feed}, ${n.date}) ${n.url}`) : ["No news items this week."]));
  lines.push("", `Dashboard: ${links.baseUrl}`, `Methodology: ${links.baseUrl}/methodology`);
  if (links.manageUrl) lines.push(`Manage your subscription: ${links.manageUrl}`);
  if (links.unsubscribeUrl) lines.push(`Unsubscribe: ${links.unsubscribeUrl}`);
  return lines.join("\n");
}

export async function renderWeeklyDigest(content: DigestContent, links: DigestLinks): Promise<{ subject: string; html: string; text: string }> {
  // loaded at call time: Next.js refuses a static react-dom/server import in the app graph
  const { renderToStaticMarkup } = await import("react-dom/server");
  return {
    subject: digestSubject(content),
    html: `<!DOCTYPE html>${renderToStaticMarkup(<WeeklyDigestEmail content={content} links={links} />)}`,
    text: renderWeeklyDigestText(content, links),
  };
}
