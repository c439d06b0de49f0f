import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { renderWeeklyDigest } from "../../../../emails/weekly-digest";
import { isRealDate } from "../../../../lib/dates";
import { buildDigest } from "../../../../lib/digest/build-digest";
import { chartDataUrl } from "../../../../lib/digest/send-digest";
import { getEnv } from "../../../../lib/env";
import { getDigestInputsForWeek } from "../../../../lib/queries/digests";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Digest, week of ${(await params).week}` };
}

/** The week's digest exactly as the email shows it (for every topic and lab, without personal links). */
export default async function DigestWeekPage({ params }: Params) {
  const { week } = await params;
  if (!isRealDate(week)) notFound();
  const stored = await getDigestInputsForWeek(week);
  if (!stored) notFound();
  const email = await renderWeeklyDigest(buildDigest(stored.inputs), { baseUrl: getEnv().PUBLIC_BASE_URL.replace(/\/$/, ""), chartSrc: chartDataUrl(stored.inputs) });
  return (
    <main>
      <p><Link href="/digest">← All digests</Link></p>
      <h1>{email.subject}</h1>
      <iframe title={`The digest email for the week of ${week}`} srcDoc={email.html} className="digest-frame" data-testid="digest-email" sandbox="allow-popups allow-popups-to-escape-sandbox" />
      <details>
        <summary>Plain-text version</summary>
        <pre className="digest-text">{email.text}</pre>
      </details>
    </main>
  );
}
