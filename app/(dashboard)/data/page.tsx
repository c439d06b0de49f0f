import type { Metadata } from "next";
import { listRecentRejections, listSourceStatus, listUnmatchedAliases } from "../../../lib/queries/sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function DataPage() {
  const [sources, unmatched, rejections] = await Promise.all([listSourceStatus(), listUnmatchedAliases(60), listRecentRejections(60)]);
  return (
    <main>
      <h1>Data sources</h1>
      <p className="lede">Where every number comes from, when it was last fetched, what was rejected, and which ids we could not match yet.</p>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Sources and their last run</h2>
        <div style={{ overflowX: "auto" }}>
          <table className="data" data-testid="sources-table">
            <thead>
              <tr><th>Source</th><th>Kind</th><th>Schedule</th><th>Last run</th><th>Status</th><th>Inserted / updated / unchanged / rejected</th><th>Match rate</th><th>Last success</th><th>Review list</th></tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.slug} data-source={s.slug}>
                  <td>{s.url ? <a href={s.url}>{s.name}</a> : s.name}<div className="muted">{s.slug}</div></td>
                  <td>{s.kind}</td>
                  <td><code>{s.schedule ?? "on demand"}</code></td>
                  <td>{s.lastRun ? `#${s.lastRun.id}, ${when(s.lastRun.startedAt)} (${s.lastRun.trigger})` : "none yet"}</td>
                  <td>{s.lastRun?.status ?? "—"}{s.lastRun?.message ? <div className="muted">{s.lastRun.message}</div> : null}</td>
                  <td>{s.lastRun ? `${s.lastRun.inserted} / ${s.lastRun.updated} / ${s.lastRun.unchanged} / ${s.lastRun.rejected}` : "—"}</td>
                  <td>{pct(s.lastRun?.matchRate ?? null)}</td>
                  <td>{when(s.lastSuccessAt)}{s.ageHours !== null ? <div className="muted">{s.ageHours} h ago</div> : null}</td>
                  <td>{s.unmatched}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">Unmatched ids (review list)</h2>
        <p className="muted">Model ids a source used that resolve to no model in the catalogue. They are kept, counted and shown here until an alias is added.</p>
        {unmatched.length === 0 ? <p>None.</p> : (
          <div style={{ overflowX: "auto" }}>
            <table className="data" data-testid="unmatched-table">
              <thead><tr><th>Source</th><th>Id</th><th>Seen</th><th>Last seen</th></tr></thead>
              <tbody>{unmatched.map((u) => <tr key={`${u.source}|${u.alias}`}><td>{u.source}</td><td><code>{u.alias}</code></td><td>{u.occurrences}</td><td>{when(u.lastSeenAt)}</td></tr>)}</tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="rejections-title">
        <h2 id="rejections-title">Rejected records in the latest runs</h2>
        {rejections.length === 0 ? <p>None.</p> : (
          <div style={{ overflowX: "auto" }}>
            <table className="data" data-testid="rejections-table">
              <thead><tr><th>Source</th><th>Run</th><th>Record</th><th>Field</th><th>Reason</th></tr></thead>
              <tbody>{rejections.map((r, i) => <tr key={i}><td>{r.source}</td><td>#{r.runId}</td><td><code>{r.record}</code></td><td><code>{r.field}</code></td><td>{r.reason}</td></tr>)}</tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
