/**
 * bench/digest: the weekly digest to 10,000 confirmed subscribers — build each personalised email,
 * render it (HTML + text), send it over SMTP to a local server (smtp-server on 127.0.0.1 that
 * counts and discards) and record each delivery. Prints messages/s, wall time and peak RSS.
 * Usage: node --import tsx bench/digest.ts [--subscribers N] [--concurrency N] [--port N]
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { runSource } from "../ingest/run-source";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrate";
import { closeDb, getPool } from "../lib/db";
import { enqueueDeliveries, prepareDigest, sendDeliveries } from "../lib/digest/send-digest";
import { useDatabaseUrl, useSmtpUrl } from "../lib/env";
import { refreshAnalytics } from "../lib/precompute/refresh-analytics";

const { values } = parseArgs({ options: { subscribers: { type: "string", default: "10000" }, concurrency: { type: "string", default: "16" }, port: { type: "string", default: "54399" } } });
const N = Number(values.subscribers);
const concurrency = Number(values.concurrency);

let received = 0;
let bytes = 0;
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
  onData(stream, _s, cb) {
    stream.on("data", (c: Buffer) => (bytes += c.length));
    stream.on("end", () => { received++; cb(); });
  },
});
await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
useSmtpUrl(`smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`);

const dir = mkdtempSync(path.join(os.tmpdir(), "fw-bench-digest-"));
chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: Number(values.port), database: "bench" });
try {
  useDatabaseUrl(db.url);
  await applyMigrations(db.url, "prisma/migrations");
  await runSource(getPool(), "curated", "cli");
  await refreshAnalytics(getPool(), { warm: false });
  // every fourth subscriber follows two labs and two topics, the rest everything
  await getPool().query(
    `INSERT INTO subscribers (email, status, preferences, confirmed_at)
     SELECT 'reader' || i || '@example.org', 'confirmed',
            CASE WHEN i % 4 = 0 THEN '{"labs":["openai","meta"],"topics":["prices","releases"]}'::jsonb
                 ELSE '{"labs":[],"topics":["prices","releases","benchmarks","open-vs-proprietary"]}'::jsonb END, now()
     FROM generate_series(1, $1::int) AS i`,
    [N],
  );
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const digest = await prepareDigest(getPool(), new Date("2025-06-09T00:00:00Z"));
  const added = await enqueueDeliveries(getPool(), digest.id);
  const t1 = performance.now();
  const s = await sendDeliveries(getPool(), digest.id, digest.inputs, { concurrency, batchSize: 200 });
  const t2 = performance.now();
  clearInterval(sampler);
  const wall = (t2 - t0) / 1000;
  console.log(`${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; embedded PostgreSQL 18; concurrency ${concurrency}`);
  console.log(`subscribers ${N}; deliveries added ${added}; sent ${s.sent}, bounced ${s.bounced}, failed ${s.failed}; SMTP server received ${received} messages, ${(bytes / 2 ** 20).toFixed(0)} MB`);
  console.log(`prepare + enqueue ${((t1 - t0) / 1000).toFixed(1)} s; build + render + send ${((t2 - t1) / 1000).toFixed(1)} s; wall ${wall.toFixed(1)} s; ${(s.sent / ((t2 - t1) / 1000)).toFixed(0)} messages/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
} finally {
  await closeDb();
  await db.stop();
  smtp.close();
  rmSync(dir, { recursive: true, force: true });
}
