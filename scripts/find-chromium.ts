/** Where a Chromium for Playwright is on this machine (never downloads one). */
import { existsSync } from "node:fs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(explicit: string | undefined = process.env.CHROMIUM_PATH): string | undefined {
  return [explicit, ...CHROMIUM_CANDIDATES].find((p): p is string => Boolean(p && existsSync(p)));
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
