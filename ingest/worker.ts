/**
 * The worker process: pg-boss queues on the app's Postgres. Registers every job, schedules each
 * source's cron, marks runs interrupted by a crash as failed, and loads the curated dataset once
 * at startup. Any number of workers can run; pg-boss and the per-source lock coordinate them.
 */
import { closeDb, getPool } from "../lib/db";
import { getEnv, requireDatabaseUrl } from "../lib/env";
import { moduleLogger } from "../lib/logger";
import { createBoss } from "../lib/queue";
import { jobs, ingestSourceJob, sendDigestJob } from "./jobs";
import { ensureSource, failInterruptedRuns } from "./runs";
import { listSources } from "./sources/registry";
import "./run-source";

const log = moduleLogger("worker");

export async function startWorker(opts: { loadCuratedAtStart?: boolean } = {}) {
  const pool = getPool();
  const boss = createBoss(requireDatabaseUrl());
  let stopping = false;
  // while stopping, the database may go away first (Ctrl-C reaches every process at once)
  boss.on("error", (err) => (stopping ? log.debug({ err: err.message }, "queue error while stopping") : log.error({ err: err.message }, "queue error")));
  await boss.start();

  const interrupted = await failInterruptedRuns(pool);
  if (interrupted) log.warn({ interrupted }, "marked ingest runs interrupted by an earlier crash as failed");

  for (const job of jobs) {
    await boss.createQueue(job.name, job.queue);
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([j]) => {
      const parsed = job.payload.safeParse(j!.data);
      if (!parsed.success) {
        log.error({ job: job.name, id: j!.id, issues: parsed.error.issues }, "job payload rejected");
        return { rejected: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
      }
      return job.run(parsed.data, { pool, log: log.child({ job: job.name, id: j!.id }) });
    });
  }

  for (const source of listSources()) {
    await ensureSource(pool, source); // listed on the data page before its first run
    if (!source.schedule) {
      await boss.unschedule(ingestSourceJob.name, source.slug).catch(() => {});
      continue;
    }
    await boss.schedule(ingestSourceJob.name, source.schedule, { source: source.slug, trigger: "schedule" }, { key: source.slug, singletonKey: source.slug });
  }
  const digestSchedule = getEnv().DIGEST_SCHEDULE;
  if (digestSchedule === "off") await boss.unschedule(sendDigestJob.name).catch(() => {});
  else await boss.schedule(sendDigestJob.name, digestSchedule, {}, { tz: getEnv().DIGEST_TIMEZONE });
  if (opts.loadCuratedAtStart ?? true) {
    await boss.send(ingestSourceJob.name, { source: "curated", trigger: "startup" }, { singletonKey: "curated" });
  }
  log.info({ jobs: jobs.map((j) => j.name), sources: listSources().map((s) => `${s.slug}${s.schedule ? ` (${s.schedule})` : ""}`) }, "worker started");

  return {
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 20_000 });
      await closeDb();
    },
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  getEnv();
  const worker = await startWorker();
  let exiting = false;
  const stop = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    log.info({ signal }, "worker stopping");
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
