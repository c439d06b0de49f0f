/**
 * Job: one ingest run of one source, then a refresh of the precomputed analytics. Queued per source
 * (singleton key), so runs never overlap.
 */
import { z } from "zod";
import { refreshAnalytics } from "../../lib/precompute/refresh-analytics";
import { runSource, SourceBusyError } from "../run-source";
import type { JobDefinition } from "./types";

const payload = z.strictObject({
  source: z.string().regex(/^[a-z0-9-]+$/),
  trigger: z.enum(["startup", "schedule", "cli", "api", "test"]).default("schedule"),
});

export const ingestSourceJob: JobDefinition<typeof payload> = {
  name: "ingest-source",
  payload,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  async run({ source, trigger }, { pool, log }) {
    try {
      const result = await runSource(pool, source, trigger);
      // fold what the run changed into the precomputed analytics (a no-op when it changed nothing);
      // a failure here leaves the tables marked dirty, so reads stay correct and the next run retries
      await refreshAnalytics(pool).catch((err: Error) => log.error({ err: err.message }, "analytics refresh failed"));
      // a failed fetch is worth retrying with backoff; rejected records are not
      if (result.status === "failed") throw new Error(`ingest of ${source} failed: ${result.message ?? "see run " + result.runId}`);
      return { runId: result.runId, status: result.status, ...result.counts };
    } catch (err) {
      if (err instanceof SourceBusyError) {
        log.info({ source }, "skipped: another run of this source is in progress");
        return { skipped: "busy" };
      }
      throw err;
    }
  },
};
