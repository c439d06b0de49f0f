import type { Metadata } from "next";
import { ConfirmButton } from "../../../../components/subscribe/TokenActions";
import { getPool } from "../../../../lib/db";
import { readLink } from "../../../../lib/subscriptions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

/** Opening the link changes nothing (mail scanners open links); the button confirms. */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const link = await readLink(getPool(), (await searchParams).token, "confirm");
  return (
    <main>
      <h1>Confirm your subscription</h1>
      {"problem" in link ? (
        <p className="panel field-error" role="alert" data-testid="link-problem">{link.problem}</p>
      ) : link.subscriber.status === "confirmed" ? (
        <p className="panel" data-testid="confirm-done">{link.subscriber.email} is already subscribed.</p>
      ) : (
        <section className="panel">
          <p>Send the FrontierWatch weekly digest to <strong>{link.subscriber.email}</strong>?</p>
          <ConfirmButton token={link.token} />
        </section>
      )}
    </main>
  );
}
