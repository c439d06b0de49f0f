/**
 * The weekly digest email: table layout and inline styles (what mail clients render), with a
 * plain-text alternative built from the same content.
 */
import type { ReactNode } from "react";
import type { DigestContent } from "../lib/schemas/digest";

const td = { padding: "6px 8px", borderBottom: "1px solid #e3e6eb", fontSize: "14px", fontFamily: "Arial, Helvetica, sans-serif", color: "#14161a" } as const;
const th = { ...td, fontWeight: 700, textAlign: "left" as const, color: "#5b6270", fontSize: "12px" };
const link = { color: "#2451b7" } as const;
const money = (v: number) => `$${v < 1 ? v.toFixed(3) : v.toFixed(2)}`;
const pct = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}%`;

/** A titled block of the email: its table, or one line saying it is empty. */
function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <>
      <tr>
        <td style={{ ...td, padding: "16px 20px 4px", borderBottom: "none", fontSize: "16px", fontWeight: 700 }}>{title}</td>
      </tr>
      <tr>
        <td style={{ padding: "0 20px 8px" }}>
          {empty ? (
            <p style={{ ...td, borderBottom: "none", color: "#5b6270" }}>{empty}</p>
          ) : (
            <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>{children}</table>
          )}
        </td>
      </tr>
    </>
  );
}

export function WeeklyDigestEmail({ content, baseUrl }: { content: DigestContent; baseUrl: string }) {
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>FrontierWatch weekly digest</title>
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
                        <div style={{ color: "#5b6270" }}>What changed from {content.from} to {content.to}</div>
                      </td>
                    </tr>
                    <Section title="Price changes" empty={content.priceChanges.length === 0 ? "No list-price changes in this window." : null}>
                      <thead>
                        <tr><th style={th}>Model</th><th style={th}>Provider</th><th style={th}>Date</th><th style={th}>Input / output per 1M</th><th style={th}>Blended</th></tr>
                      </thead>
                      <tbody>
                        {content.priceChanges.map((c) => (
                          <tr key={`${c.model}-${c.provider}-${c.date}`}>
                            <td style={td}><a href={`${baseUrl}/api/v1/models?q=${encodeURIComponent(c.model)}`} style={link}>{c.modelName}</a></td>
                            <td style={td}>{c.provider}</td>
                            <td style={td}>{c.date}</td>
                            <td style={td}>{money(c.before.input)}/{money(c.before.output)} → {money(c.after.input)}/{money(c.after.output)}</td>
                            <td style={{ ...td, color: c.changePct < 0 ? "#1a7f4b" : "#b42318", fontWeight: 700 }}>{pct(c.changePct)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </Section>
                    <Section title="New releases" empty={content.releases.length === 0 ? "No releases in this window." : null}>
                      <tbody>
                        {content.releases.map((r) => (
                          <tr key={r.model}>
                            <td style={td}><a href={r.sourceUrl} style={link}>{r.modelName}</a></td>
                            <td style={td}>{r.lab}</td>
                            <td style={td}>{r.date}</td>
                            <td style={td}>{r.openWeights ? "open weights" : "proprietary"}{r.reasoning ? ", reasoning" : ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </Section>
                    <tr>
                      <td style={{ ...td, padding: "16px 20px", color: "#5b6270", fontSize: "12px", borderBottom: "none" }}>
                        Every figure links to its source. <a href={baseUrl} style={link}>Open the dashboard</a>.
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

export function renderWeeklyDigestText(content: DigestContent, baseUrl: string): string {
  const lines = [`FrontierWatch — what changed from ${content.from} to ${content.to}`, "", "PRICE CHANGES"];
  if (content.priceChanges.length === 0) lines.push("No list-price changes in this window.");
  for (const c of content.priceChanges) {
    lines.push(`- ${c.modelName} on ${c.provider}, ${c.date}: ${money(c.before.input)}/${money(c.before.output)} -> ${money(c.after.input)}/${money(c.after.output)} per 1M tokens (${pct(c.changePct)} blended)`);
  }
  lines.push("", "NEW RELEASES");
  if (content.releases.length === 0) lines.push("No releases in this window.");
  for (const r of content.releases) lines.push(`- ${r.modelName} (${r.lab}), ${r.date}, ${r.openWeights ? "open weights" : "proprietary"}${r.reasoning ? ", reasoning" : ""} — ${r.sourceUrl}`);
  lines.push("", `Dashboard: ${baseUrl}`);
  return lines.join("\n");
}

export async function renderWeeklyDigest(content: DigestContent, baseUrl: string): Promise<{ subject: string; html: string; text: string }> {
  // loaded at call time: Next.js refuses a static react-dom/server import in the app graph
  const { renderToStaticMarkup } = await import("react-dom/server");
  const n = content.priceChanges.length + content.releases.length;
  return {
    subject: n
      ? `FrontierWatch: ${content.priceChanges.length} price changes, ${content.releases.length} releases (${content.from} to ${content.to})`
      : `FrontierWatch: a quiet week (${content.from} to ${content.to})`,
    html: `<!DOCTYPE html>${renderToStaticMarkup(<WeeklyDigestEmail content={content} baseUrl={baseUrl} />)}`,
    text: renderWeeklyDigestText(content, baseUrl),
  };
}
