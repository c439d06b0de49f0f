"use client";
/**
 * The chart components, loaded on demand. Recharts (about 110 KB gzipped, and most of a chart
 * page's main-thread work) draws nothing on the server — ResponsiveContainer needs the browser's
 * layout to know its size — so it stays out of the page's first-load JavaScript, and a chart is
 * drawn when its place comes within reach of the viewport (just before it scrolls into view, and at
 * once for a chart above the fold). Until then a placeholder fills the chart body, whose height
 * ChartFrame fixes, so nothing shifts when the chart arrives. Printing draws every chart, and so does
 * an image export (requestDrawing). Import charts from here, not from their files.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentType } from "react";

const DRAW_EVENT = "frontierwatch:draw-chart";
/** how far below the viewport a chart starts loading */
const LOOKAHEAD = "0px 0px 200px 0px";

function ChartLoading() {
  return <div className="chart-loading" />;
}

/** Draws the charts waiting in an element (a chart frame's body) now, wherever they are. */
export function requestDrawing(root: Element): void {
  for (const el of root.querySelectorAll("[data-chart-waiting]")) el.dispatchEvent(new Event(DRAW_EVENT));
}

function whenNear<P extends object>(Chart: ComponentType<P>): ComponentType<P> {
  function NearChart(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const el = ref.current;
      if (near || !el) return;
      const draw = () => setNear(true);
      if (typeof IntersectionObserver === "undefined") return draw();
      const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) draw(); }, { rootMargin: LOOKAHEAD });
      observer.observe(el);
      el.addEventListener(DRAW_EVENT, draw);
      window.addEventListener("beforeprint", draw);
      // a print already under way (the page was hydrated while the print dialog was opening)
      if (window.matchMedia?.("print").matches) draw();
      // listening from now on: an export or a print asked before this point (before hydration) was not heard
      el.setAttribute("data-chart-armed", "");
      return () => {
        observer.disconnect();
        el.removeEventListener(DRAW_EVENT, draw);
        window.removeEventListener("beforeprint", draw);
      };
    }, [near]);
    return near ? <Chart {...props} /> : <div ref={ref} className="chart-loading" data-chart-waiting="" />;
  }
  NearChart.displayName = `Near(${Chart.displayName ?? Chart.name})`;
  return NearChart;
}

export const XYScatterChart = whenNear(dynamic(() => import("./XYScatterChart").then((m) => m.XYScatterChart), { ssr: false, loading: ChartLoading }));
export const TimeStepChart = whenNear(dynamic(() => import("./TimeStepChart").then((m) => m.TimeStepChart), { ssr: false, loading: ChartLoading }));
export const BarsChart = whenNear(dynamic(() => import("./BarsChart").then((m) => m.BarsChart), { ssr: false, loading: ChartLoading }));
export const CheapestPriceLines = whenNear(dynamic(() => import("./CheapestPriceLines").then((m) => m.CheapestPriceLines), { ssr: false, loading: ChartLoading }));
