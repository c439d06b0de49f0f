import type { Metadata } from "next";
import { LabsExplorer } from "../../../components/labs/LabsExplorer";
import { listLabs } from "../../../lib/queries/labs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Labs" };

export default async function LabsPage() {
  const labs = await listLabs();
  return (
    <main>
      <h1>Labs</h1>
      <p className="lede">Who trains the models: {labs.length} labs, their releases and how many come with open weights.</p>
      <LabsExplorer labs={labs} />
    </main>
  );
}
