/**
 * The web process's handle on the job queue: it only sends jobs (no maintenance, no cron, no
 * migrations — the worker does those), so any number of web instances can share it.
 */
import { PgBoss } from "pg-boss";
import { requireDatabaseUrl } from "./env";
import { QUEUE_SCHEMA } from "./queue";

const g = globalThis as typeof globalThis & { __frontierwatchQueue?: Promise<PgBoss> };

export function getQueueClient(): Promise<PgBoss> {
  g.__frontierwatchQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: requireDatabaseUrl(), schema: QUEUE_SCHEMA, max: 2, supervise: false, schedule: false, migrate: false });
    boss.on("error", () => {});
    await boss.start();
    return boss;
  })().catch((err) => {
    g.__frontierwatchQueue = undefined;
    throw err;
  });
  return g.__frontierwatchQueue;
}

export const INGEST_QUEUE = "ingest-source";
export const DIGEST_QUEUE = "send-digest";
