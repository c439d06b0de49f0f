"use client";
/** A lab's releases per year (open vs proprietary), shaped by prepareReleaseCounts. */
import { useMemo } from "react";
import { prepareReleaseCounts } from "../../lib/charts/prepare-releases";
import type { LabModel } from "../../lib/queries/labs";
import { BarsChart } from "../charts/LazyCharts";
import { ChartFrame } from "../charts/ChartFrame";

export function LabReleasesChart({ lab, models }: { lab: { slug: string; name: string }; models: LabModel[] }) {
  const r = useMemo(() => prepareReleaseCounts(models, "year", `${lab.slug}-releases-per-year.csv`), [lab.slug, models]);
  return (
    <ChartFrame id="lab-releases" title="Releases per year" description={`${lab.name}'s models by release year, with open weights or not.`} csv={r.csv}
      series={r.chart.series.length} points={r.chart.rows.length} state={r.total ? "ready" : "empty"} emptyMessage={`No models of ${lab.name} in the catalogue yet.`} summary={r.summary}>
      <BarsChart data={r.chart} format={(v) => String(v)} colours={["var(--open)", "var(--closed)"]} integer />
    </ChartFrame>
  );
}
