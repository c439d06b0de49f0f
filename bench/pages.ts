/**
 * bench/pages: the dashboard's speed as a visitor meets it. The real app, started the way `npm start`
 * starts it (scripts/start.ts: embedded PostgreSQL in a temp folder, migrations, the curated load and
 * the analytics refresh by the worker, `next build` when the sources changed, then `next start`), and
 * for each dashboard page:
 *  - first-load JavaScript: every <script src> of the served HTML (nomodule polyfills left out, as
 *    modern browsers skip them), each chunk counted once per page, gzipped (zlib level 6, what
 *    `next start` sends) and summed; goal ≤ 250 KB;
 *  - server render: after warm-up, N sequential GETs of the page's HTML, time to the last byte,
 *    p50 and p95 (time to the first byte beside them); goal p50 ≤ 150 ms;
 *  - Lighthouse 12.2.3 (performance and accessibility) on the overview, the frontier and a model
 *    page, mobile (Lighthouse's default: simulated slow 4G, 4× CPU) and desktop presets, in the
 *    Chromium found by scripts/find-chromium (headless, --no-sandbox), a fresh browser per run, the
 *    median of N runs (performance varies from run to run); goal ≥ 90. Below the goal the failing
 *    audits of the median run are printed, and Lighthouse's benchmarkIndex of this host (its own CPU
 *    speed test; the mobile preset's 4× CPU slowdown assumes a fast desktop).
 * Prints tables; writes nothing to the repository.
 * Usage: node --import tsx bench/pages.ts [--runs 30] [--warmup 5] [--port 3393] [--pg-port 54393]
 *          [--model deepseek-v3] [--lab deepseek] [--preset both|mobile|desktop] [--lighthouse-runs 3] [--no-lighthouse] [--only /,/frontier]
 *          [--base http://127.0.0.1:3000]   (measure an app already running instead of starting one)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result as LighthouseResult } from "lighthouse";
import "../ingest/sources/index";
import { listSources } from "../ingest/sources/registry";
import { CHROMIUM_ARGS, findChromium } from "../scripts/find-chromium";

// ---- options
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const RUNS = Number(option("runs", "30"));
const WARMUP = Number(option("warmup", "5"));
const PORT = Number(option("port", "3393"));
const PG_PORT = Number(option("pg-port", "54393"));
const MODEL = option("model", "deepseek-v3");
const LAB = option("lab", "deepseek");
const PRESETS = ({ both: ["mobile", "desktop"], mobile: ["mobile"], desktop: ["desktop"] } as const)[option("preset", "both") as "both"] ?? ["mobile", "desktop"];
const LIGHTHOUSE = !argv.includes("--no-lighthouse");
const LIGHTHOUSE_RUNS = Math.max(1, Number(option("lighthouse-runs", "3")));
const ONLY = argv.includes("--only") ? new Set(option("only", "").split(",")) : null;

const JS_BUDGET_KB = 250;
const RENDER_BUDGET_MS = 150;
const SCORE_GOAL = 90;
const RUNNING = argv.includes("--base") ? option("base", "").replace(/\/$/, "") : null;
const BASE = RUNNING ?? `http://127.0.0.1:${PORT}`;

/** Every dashboard page a visitor can open without a token (a seeded model and lab for the detail pages). */
const PAGES: { name: string; path: string; lighthouse?: boolean }[] = [
  { name: "overview", path: "/", lighthouse: true },
  { name: "frontier", path: "/frontier", lighthouse: true },
  { name: "trends", path: "/trends" },
  { name: "open vs proprietary", path: "/open-vs-proprietary" },
  { name: "labs", path: "/labs" },
  { name: "lab", path: `/labs/${LAB}` },
  { name: "models", path: "/models" },
  { name: "model", path: `/models/${MODEL}`, lighthouse: true },
  { name: "providers", path: "/providers" },
  { name: "calculator", path: "/calculator" },
  { name: "news", path: "/news" },
  { name: "data", path: "/data" },
  { name: "methodology", path: "/methodology" },
  { name: "validation", path: "/validation" },
  { name: "digest archive", path: "/digest" },
  { name: "subscribe", path: "/subscribe" },
  { name: "API docs", path: "/docs/api" },
].filter((p) => !ONLY || ONLY.has(p.path) || ONLY.has(p.name));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

// ---- the app, started by the launcher on its own database and port
async function startApp(dataDir: string): Promise<{ app: ChildProcess; log: string[] }> {
  const log: string[] = [];
  // no live source is reachable from a bench: only the curated load runs (as in the e2e setup)
  const sources = Object.fromEntries(listSources().filter((s) => s.slug !== "curated").map((s) => [s.slug, { enabled: false }]));
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", FW_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PG_PORT), DATABASE_URL: "",
      LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", PUBLIC_BASE_URL: BASE, SOURCES: JSON.stringify(sources), DIGEST_SCHEDULE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (line.startsWith("[frontierwatch]")) console.log(`  ${line}`);
    }
  };
  app.stdout!.on("data", keep);
  app.stderr!.on("data", keep);
  let exited = false;
  app.once("exit", () => { exited = true; });
  // the launcher builds when the sources changed (minutes on 2 cores), then serves
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (exited) throw new Error(`the app stopped before it was ready:\n${log.slice(-30).join("\n")}`);
    if (Date.now() > deadline) throw new Error("the app was not ready within 15 minutes");
    const health = await fetch(`${BASE}/api/health`).then((r) => (r.ok ? (r.json() as Promise<{ lastLoad: { status: string } | null; analytics?: { lastRefreshAt: string | null; pendingChanges: number } }>) : null), () => null);
    // ready: the curated data loaded and the precomputed analytics refreshed (the state of a running site)
    if (health?.lastLoad?.status === "succeeded" && health.analytics?.lastRefreshAt && health.analytics.pendingChanges === 0) break;
    await sleep(500);
  }
  return { app, log };
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    app.once("exit", () => resolve());
    app.kill("SIGTERM"); // the launcher stops next, the worker and then the embedded database
  });
}

// ---- first-load JavaScript
const chunkSizes = new Map<string, { raw: number; gzip: number }>();
async function chunkSize(src: string): Promise<{ raw: number; gzip: number }> {
  const known = chunkSizes.get(src);
  if (known) return known;
  const res = await fetch(new URL(src, BASE));
  if (!res.ok) throw new Error(`${src}: ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  chunkSizes.set(src, size);
  return size;
}

interface JsFigures { chunks: number; raw: number; gzip: number; htmlGzip: number; inlineScriptGzip: number; largest: { src: string; gzip: number }[] }
async function firstLoadJs(pagePath: string): Promise<JsFigures> {
  const res = await fetch(`${BASE}${pagePath}`);
  if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
  const html = await res.text();
  const srcs = new Set<string>();
  let inline = "";
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1]!;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src) {
      if (!/\bnomodule\b/i.test(attrs)) srcs.add(src.replace(/&amp;/g, "&"));
    } else inline += m[2];
  }
  const sizes = await Promise.all([...srcs].map(async (src) => ({ src, ...(await chunkSize(src)) })));
  return {
    chunks: sizes.length,
    raw: sizes.reduce((s, c) => s + c.raw, 0),
    gzip: sizes.reduce((s, c) => s + c.gzip, 0),
    htmlGzip: gzipSync(Buffer.from(html), { level: 6 }).length,
    inlineScriptGzip: gzipSync(Buffer.from(inline), { level: 6 }).length,
    largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((c) => ({ src: c.src.replace(/^.*\//, ""), gzip: c.gzip })),
  };
}

// ---- server render time
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
async function renderTimes(pagePath: string): Promise<{ p50: number; p95: number; ttfb50: number; max: number }> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${pagePath}`);
    const ttfb = performance.now() - t0;
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
    return { total: performance.now() - t0, ttfb };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const totals: number[] = [];
  const ttfbs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await once();
    totals.push(t.total);
    ttfbs.push(t.ttfb);
  }
  totals.sort((a, b) => a - b);
  ttfbs.sort((a, b) => a - b);
  return { p50: percentile(totals, 50), p95: percentile(totals, 95), ttfb50: percentile(ttfbs, 50), max: totals.at(-1)! };
}

// ---- Lighthouse
interface LighthouseFigures { performance: number; accessibility: number; metrics: string; failing: string[]; benchmarkIndex: number; browser: string }
async function runLighthouse(url: string, preset: "mobile" | "desktop", chromePath: string): Promise<LighthouseFigures> {
  // a fresh browser per run: no cache or storage carried from one run to the next
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] };
    const runner = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr: LighthouseResult = runner.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "—";
    const failing: string[] = [];
    for (const id of ["performance", "accessibility"]) {
      if (score(id) >= SCORE_GOAL) continue;
      for (const ref of lhr.categories[id]!.auditRefs) {
        const a = lhr.audits[ref.id];
        if (!a || a.score === null || a.score >= 0.9 || ["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
        failing.push(`${id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}, score ${Math.round(a.score * 100)}, weight ${ref.weight}`);
      }
    }
    return {
      performance: score("performance"), accessibility: score("accessibility"), failing,
      benchmarkIndex: lhr.environment.benchmarkIndex, browser: /(?:Headless)?Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? "?",
      metrics: `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}`,
    };
  } finally {
    await chrome.kill();
  }
}

// ---- run
const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-pages-"));
chmodSync(dir, 0o755); // the embedded database runs as another user when we are root
let app: ChildProcess | undefined;
let exitCode = 0;
try {
  console.log(`bench/pages: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; load average at start ${load()}`);
  const t0 = Date.now();
  if (RUNNING) console.log(`  measuring the app already running at ${RUNNING}\n`);
  else {
    app = (await startApp(path.join(dir, "data"))).app;
    console.log(`  app ready with the curated data and refreshed analytics in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const rows: string[] = [];
  const notes: string[] = [];
  for (const page of PAGES) {
    const js = await firstLoadJs(page.path);
    const t = await renderTimes(page.path);
    const jsFlag = js.gzip / 1024 > JS_BUDGET_KB ? " **over**" : "";
    const tFlag = t.p50 > RENDER_BUDGET_MS ? " **over**" : "";
    if (jsFlag || tFlag) exitCode = 1;
    rows.push(`| ${page.name} \`${page.path}\` | ${kb(js.gzip)} KB${jsFlag} | ${js.chunks} | ${kb(js.raw)} KB | ${kb(js.htmlGzip)} KB (${kb(js.inlineScriptGzip)} KB) | ${t.p50.toFixed(0)} ms${tFlag} | ${t.p95.toFixed(0)} ms | ${t.ttfb50.toFixed(0)} ms |`);
    notes.push(`${page.path}: largest chunks ${js.largest.map((c) => `${c.src} ${kb(c.gzip)} KB`).join(", ")}`);
  }
  console.log(`First-load JS (gzipped chunks the HTML loads, goal ≤ ${JS_BUDGET_KB} KB) and server render (${RUNS} sequential requests after ${WARMUP} warm-up, goal p50 ≤ ${RENDER_BUDGET_MS} ms); load average ${load()}\n`);
  console.log("| page | first-load JS (gzip) | chunks | JS raw | HTML gzip (its inline scripts: RSC payload) | render p50 | p95 | TTFB p50 |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  console.log(`\n${notes.join("\n")}`);

  if (LIGHTHOUSE) {
    const chromePath = findChromium();
    if (!chromePath) throw new Error("no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)");
    const lh: string[] = [];
    const details: string[] = [];
    const hosts: number[] = [];
    let browser = "";
    for (const page of PAGES.filter((p) => p.lighthouse)) {
      for (const preset of PRESETS) {
        const runs: LighthouseFigures[] = [];
        for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(`${BASE}${page.path}`, preset, chromePath));
        runs.sort((a, b) => a.performance - b.performance);
        const r = runs[(runs.length - 1) >> 1]!; // the median run (the lower one of an even count)
        hosts.push(...runs.map((x) => x.benchmarkIndex));
        browser = r.browser;
        const flag = (s: number) => (s < SCORE_GOAL ? `${s} **below**` : String(s));
        if (r.performance < SCORE_GOAL || r.accessibility < SCORE_GOAL) exitCode = 1;
        const spread = runs.length > 1 ? ` (${runs.map((x) => x.performance).join(", ")})` : "";
        lh.push(`| ${page.name} \`${page.path}\` | ${preset} | ${flag(r.performance)}${spread} | ${flag(r.accessibility)} | ${r.metrics} |`);
        if (r.failing.length) details.push(`${page.path} (${preset}):\n${r.failing.map((f) => `  - ${f}`).join("\n")}`);
      }
    }
    hosts.sort((a, b) => a - b);
    console.log(`\nLighthouse 12.2.3, ${chromePath} (${browser}) headless, median of ${LIGHTHOUSE_RUNS} run(s) (goal ≥ ${SCORE_GOAL}); benchmarkIndex of this host ${Math.round(hosts[hosts.length >> 1] ?? 0)} (${Math.round(hosts[0] ?? 0)}–${Math.round(hosts.at(-1) ?? 0)}); load average ${load()}\n`);
    console.log("| page | preset | performance (runs) | accessibility | metrics of the median run |");
    console.log("|---|---|---|---|---|");
    for (const r of lh) console.log(r);
    if (details.length) console.log(`\nAudits failing on pages below the goal:\n${details.join("\n")}`);
  }
  console.log(`\nload average at the end ${load()}`);
} catch (err) {
  console.error(`bench/pages: ${(err as Error).message}`);
  exitCode = 2;
} finally {
  if (app) await stopApp(app);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
