import type { Metadata } from "next";
import Link from "next/link";
import { listDigests } from "../../../lib/queries/digests";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Digest archive" };

export default async function DigestArchivePage() {
  const digests = await listDigests();
  return (
    <main>
      <h1>Weekly digest archive</h1>
      <p className="lede">
        Every weekly digest sent, as subscribers received it (without their personal links). <Link href="/subscribe">Subscribe</Link> to get the next one.
      </p>
      {digests.length === 0 ? (
        <p className="panel" data-testid="digest-archive-empty">No digest has been sent yet: the first goes out after the first complete week (Mondays, 08:00 UTC by default).</p>
      ) : (
        <table className="data" data-testid="digest-archive">
          <thead><tr><th>Week</th><th>Subject</th><th>Sent to</th></tr></thead>
          <tbody>
            {digests.map((d) => (
              <tr key={d.week}>
                <td><Link href={`/digest/${d.week}`}>{d.week}</Link></td>
                <td>{d.subject}</td>
                <td>{d.sent} subscriber{d.sent === 1 ? "" : "s"}{d.bounced ? `, ${d.bounced} bounced` : ""}{d.waiting ? `, ${d.waiting} waiting` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
