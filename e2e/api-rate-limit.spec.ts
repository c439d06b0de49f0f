/**
 * Rate limits hold across web instances: two more `next start` processes on the e2e database (the
 * one the launcher started for the main server), with low limits, answer as one. Also API keys from
 * the CLI and the admin route, and wrong or revoked keys.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

const MAIN_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [MAIN_PORT + 51, MAIN_PORT + 52];
const DATABASE_URL = `postgresql://frontierwatch:frontierwatch@127.0.0.1:${process.env.E2E_PG_PORT ?? "54349"}/frontierwatch`;
const WINDOW_SECONDS = 3600;
const LIMITS = { RATE_LIMIT_STANDARD: "5", RATE_LIMIT_PARTNER: "8", RATE_LIMIT_ANONYMOUS: "3", RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) };
const ADMIN = { Authorization: "Bearer e2e-admin-token-0123456789" };

const servers: ChildProcess[] = [];
let stopping = false;
const base = (i: number) => `http://127.0.0.1:${PORTS[i]}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const port of PORTS) {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, ...LIMITS, DATABASE_URL, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", ADMIN_TOKEN: "e2e-admin-token-0123456789" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("exit", (code) => { if (code && !stopping) console.error(`instance on ${port} exited with ${code}:\n${output}`); });
    servers.push(child);
  }
  // both answer (and reach the database) before any test counts requests
  for (let i = 0; i < PORTS.length; i++) {
    await expect.poll(async () => (await fetch(`${base(i)}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: `instance ${base(i)}` }).toBe(200);
  }
  // fixed windows start on multiples of the window on the database clock: do not straddle one
  const left = WINDOW_SECONDS - ((Date.now() / 1000) % WINDOW_SECONDS);
  if (left < 30) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
});

test.afterAll(async () => {
  stopping = true;
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
    if (s.exitCode !== null) return resolve();
    s.once("exit", () => resolve());
    s.kill("SIGTERM");
  })));
});

async function get(request: APIRequestContext, i: number, path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  return request.get(`${base(i)}${path}`, { headers });
}
const limitOf = (r: APIResponse) => ({ status: r.status(), limit: r.headers()["ratelimit-limit"], remaining: r.headers()["ratelimit-remaining"] });

test("a key's limit holds across two instances sharing one database", async ({ request }) => {
  const created = await request.post("/api/v1/admin/keys", { headers: ADMIN, data: { name: "two instances" } });
  expect(created.status()).toBe(201);
  const { key, tier, prefix } = await created.json();
  expect(tier).toBe("standard");
  expect(key.startsWith(prefix)).toBe(true);
  const seen: ReturnType<typeof limitOf>[] = [];
  let refused: APIResponse | undefined;
  for (let n = 0; n < 8; n++) {
    const r = await get(request, n % 2, "/api/v1/runs?limit=1", { Authorization: `Bearer ${key}` });
    seen.push(limitOf(r));
    refused ??= r.status() === 429 ? r : undefined;
  }
  expect(seen).toEqual([
    ...[4, 3, 2, 1, 0].map((remaining) => ({ status: 200, limit: "5", remaining: String(remaining) })),
    ...[0, 0, 0].map(() => ({ status: 429, limit: "5", remaining: "0" })),
  ]);
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(refused!.headers()["retry-after"])).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(refused!.headers()["ratelimit-policy"]).toBe(`5;w=${WINDOW_SECONDS}`);
  expect((await refused!.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Rate limit") });
});

test("anonymous clients get the lower limit, counted per address across both instances", async ({ request }) => {
  // a proxy would set X-Forwarded-For; two made-up addresses stand for two clients
  // (random documentation-range IPv6 addresses: counters of an earlier run in the same window never collide)
  const address = () => `2001:db8::${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}`;
  const a = { "X-Forwarded-For": address() };
  const b = { "X-Forwarded-For": address() };
  const statuses = [];
  for (let n = 0; n < 4; n++) statuses.push(limitOf(await get(request, n % 2, "/api/v1/sources", a)));
  expect(statuses).toEqual([
    { status: 200, limit: "3", remaining: "2" }, { status: 200, limit: "3", remaining: "1" }, { status: 200, limit: "3", remaining: "0" }, { status: 429, limit: "3", remaining: "0" },
  ]);
  expect(limitOf(await get(request, 1, "/api/v1/sources", b))).toEqual({ status: 200, limit: "3", remaining: "2" });
});

test("a key from the CLI works on both instances; a wrong or revoked key is a 401, never the anonymous tier", async ({ request }) => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/apikey.ts", ...args], { env: { ...process.env, DATABASE_URL, LOG_LEVEL: "warn" }, encoding: "utf8" });
  const made = cli("create", "cli", "e2e", "--tier", "partner");
  expect(made.status, made.stderr).toBe(0);
  const key = /(fw_[A-Za-z0-9_-]{43})/.exec(made.stdout)![1]!;
  expect(made.stdout).toContain("tier partner");
  expect(limitOf(await get(request, 0, "/api/v1/runs?limit=1", { "X-API-Key": key }))).toEqual({ status: 200, limit: "8", remaining: "7" });
  expect(limitOf(await get(request, 1, "/api/v1/runs?limit=1", { Authorization: `Bearer ${key}` }))).toEqual({ status: 200, limit: "8", remaining: "6" });
  const listed = cli("list");
  expect(listed.stdout).toContain(key.slice(0, 12));
  expect(listed.stdout).not.toContain(key);
  for (const wrong of [`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, "fw_short", "x".repeat(5000)]) {
    const r = await get(request, 0, "/api/v1/runs", { Authorization: `Bearer ${wrong}` });
    expect(r.status()).toBe(401);
    expect((await r.json()).error.code).toBe("unauthorized");
  }
  expect(cli("revoke", key.slice(0, 12)).status).toBe(0);
  expect((await get(request, 1, "/api/v1/runs", { "X-API-Key": key })).status()).toBe(401);
});

test("the admin key route wants the admin token and a valid body", async ({ request }) => {
  expect((await request.post("/api/v1/admin/keys", { data: { name: "x" } })).status()).toBe(401);
  for (const data of [{}, { name: "" }, { name: "x", tier: "gold" }, { name: "x".repeat(101) }, { name: "x", extra: 1 }]) {
    const r = await request.post("/api/v1/admin/keys", { headers: ADMIN, data });
    expect(r.status(), JSON.stringify(data).slice(0, 40)).toBe(400);
    expect((await r.json()).error.code).toBe("invalid_request");
  }
  const notJson = await request.post("/api/v1/admin/keys", { headers: { ...ADMIN, "Content-Type": "application/json" }, data: "{nope" });
  expect(notJson.status()).toBe(400);
});
