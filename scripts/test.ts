/**
 * `npm test`: every suite, on real parts. typecheck → unit → db (embedded PostgreSQL 18) → db again on the
 * PostgreSQL server at 127.0.0.1:5432 when one answers → browser e2e against the built app.
 * Ends with one line `N passed, N failed, N skipped` summed over all suites; exits 1 on any failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { CHROMIUM_CANDIDATES, findChromium } from "./find-chromium";

interface SuiteResult { name: string; passed: number; failed: number; skipped: number; note?: string }
const results: SuiteResult[] = [];
const say = (m: string) => console.log(`\n[test] ${m}`);
const only = process.argv.slice(2); // e.g. `npm test -- unit db`
const wanted = (s: string) => only.length === 0 || only.includes(s);

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function vitestSuite(name: string, project: string, env: Record<string, string> = {}): Promise<void> {
  const out = `test-results/${name}.json`;
  rmSync(out, { force: true });
  say(`${name}: vitest --project ${project}`);
  const code = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`], env);
  if (!existsSync(out)) {
    results.push({ name, passed: 0, failed: 1, skipped: 0, note: `vitest exited with code ${code} and wrote no report` });
    return;
  }
  const r = JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  const failed = r.numFailedTests + (r.numFailedTests === 0 && (code !== 0 || r.numFailedTestSuites > 0) ? 1 : 0);
  results.push({ name, passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests, note: failed > r.numFailedTests ? `a test file failed to load (exit code ${code})` : undefined });
}

async function serverAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function ensureChromium(): string | null {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    say("no Chromium found: installing Debian's chromium (apt-get install -y chromium)");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return findChromium() ?? null;
  }
  return null;
}

mkdirSync("test-results", { recursive: true });
if (wanted("typecheck")) {
  say("typecheck: tsc --noEmit");
  const code = await run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
  results.push({ name: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, note: code === 0 ? undefined : "type errors (see above)" });
}
if (wanted("unit")) await vitestSuite("unit", "unit");
if (wanted("db")) {
  await vitestSuite("db-embedded", "db", { TEST_DATABASE_URL: "" });
  const serverUrl = process.env.TEST_SERVER_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const version = await serverAnswers(serverUrl);
  if (version) await vitestSuite("db-server", "db", { TEST_DATABASE_URL: serverUrl });
  else {
    say(`db-server: skipped — no PostgreSQL answers at ${serverUrl.replace(/:[^:@/]*@/, ":***@")} (set TEST_SERVER_DATABASE_URL to use another local server)`);
    results.push({ name: "db-server", passed: 0, failed: 0, skipped: 0, note: "skipped: no local PostgreSQL server" });
  }
}
if (wanted("e2e")) {
  const chromium = ensureChromium();
  if (!chromium) {
    say(`e2e: no Chromium. Install Debian's: sudo apt-get install -y chromium (looked for CHROMIUM_PATH and ${CHROMIUM_CANDIDATES.join(", ")})`);
    results.push({ name: "e2e", passed: 0, failed: 1, skipped: 0, note: "no Chromium to run the browser tests" });
  } else {
    say(`e2e: Playwright with ${chromium}`);
    rmSync("test-results/e2e.json", { force: true });
    const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], { CHROMIUM_PATH: chromium });
    if (!existsSync("test-results/e2e.json")) results.push({ name: "e2e", passed: 0, failed: 1, skipped: 0, note: `playwright exited with code ${code} and wrote no report` });
    else {
      const r = JSON.parse(readFileSync("test-results/e2e.json", "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
      const failed = r.stats.unexpected + r.stats.flaky + (r.stats.unexpected === 0 && code !== 0 ? 1 : 0);
      results.push({ name: "e2e", passed: r.stats.expected, failed, skipped: r.stats.skipped, note: failed > r.stats.unexpected + r.stats.flaky ? `playwright exited with code ${code} (e.g. the app did not start)` : undefined });
    }
  }
}

console.log("\n[test] summary");
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` — ${r.note}` : ""}`);
const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
