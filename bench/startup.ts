/**
 * bench/startup: from a clean clone, time `npm ci`, a first `npm start` (initdb, migrations,
 * curated load, build) until the overview answers, and a second `npm start` on the same data;
 * compare row counts between the two. Usage: node --import tsx bench/startup.ts
 */
import { execSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const repo = path.resolve(".");
const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-startup-"));
const PORT = 3200;
const env = { ...process.env, PORT: String(PORT), EMBEDDED_PG_PORT: "54359", DATABASE_URL: "", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

async function startUntilReady(label: string) {
  const t = performance.now();
  // its own process group, so a SIGTERM reaches npm and the launcher alike (as Ctrl-C does)
  const child = spawn("npm", ["start"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (out += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("ready at")) { clearInterval(timer); resolve(); }
      if (child.exitCode !== null) { clearInterval(timer); reject(new Error(`npm start exited:\n${out}`)); }
    }, 100);
  });
  const ready = seconds(t);
  const page = await fetch(`http://127.0.0.1:${PORT}/`);
  const html = await page.text();
  const health = await (await fetch(`http://127.0.0.1:${PORT}/api/health`)).json();
  const chartPoints = /data-points="(\d+)"/.exec(html)?.[1];
  console.log(`${label}: ready in ${ready} s; overview ${page.status}, chart points ${chartPoints}; counts ${JSON.stringify(health.counts)}; last load ${JSON.stringify({ inserted: health.lastLoad.inserted, updated: health.lastLoad.updated, unchanged: health.lastLoad.unchanged })}`);
  const lines = out.split("\n").filter((l) => l.startsWith("[frontierwatch]"));
  for (const l of lines) console.log(`  ${l}`);
  process.kill(-child.pid!, "SIGTERM");
  await new Promise((r) => child.once("exit", r));
  // npm exits as soon as it has passed the signal on; wait for the launcher to release the port
  for (let i = 0; i < 300; i++) {
    try { await fetch(`http://127.0.0.1:${PORT}/api/health`); } catch { break; }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1500));
  return health.counts as Record<string, number>;
}

console.log(`clean clone in ${dir}; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
execSync(`git clone -q ${repo} ${dir}`);
let t = performance.now();
execSync("npm ci --no-audit --no-fund", { cwd: dir, stdio: "ignore" });
const ci = seconds(t);
console.log(`npm ci: ${ci} s`);
t = performance.now();
const first = await startUntilReady("first npm start");
const firstTotal = (Number(ci) + (performance.now() - t) / 1000).toFixed(1);
const second = await startUntilReady("second npm start");
console.log(`clean clone to served overview (npm ci + first start): ${firstTotal} s`);
console.log(`row counts identical on the second start: ${JSON.stringify(first) === JSON.stringify(second)}`);
execSync(`rm -rf ${dir}`);
