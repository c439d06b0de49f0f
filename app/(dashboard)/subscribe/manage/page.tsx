import type { Metadata } from "next";
import { PreferencesForm, UnsubscribeButton } from "../../../../components/subscribe/TokenActions";
import { listLabs } from "../../../../lib/queries/labs";
import { getPool } from "../../../../lib/db";
import { readLink } from "../../../../lib/subscriptions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Manage your subscription", robots: { index: false } };

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const link = await readLink(getPool(), (await searchParams).token, "manage");
  if ("problem" in link) {
    return (
      <main>
        <h1>Manage your subscription</h1>
        <p className="panel field-error" role="alert" data-testid="link-problem">{link.problem}</p>
      </main>
    );
  }
  const labs = (await listLabs()).filter((l) => l.models > 0).map((l) => ({ slug: l.slug, name: l.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <main>
      <h1>Manage your subscription</h1>
      <p className="lede">The weekly digest for <strong>{link.subscriber.email}</strong> ({link.subscriber.status}).</p>
      {link.subscriber.status === "confirmed" ? <PreferencesForm token={link.token} labs={labs} preferences={link.subscriber.preferences} /> : null}
      <section className="panel">
        <h2>Leave</h2>
        <UnsubscribeButton token={link.token} />
      </section>
    </main>
  );
}
