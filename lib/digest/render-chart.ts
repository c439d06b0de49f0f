/**
 * SVG → PNG on the server (resvg, no browser), with a font that ships inside an installed package
 * (Geist, in Next's @vercel/og) so text renders the same on every machine, without system fonts.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);

function fontFile(): string | null {
  try {
    const file = path.join(path.dirname(require.resolve("next/package.json")), "dist/compiled/@vercel/og/Geist-Regular.ttf");
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function svgToPng(svg: string, scale = 2): Buffer {
  const font = fontFile();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: font ? { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: "Geist" } : { loadSystemFonts: true },
  });
  return Buffer.from(resvg.render().asPng());
}
