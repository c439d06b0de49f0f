/**
 * bench/api: the API under load. A fresh embedded database with the curated data and the
 * precomputed analytics, one `next start` on it (the built app: run `npm run build` first), and
 * autocannon (50 connections, 20 s) against GET /api/v1/frontier and
 * GET /api/v1/trends/price-at-capability with the whole request path on: API-key check, rate-limit
 * upsert, query validation, the stored analytics answer, ETag. In the same run, a minimal Node HTTP
 * server returning the same bytes and headers is measured the same way: the ceiling of this machine
 * for this response size, with autocannon on the same cores.
 * Usage: node --import tsx bench/api.ts [seconds] [connections] [--profile=DIR]
 * `--profile=DIR` writes a V8 CPU profile of the app server to DIR (open it in Chrome DevTools).
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { runSource } from "../ingest/run-source";
import { closeDb, getPool } from "../lib/db";
import { useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { refreshAnalytics } from "../lib/precompute/refresh-analytics";
import { warmStandardReads } from "../lib/queries/analytics";

const [seconds = 20, connections = 50] = process.argv.slice(2).filter((a) => !a.startsWith("--")).map(Number);
const profileDir = process.argv.find((a) => a.startsWith("--profile="))?.slice("--profile=".length);
const APP_PORT = 3391;
const CEILING_PORT = 3392;
const TARGETS = {
  frontier: "/api/v1/frontier?axis=gpqa-diamond&date=2025-06-01",
  trends: "/api/v1/trends/price-at-capability?benchmark=gpqa-diamond&threshold=50&from=2023-01-01&to=2026-01-01",
};

if (!existsSync(".next/BUILD_ID")) {
  console.error("no build: run `npm run build` first");
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-api-"));
chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54391, database: "bench" });
const cleanup: (() => Promise<void>)[] = [async () => { await db.stop().catch(() => {}); rmSync(dir, { recursive: true, force: true }); }];
try {
  useDatabaseUrl(db.url);
  await applyMigrations(db.url, "prisma/migrations");
  await runSource(getPool(), "curated", "cli");
  await refreshAnalytics(getPool());
  await warmStandardReads();
  await closeDb();

  const app = spawn(process.execPath, [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : []), "node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", RATE_LIMIT_ANONYMOUS: "10000000", PUBLIC_BASE_URL: `http://127.0.0.1:${APP_PORT}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  cleanup.unshift(() => new Promise<void>((resolve) => { app.once("exit", () => resolve()); app.kill("SIGTERM"); }));
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${APP_PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 500));
  }

  // the exact bytes and headers the app answers, for the ceiling server
  const bodies = new Map<string, { body: Buffer; headers: Record<string, string> }>();
  for (const url of Object.values(TARGETS)) {
    const res = await fetch(`http://127.0.0.1:${APP_PORT}${url}`); // first request computes and stores the answer
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    const again = await fetch(`http://127.0.0.1:${APP_PORT}${url}`);
    const headers: Record<string, string> = {};
    again.headers.forEach((v, k) => { if (!["date", "connection", "keep-alive", "transfer-encoding"].includes(k)) headers[k] = v; });
    bodies.set(url, { body: Buffer.from(await again.arrayBuffer()), headers });
  }
  const ceiling = http.createServer((req, res) => {
    const b = bodies.get(req.url ?? "");
    if (!b) { res.statusCode = 404; res.end(); return; }
    res.writeHead(200, { ...b.headers, "content-length": b.body.length });
    res.end(b.body);
  });
  await new Promise<void>((r) => ceiling.listen(CEILING_PORT, "127.0.0.1", r));
  cleanup.unshift(() => new Promise<void>((r) => ceiling.close(() => r())));

  const measure = async (port: number, url: string) => {
    const r = await autocannon({ url: `http://127.0.0.1:${port}${url}`, connections, duration: seconds });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, total: r.requests.total, bytes: bodies.get(url)!.body.length };
  };
  const rows: string[] = [];
  for (const [name, url] of Object.entries(TARGETS)) {
    const a = await measure(APP_PORT, url);
    const c = await measure(CEILING_PORT, url);
    const share = a.rps / c.rps;
    rows.push(`| ${name} (${a.bytes.toLocaleString("en")} bytes) | app | ${Math.round(a.rps).toLocaleString("en")} | ${a.p50} ms | ${a.p99} ms | ${a.errors} | |`);
    rows.push(`| | minimal Node server, same bytes | ${Math.round(c.rps).toLocaleString("en")} | ${c.p50} ms | ${c.p99} ms | ${c.errors} | app = ${(share * 100).toFixed(0)}% of ceiling |`);
  }
  // the framework's own floor on this machine: a route that returns a string built once (no database)
  const floor = await autocannon({ url: `http://127.0.0.1:${APP_PORT}/api/v1/openapi.json`, connections, duration: seconds });
  rows.push(`| Next.js floor: /api/v1/openapi.json, a string built once, no database | app | ${Math.round(floor.requests.average).toLocaleString("en")} | ${floor.latency.p50} ms | ${floor.latency.p99} ms | ${floor.errors + floor.timeouts + floor.non2xx} | |`);
  console.log(`\n${connections} connections, ${seconds} s each, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}\n`);
  console.log("| endpoint | server | requests/s | p50 | p99 | errors | |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
} finally {
  for (const c of cleanup) await c().catch(() => {});
}
