import type { Metadata } from "next";
import { UnsubscribeButton } from "../../../../components/subscribe/TokenActions";
import { getPool } from "../../../../lib/db";
import { readLink } from "../../../../lib/subscriptions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** Where a browser lands from the List-Unsubscribe URL: one button, no silent change on opening. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const link = await readLink(getPool(), (await searchParams).token, ["unsubscribe", "manage"]);
  return (
    <main>
      <h1>Unsubscribe</h1>
      {"problem" in link ? (
        <p className="panel field-error" role="alert" data-testid="link-problem">{link.problem}</p>
      ) : (
        <section className="panel">
          <p>Stop sending the FrontierWatch weekly digest to <strong>{link.subscriber.email}</strong>?</p>
          <UnsubscribeButton token={link.token} />
        </section>
      )}
    </main>
  );
}
