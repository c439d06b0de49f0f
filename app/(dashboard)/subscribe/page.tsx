import type { Metadata } from "next";
import { SubscribeForm } from "../../../components/subscribe/SubscribeForm";
import { listLabs } from "../../../lib/queries/labs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Weekly digest" };

export default async function SubscribePage() {
  const labs = (await listLabs()).filter((l) => l.models > 0).map((l) => ({ slug: l.slug, name: l.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <main>
      <h1>The weekly digest</h1>
      <p className="lede">
        Once a week: the biggest price cuts and rises, new releases, new benchmark leaders, thresholds crossed and how the open-vs-proprietary gap moved —
        every number with its date and source. Choose what you want; change it or leave with one click from any digest.
      </p>
      <SubscribeForm labs={labs} />
    </main>
  );
}
