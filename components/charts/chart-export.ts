"use client";
/**
 * Browser-side export of a rendered chart: the SVG as drawn (CSS variables resolved to the
 * current theme's colours, so the file looks the same outside the page) and a PNG drawn from it.
 */
import { toCsv, type CsvTable } from "../../lib/charts/csv";

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(table: CsvTable): void {
  downloadBlob(new Blob([toCsv(table.header, table.rows)], { type: "text/csv;charset=utf-8" }), table.filename);
}

const VAR_REF = /var\((--[a-z0-9-]+)\)/gi;

/** A standalone copy of the chart's SVG with the theme's colours written in. */
export function serializeChartSvg(svg: SVGSVGElement, title: string): string {
  const rootStyle = getComputedStyle(document.documentElement);
  const resolve = (value: string) => value.replace(VAR_REF, (_, name: string) => rootStyle.getPropertyValue(name).trim() || "#888");
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  clone.setAttribute("viewBox", `0 0 ${Math.round(width)} ${Math.round(height)}`);
  for (const el of [clone, ...clone.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) if (attr.value.includes("var(")) el.setAttribute(attr.name, resolve(attr.value));
    const style = el.getAttribute("style");
    if (style?.includes("var(")) el.setAttribute("style", resolve(style));
  }
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", rootStyle.getPropertyValue("--card").trim() || "#fff");
  clone.insertBefore(bg, clone.firstChild);
  const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
  t.textContent = title;
  clone.insertBefore(t, clone.firstChild);
  clone.setAttribute("font-family", getComputedStyle(document.body).fontFamily);
  clone.setAttribute("color", rootStyle.getPropertyValue("--fg").trim());
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  downloadBlob(new Blob([serializeChartSvg(svg, title)], { type: "image/svg+xml;charset=utf-8" }), filename);
}

export async function downloadPng(svg: SVGSVGElement, title: string, filename: string, scale = 2): Promise<void> {
  const text = serializeChartSvg(svg, title);
  const { width, height } = svg.getBoundingClientRect();
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml;charset=utf-8" }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the chart could not be drawn as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas in this browser");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the browser could not encode the PNG");
    downloadBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
