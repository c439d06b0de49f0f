"use client";
/**
 * The frame every chart (and data table) sits in: title, description, exports of the exact data
 * shown (CSV) and of the drawing (SVG, PNG), and honest loading / empty / error states in a body
 * of fixed height, so nothing shifts when the data arrives.
 *
 * data-series and data-points state what is drawn, for readers of the DOM and for the e2e tests.
 */
import { useId, useRef, useState, type CSSProperties, type ReactNode } from "react";
import type { CsvTable } from "../../lib/charts/csv";
import { downloadCsv, downloadPng, downloadSvg } from "./chart-export";
import { requestDrawing } from "./LazyCharts";

export type ChartState = "ready" | "loading" | "empty" | "error";

export interface ChartFrameProps {
  /** stable id: the frame's data-testid is `chart-${id}` */
  id: string;
  title: string;
  description?: ReactNode;
  /** the rows behind the drawing, exactly as shown; null when there is nothing to export */
  csv: CsvTable | null;
  series?: number;
  points?: number;
  state?: ChartState;
  emptyMessage?: string;
  errorMessage?: string;
  /** body height in px (the chart's drawing area); "auto" for tables */
  height?: number | "auto";
  /** offer SVG and PNG exports (off for tables) */
  image?: boolean;
  /** one sentence that says what the chart shows, read by screen readers and printed below */
  summary?: string;
  headingLevel?: 2 | 3;
  /** inputs that choose what the chart shows; stay in place whatever the state */
  controls?: ReactNode;
  children?: ReactNode;
}

/** The drawing in a chart body; charts are drawn when near the viewport (LazyCharts), so an export asks for it and waits. */
function waitForDrawing(body: HTMLElement, find: () => SVGSVGElement | null, timeoutMs = 10_000): Promise<SVGSVGElement | null> {
  const now = find();
  if (now) return Promise.resolve(now);
  requestDrawing(body);
  return new Promise((resolve) => {
    const done = (svg: SVGSVGElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(svg);
    };
    const observer = new MutationObserver(() => {
      const svg = find();
      if (svg) done(svg);
    });
    const timer = setTimeout(() => done(null), timeoutMs);
    observer.observe(body, { childList: true, subtree: true });
  });
}

export function ChartFrame({
  id, title, description, csv, series, points, state = "ready", emptyMessage = "No data for this selection.", errorMessage,
  height = 320, image = true, summary, headingLevel = 2, controls, children,
}: ChartFrameProps) {
  const headingId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [exportNote, setExportNote] = useState("");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const base = csv?.filename.replace(/\.csv$/, "") ?? id;

  const svgElement = (): SVGSVGElement | null => bodyRef.current?.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface") ?? bodyRef.current?.querySelector("svg") ?? null;
  const exportImage = async (kind: "svg" | "png") => {
    const svg = bodyRef.current ? await waitForDrawing(bodyRef.current, svgElement) : null;
    if (!svg) return setExportNote("Nothing drawn to export.");
    try {
      if (kind === "svg") downloadSvg(svg, title, `${base}.svg`);
      else await downloadPng(svg, title, `${base}.png`);
      setExportNote(`Downloaded ${base}.${kind}`);
    } catch (err) {
      setExportNote(`Export failed: ${(err as Error).message}`);
    }
  };
  const canExport = state === "ready";
  const style = (typeof height === "number" ? { "--chart-height": `${height}px` } : {}) as CSSProperties;

  return (
    <figure className="chart-frame" aria-labelledby={headingId} data-testid={`chart-${id}`} data-state={state} data-series={series ?? ""} data-points={points ?? ""}>
      <header>
        <div>
          <Heading id={headingId}>{title}</Heading>
          {description ? <div className="muted">{description}</div> : null}
        </div>
        <div className="exports" role="group" aria-label={`Export ${title}`}>
          <button type="button" disabled={!canExport || !csv} onClick={() => { if (csv) { downloadCsv(csv); setExportNote(`Downloaded ${csv.filename}`); } }} aria-label={`Download the data of “${title}” as CSV`} data-testid={`export-csv-${id}`}>CSV</button>
          {image ? (
            <>
              <button type="button" disabled={!canExport} onClick={() => exportImage("png")} aria-label={`Download “${title}” as PNG`} data-testid={`export-png-${id}`}>PNG</button>
              <button type="button" disabled={!canExport} onClick={() => exportImage("svg")} aria-label={`Download “${title}” as SVG`} data-testid={`export-svg-${id}`}>SVG</button>
            </>
          ) : null}
        </div>
      </header>
      {controls}
      <div ref={bodyRef} className={`chart-body${height === "auto" ? " auto" : ""}`} style={style} aria-busy={state === "loading"}>
        {state === "loading" ? <p className="chart-state skeleton" role="status">Loading…</p>
          : state === "error" ? <p className="chart-state error" role="alert">Could not load this chart{errorMessage ? `: ${errorMessage}` : "."}</p>
          : state === "empty" ? <p className="chart-state" role="status">{emptyMessage}</p>
          : children}
      </div>
      {summary && state === "ready" ? <figcaption className="muted">{summary}</figcaption> : null}
      <p className="muted" role="status" aria-live="polite" style={{ minHeight: "1.2em", margin: 0, fontSize: "0.8rem" }}>{exportNote}</p>
    </figure>
  );
}
