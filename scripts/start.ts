/**
 * `npm start` (and `npm run dev` with --dev): the whole product on one machine.
 * database (DATABASE_URL or embedded) → migrations → worker (loads the curated data as a job)
 * → build if the sources changed → dashboard + API on PORT. Ctrl-C stops everything cleanly,
 * the embedded database last.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { getEnv, useDatabaseUrl } from "../lib/env";
import { applyMigrations } from "../lib/database/migrate";
import { openDatabase, type DatabaseSession } from "../lib/database/session";
import { assertPortFree } from "../lib/net";

const dev = process.argv.includes("--dev");
const say = (m: string) => console.log(`[frontierwatch] ${m}`);
const children: ChildProcess[] = [];
let session: DatabaseSession | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => { c.once("exit", r); setTimeout(() => { c.kill("SIGKILL"); r(null); }, 25_000); }))));
    await session?.stop().catch(() => {});
    if (session?.embedded) say("embedded PostgreSQL stopped");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`[frontierwatch] ${name} exited (${signal ?? `code ${code}`}); stopping`);
    void shutdown(code || 1);
  });
  return child;
}

// everything `next build` compiles or type-checks (tsconfig includes every .ts file)
const BUILD_INPUTS = ["app", "components", "lib", "emails", "ingest", "scripts", "e2e", "bench", "prisma/schema.prisma", "next.config.js", "tsconfig.json", "playwright.config.ts", "vitest.config.ts", "package-lock.json"];
function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes("generated") || p.endsWith(".test.ts")) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(p).update(readFileSync(p));
  };
  BUILD_INPUTS.forEach(walk);
  return h.digest("hex");
}

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, args, { stdio: "inherit", env });
    children.push(c);
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with code ${code}`))));
  });
}

async function waitForCuratedLoad(url: string, since: Date, timeoutMs: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const r = await client.query<{ status: string; inserted: number; updated: number; unchanged: number; rejected: number }>(
        `SELECT r.status, r.inserted, r.updated, r.unchanged, r.rejected FROM ingest_runs r JOIN sources s ON s.id = r.source_id
         WHERE s.slug = 'curated' AND r.started_at >= $1 AND r.status <> 'running' ORDER BY r.id DESC LIMIT 1`, [since]);
      const run = r.rows[0];
      if (run) return `${run.status}: inserted ${run.inserted}, updated ${run.updated}, unchanged ${run.unchanged}, rejected ${run.rejected}`;
      await new Promise((res) => setTimeout(res, 250));
    }
    return "still running (see the worker log)";
  } finally {
    await client.end();
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

try {
  const env = getEnv();
  const t0 = Date.now();
  await assertPortFree(env.PORT, env.HOSTNAME, `the dashboard on port ${env.PORT} (set PORT to another port)`);
  session = await openDatabase(env, say);
  useDatabaseUrl(session.url);
  say(`database: ${session.embedded ? `embedded PostgreSQL ${session.version}` : `PostgreSQL ${session.version} at DATABASE_URL`}`);
  const migrated = await applyMigrations(session.url, "prisma/migrations");
  say(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already applied`);

  const childEnv = { ...process.env, DATABASE_URL: session.url, NEXT_TELEMETRY_DISABLED: "1" };
  const since = new Date(Date.now() - 1000);
  if (env.START_WORKER) spawnChild("worker", ["--import", "tsx", "ingest/worker.ts"], childEnv);
  else say("worker not started (START_WORKER=false)");

  const nextBin = "node_modules/next/dist/bin/next";
  if (!dev) {
    const stamp = path.join(".next", "frontierwatch-build.json");
    const hash = sourceHash();
    const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(stamp) && JSON.parse(readFileSync(stamp, "utf8")).hash === hash;
    if (built) say("build is up to date");
    else {
      say("building the dashboard (next build)…");
      await runToEnd([nextBin, "build"], { ...childEnv, NODE_ENV: "production" });
      writeFileSync(stamp, JSON.stringify({ hash, at: new Date().toISOString() }));
    }
  }
  if (env.START_WORKER) say(`curated dataset: ${await waitForCuratedLoad(session.url, since, 120_000)}`);

  spawnChild("web", [nextBin, dev ? "dev" : "start", "-p", String(env.PORT), "-H", env.HOSTNAME], { ...childEnv, ...(dev ? {} : { NODE_ENV: "production" }) });
  await waitForHttp(`http://127.0.0.1:${env.PORT}/api/health`, 120_000);
  say(`ready at http://localhost:${env.PORT} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
} catch (err) {
  console.error(`[frontierwatch] error: ${(err as Error).message}`);
  await shutdown(1);
}
